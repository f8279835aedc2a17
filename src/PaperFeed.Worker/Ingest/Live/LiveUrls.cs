using System.Text;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>Building and reading the query strings of live-source URLs.</summary>
internal static class LiveUrls
{
    public static bool IsHttp(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>Reads a command-line argument as an http(s) URL; anything else is a path.</summary>
    public static bool TryParseHttp(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && IsHttp(url);

    /// <summary>The URL with a trailing slash, so that a relative name resolves under it rather than beside it.</summary>
    public static Uri AsDirectory(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");

    /// <summary>The URL with its query replaced by the given parameters, in order; parameters without a value are left out.</summary>
    public static Uri WithQuery(Uri url, params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
        {
            query.Append(query.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return new Uri(url.GetLeftPart(UriPartial.Path) + query);
    }

    /// <summary>The query parameters of a URL, decoded; a repeated name keeps its last value.</summary>
    public static Dictionary<string, string> QueryOf(Uri url)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=', StringComparison.Ordinal) is var at and >= 0
                ? (pair[..at], pair[(at + 1)..])
                : (pair, "");
            parameters[Decode(name)] = Decode(value);
        }

        return parameters;
    }

    // Form encoding writes a space as '+' (arXiv's own links do: search_query=all:electron+AND+...).
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
