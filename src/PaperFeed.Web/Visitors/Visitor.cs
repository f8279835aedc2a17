using System.Buffers.Text;
using System.Security.Cryptography;
using PaperFeed.Data.Votes;

namespace PaperFeed.Web.Visitors;

/// <summary>
/// Who is asking, without accounts: an API client names itself with the <c>X-Client-Key</c> header; a browser
/// gets a long random <c>pf_visitor</c> cookie on its first vote. The server stores only a hash of either
/// (<c>PaperUpvotes.VoterKeyOf</c>).
/// </summary>
public static class Visitor
{
    public const string ClientKeyHeader = "X-Client-Key";
    public const string CookieName = "pf_visitor";
    public const int MinKeyLength = 8;
    public const int MaxKeyLength = 128;

    // Browsers cap cookie lifetimes at 400 days (RFC 6265bis); a vote should outlive that only if the visitor returns.
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    /// <summary>The visitor's secret (client key or cookie), if the request carries a usable one.</summary>
    /// <param name="clientKey">The <c>X-Client-Key</c> header, as bound (several values arrive joined by commas).</param>
    /// <param name="error">Set when the header is present but malformed: a client that names itself wrongly should be told.</param>
    public static string? SecretOf(string? clientKey, HttpRequest request, out string? error)
    {
        error = null;
        // An empty header binds as null, but a client that sent one meant to name itself.
        if (clientKey is null && request.Headers.ContainsKey(ClientKeyHeader))
        {
            clientKey = "";
        }

        if (clientKey is not null)
        {
            if (IsWellFormed(clientKey))
            {
                return clientKey;
            }

            error = $"{ClientKeyHeader} must be {MinKeyLength} to {MaxKeyLength} visible ASCII characters.";
            return null;
        }

        // A cookie we did not write (edited, truncated) is ignored, and a new one is issued on the next vote.
        return request.Cookies.TryGetValue(CookieName, out var cookie) && IsWellFormed(cookie) ? cookie : null;
    }

    /// <summary>The stored key (<c>PaperUpvotes.VoterKeyOf</c>) of the visitor a page request comes from; null for a new visitor.</summary>
    public static string? VoterKeyOf(HttpRequest request) =>
        SecretOf(null, request, out _) is { } secret ? PaperUpvotes.VoterKeyOf(secret) : null;

    /// <summary>The visitor's stored key, giving a new visitor its cookie first.</summary>
    public static string EnsureVoterKey(HttpContext context)
    {
        if (SecretOf(null, context.Request, out _) is { } secret)
        {
            return PaperUpvotes.VoterKeyOf(secret);
        }

        var created = NewSecret();
        SetCookie(context, created);
        return PaperUpvotes.VoterKeyOf(created);
    }

    /// <summary>A new visitor secret: 256 random bits, base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Gives the visitor its <see cref="CookieName"/> cookie, long-lived and out of scripts' reach.</summary>
    public static void SetCookie(HttpContext context, string secret) =>
        context.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            HttpOnly = true,
            // Lax: not sent with cross-site POSTs, so another site cannot vote in the visitor's name.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = CookieLifetime,
            IsEssential = true,
        });

    /// <summary>The rate-limit partition of a request: its visitor when it names one, else its IP address.</summary>
    public static string PartitionOf(HttpContext context) =>
        SecretOf(context.Request.Headers.TryGetValue(ClientKeyHeader, out var key) ? key.ToString() : null, context.Request, out _) is { } secret
            ? "visitor:" + secret
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsWellFormed(string? key) =>
        key is { Length: >= MinKeyLength and <= MaxKeyLength } && key.All(c => c is > ' ' and <= '~');
}
