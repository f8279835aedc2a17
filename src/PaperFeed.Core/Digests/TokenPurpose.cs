namespace PaperFeed.Core.Digests;

/// <summary>What a link in a mail lets its holder do; a token signed for one purpose is refused for another.</summary>
public enum TokenPurpose : byte
{
    /// <summary>Confirm a subscription (double opt-in); expires.</summary>
    Confirm = 1,

    /// <summary>Read and change the preferences.</summary>
    Manage = 2,

    /// <summary>Unsubscribe, in one click (RFC 8058).</summary>
    Unsubscribe = 3,
}
