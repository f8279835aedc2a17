using System.Net.Mail;

namespace PaperFeed.Core.Digests;

/// <summary>A mail address as a subscription takes it: one plain address (no display name), at most 254 characters.</summary>
public static class SubscriberAddress
{
    public const int MaxLength = 254;

    /// <summary>The address trimmed, and its key (lower case) that makes one subscriber per address; null when it is not an address.</summary>
    public static (string Address, string Key)? Parse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problem = "email is required.";
            return null;
        }

        if (trimmed.Length > MaxLength
            || trimmed.Any(char.IsControl)
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            problem = "email must be one mail address, such as ada@example.org.";
            return null;
        }

        return (trimmed, trimmed.ToLowerInvariant());
    }
}
