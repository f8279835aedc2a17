using PaperFeed.Data.Digests;

namespace PaperFeed.Web.Subscriptions;

/// <summary>A subscription request; everything but <see cref="Email"/> has a default.</summary>
/// <param name="Email" example="ada@example.org">The address digests go to.</param>
/// <param name="Frequency" example="daily">"daily" (default) or "weekly" (Mondays).</param>
/// <param name="SendHour" example="7">Local hour, 0-23, at which digests are sent (default 7).</param>
/// <param name="TimeZone" example="Europe/Berlin">IANA time zone of the send hour (default UTC).</param>
/// <param name="Interests">Free-text topics or saved searches, each matched with hybrid search (at most 20).</param>
/// <param name="Papers">Followed papers (PaperFeed or arXiv ids): similar new papers are picked (at most 50).</param>
/// <param name="Categories">arXiv categories ("cs.LG") or archives ("cs") to keep to; empty for all (at most 20).</param>
public sealed record SubscribeRequest(
    string? Email, string? Frequency = null, int? SendHour = null, string? TimeZone = null,
    IReadOnlyList<string?>? Interests = null, IReadOnlyList<string?>? Papers = null, IReadOnlyList<string?>? Categories = null);

/// <summary>New preferences, replacing the old ones; left-out fields take their defaults.</summary>
public sealed record PreferencesRequest(
    string? Frequency = null, int? SendHour = null, string? TimeZone = null,
    IReadOnlyList<string?>? Interests = null, IReadOnlyList<string?>? Papers = null, IReadOnlyList<string?>? Categories = null);

/// <summary>A token from a link in a mail (the <c>token</c> query parameter of the page it opens).</summary>
public sealed record TokenRequest(string? Token);

/// <summary>The same answer for every address, subscribed or not.</summary>
public sealed record SubscribeAcceptedDto(string Message);

/// <summary>A subscription and its preferences.</summary>
/// <param name="Status">Pending (awaiting confirmation), Active, Unsubscribed or Suspended (mail kept failing).</param>
/// <param name="NextDigestAt">When the next digest is due (UTC), while active.</param>
/// <param name="ManageToken">The token of the preferences page's link, for pages that go on to it.</param>
public sealed record SubscriptionDto(
    string Email, string Status, string Frequency, int SendHour, string TimeZone,
    IReadOnlyList<string> Interests, IReadOnlyList<string> Papers, IReadOnlyList<string> Categories,
    DateTimeOffset? NextDigestAt, string ManageToken);

/// <summary>A paper in a digest preview.</summary>
public sealed record DigestPaperDto(string Id, string Title, IReadOnlyList<string> Authors, string Url, DateTimeOffset? PublishedAt, int Upvotes, string? Reason);

/// <summary>A digest as it would be sent now: its papers, and the mail's subject and both parts.</summary>
public sealed record DigestPreviewDto(
    string Frequency, IReadOnlyList<DigestPaperDto> Trending, IReadOnlyList<DigestPaperDto> Picks,
    string Subject, string Text, string Html);

internal static class SubscriptionMapping
{
    public static SubscriptionDto ToDto(this Subscriber s, string manageToken) => new(
        s.Email, s.Status.ToString(), s.Frequency.ToString().ToLowerInvariant(), s.SendHour, s.TimeZone,
        s.Interests, s.Papers, s.Categories, s.NextDigestAt, manageToken);
}
