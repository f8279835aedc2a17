using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace PaperFeed.Data.Paging;

/// <summary>
/// Opaque cursors that know which query issued them: base64url of the payload and a SHA-256 check over the query's
/// scope (such as <c>feed:day:2025-03-04</c>) and the payload. Garbage, a hand-edited cursor, or one issued for
/// another query fails to open, so the API answers 400 instead of a wrong page. The check is not a secret: it
/// catches mistakes, not forgery, and a forged cursor could only reach another page of public data.
/// </summary>
public static class SealedCursor
{
    private const int CheckLength = 8;
    private const int MaxLength = 512;

    public static string Seal(string scope, string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString([.. body, .. Check(scope, body)]);
    }

    public static bool TryOpen(string scope, string? cursor, [NotNullWhen(true)] out string? payload)
    {
        payload = null;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(cursor);
        if (bytes.Length <= CheckLength)
        {
            return false;
        }

        var body = bytes.AsSpan(0, bytes.Length - CheckLength);
        if (!CryptographicOperations.FixedTimeEquals(Check(scope, body), bytes.AsSpan(bytes.Length - CheckLength)))
        {
            return false;
        }

        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Check(string scope, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(scope));
        hash.AppendData([0]);
        hash.AppendData(body);
        return hash.GetHashAndReset()[..CheckLength];
    }
}
