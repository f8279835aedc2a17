namespace PaperFeed.Web.Hosting;

/// <summary>
/// The headers every answer carries so that a browser treats ingested text as data: a Content-Security-Policy that
/// runs only the app's own scripts and styles (no inline code, so markup slipped into an abstract cannot run), no
/// framing, no MIME sniffing, and referrers kept to this origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI writes its configuration inline; it is the one page exempt from the script policy.
    private static readonly PathString SwaggerPath = new("/swagger");

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            if (!context.Request.Path.StartsWithSegments(SwaggerPath))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return next(context);
        });
}
