using System.Globalization;

namespace PaperFeed.Worker.Digests;

/// <summary>What one run did: digests composed, mails sent, retried later, failed for good, and left in doubt.</summary>
public sealed record DigestRunCounts(int Composed, int AlreadyQueued, int Empty, int Sent, int Retried, int Failed, int InDoubt)
{
    public static DigestRunCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"composed {Composed}, sent {Sent}, retried {Retried}, failed {Failed}, in doubt {InDoubt} (already queued {AlreadyQueued}, nothing new for {Empty})");
}
