namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// The user the Hugging Face API names as submitter of every paper (<c>submittedBy</c>, <c>submittedOnDailyBy</c>,
/// filter <c>submitter</c>). PaperFeed's daily lists are made by publication day, not by people submitting papers;
/// this one honest placeholder keeps the required fields filled. Its avatar is a file of this site.
/// </summary>
public static class PaperFeedSubmitter
{
    public const string Name = "paperfeed";
    public const string FullName = "PaperFeed";
    public const string AvatarPath = "/images/paperfeed-avatar.svg";

    public static string ObjectId { get; } = HfObjectId.For("user", Name);

    /// <summary>Hub user names are case-insensitive.</summary>
    public static bool IsNamed(string name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    public static HfUser AsUser(string siteUrl) =>
        new(ObjectId, siteUrl + AvatarPath, FullName, Name, "user",
            IsPro: false, IsHf: false, IsHfAdmin: false, IsMod: false, FollowerCount: 0, IsUserFollowing: false);

    public static HfSubmitter AsSubmitter(string siteUrl) =>
        new(ObjectId, siteUrl + AvatarPath, IsPro: false, FullName, User: Name, Type: "user", Name);
}
