namespace PaperFeed.Core.Digests;

/// <summary>How often a subscriber gets a digest: every day, or every Monday, at their chosen local hour.</summary>
public enum DigestFrequency
{
    Daily,
    Weekly,
}
