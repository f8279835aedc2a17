using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PaperFeed.Core.Digests;

/// <summary>
/// The token in a mail's links: who (subscriber id), what for (<see cref="TokenPurpose"/>), which confirmation
/// request (<see cref="Stamp"/>: a new subscription after an unsubscribe invalidates older confirmation links) and
/// until when, signed with HMAC-SHA-256 so that nobody can forge one or change its fields. URL-safe base64.
/// </summary>
public sealed record SubscriptionToken(TokenPurpose Purpose, long SubscriberId, int Stamp, DateTimeOffset? ExpiresAt)
{
    private const int PayloadLength = 1 + 8 + 4 + 8;
    private const int MacLength = 16;

    /// <summary>The shortest key accepted: the HMAC's own block of security.</summary>
    public const int MinKeyLength = 32;

    public string Sign(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        Span<byte> token = stackalloc byte[PayloadLength + MacLength];
        token[0] = (byte)Purpose;
        BinaryPrimitives.WriteInt64BigEndian(token[1..], SubscriberId);
        BinaryPrimitives.WriteInt32BigEndian(token[9..], Stamp);
        BinaryPrimitives.WriteInt64BigEndian(token[13..], ExpiresAt?.ToUnixTimeSeconds() ?? 0);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, token[..PayloadLength], mac);
        mac[..MacLength].CopyTo(token[PayloadLength..]);
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token whose signature is right; null for anything else (malformed, altered, foreign).</summary>
    /// <remarks>Expiry is the caller's to check against its clock (<see cref="IsExpired"/>), so that it can say so.</remarks>
    public static SubscriptionToken? Verify(string? text, ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        var expectedChars = ((PayloadLength + MacLength) * 4 + 2) / 3;
        if (text is null || text.Length != expectedChars)
        {
            return null;
        }

        Span<byte> token = stackalloc byte[PayloadLength + MacLength + 2];
        var base64 = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        if (!Convert.TryFromBase64String(base64, token, out var written) || written != PayloadLength + MacLength)
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, token[..PayloadLength], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacLength], token[PayloadLength..(PayloadLength + MacLength)]))
        {
            return null;
        }

        var purpose = (TokenPurpose)token[0];
        if (!Enum.IsDefined(purpose))
        {
            return null;
        }

        var expires = BinaryPrimitives.ReadInt64BigEndian(token[13..]);
        return new SubscriptionToken(
            purpose,
            BinaryPrimitives.ReadInt64BigEndian(token[1..]),
            BinaryPrimitives.ReadInt32BigEndian(token[9..]),
            expires == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The signing key must be at least {MinKeyLength} bytes.", nameof(key));
        }
    }
}
