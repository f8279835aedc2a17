namespace PaperFeed.Web.Pages;

/// <summary>The Razor Pages site: its routes beyond the folder layout.</summary>
public static class SitePages
{
    /// <summary>The feed's URL kinds: <c>/papers/date/2024-05-13</c>, <c>/papers/week/2024-W20</c>, <c>/papers/month/2024-05</c>.</summary>
    public const string FeedRoute = "papers/{kind:regex(^(date|week|month)$)}/{period}";

    public static IServiceCollection AddPaperFeedPages(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.Conventions.AddPageRoute("/Index", FeedRoute));
        return services;
    }
}
