using System.Text.Json.Serialization;

namespace PaperFeed.Web.HuggingFace;

/// <summary>An author of a paper. PaperFeed links no author to an account, so <c>user</c> and <c>status</c> never appear.</summary>
/// <param name="ObjectId">A 24-hex id derived from the paper id and the author's place in the list.</param>
/// <param name="Name">The name as the source wrote it.</param>
/// <param name="Hidden">Always false.</param>
public sealed record HfAuthor(
    [property: JsonPropertyName("_id")] string ObjectId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("hidden")] bool Hidden);

/// <summary>The user of a Daily Papers entry's <c>submittedBy</c>: always <see cref="PaperFeedSubmitter"/>.</summary>
public sealed record HfUser(
    [property: JsonPropertyName("_id")] string ObjectId,
    [property: JsonPropertyName("avatarUrl")] string AvatarUrl,
    [property: JsonPropertyName("fullname")] string FullName,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("isPro")] bool IsPro,
    [property: JsonPropertyName("isHf")] bool IsHf,
    [property: JsonPropertyName("isHfAdmin")] bool IsHfAdmin,
    [property: JsonPropertyName("isMod")] bool IsMod,
    [property: JsonPropertyName("followerCount")] int FollowerCount,
    [property: JsonPropertyName("isUserFollowing")] bool IsUserFollowing);

/// <summary>The user of a paper's <c>submittedOnDailyBy</c> (a shorter shape than <see cref="HfUser"/>): always <see cref="PaperFeedSubmitter"/>.</summary>
public sealed record HfSubmitter(
    [property: JsonPropertyName("_id")] string ObjectId,
    [property: JsonPropertyName("avatarUrl")] string AvatarUrl,
    [property: JsonPropertyName("isPro")] bool IsPro,
    [property: JsonPropertyName("fullname")] string FullName,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name);
