namespace PaperFeed.Core.Digests;

/// <summary>One paper in a digest, as the mail shows it.</summary>
/// <param name="Url">Where its title links (an http(s) URL: the paper's page at its source, else on this site).</param>
/// <param name="Reason">Why a pick was chosen for this subscriber ("matches “graph neural networks”"); null for trending papers.</param>
public sealed record DigestItem(
    string PaperId, string Title, IReadOnlyList<string> Authors, string Abstract, string Url,
    DateTimeOffset? PublishedAt, int Upvotes, string? Reason);

/// <summary>What one digest holds: the period's trending papers and the papers picked for the subscriber's interests.</summary>
public sealed record DigestContent(DigestFrequency Frequency, IReadOnlyList<DigestItem> Trending, IReadOnlyList<DigestItem> Picks)
{
    public bool IsEmpty => Trending.Count == 0 && Picks.Count == 0;

    public IEnumerable<DigestItem> All => Trending.Concat(Picks);
}

/// <summary>The links every mail carries: the site, the preferences page, the one-click unsubscribe.</summary>
public sealed record MailLinks(string Site, string Manage, string Unsubscribe);

/// <summary>A mail ready for the outbox: one-line subject (see <see cref="MailHeaderText"/>), plain-text and HTML parts.</summary>
public sealed record RenderedMail(string Subject, string TextBody, string HtmlBody);
