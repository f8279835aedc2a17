using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PaperFeed.Data.Papers;

/// <summary>
/// Position after the last paper of a page. Opaque to clients (base64url of "ticks|id"), so its encoding can
/// change without breaking them.
/// </summary>
public sealed record PaperCursor(DateTimeOffset? PublishedAt, string Id)
{
    public string Encode()
    {
        var ticks = PublishedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{ticks}|{Id}"));
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out PaperCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 2);
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return false;
        }

        if (parts[0].Length == 0)
        {
            cursor = new PaperCursor(null, parts[1]);
            return true;
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new PaperCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        return true;
    }
}
