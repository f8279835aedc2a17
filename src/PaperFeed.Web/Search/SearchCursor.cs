using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperFeed.Web.Search;

/// <summary>
/// Where the next page of a search starts: an offset into the ranking, bound to the query that issued it (a hash of
/// its parameters), so that a cursor replayed with another query is refused rather than silently skipping results.
/// </summary>
public readonly record struct SearchCursor(int Offset, string QueryHash)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Offset}:{QueryHash}")));

    public static bool TryDecode(string text, string expectedQueryHash, out int offset)
    {
        offset = 0;
        if (text.Length > 64 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            && parts[1] == expectedQueryHash;
    }

    /// <summary>A short hash of everything that defines a ranking.</summary>
    public static string HashOf(params object?[] parameters)
    {
        var text = string.Join('\u001f', parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
    }
}
