using PaperFeed.Web.Atom;
using PaperFeed.Web.Feed;
using PaperFeed.Web.Health;
using PaperFeed.Web.Hosting;
using PaperFeed.Web.HuggingFace;
using PaperFeed.Web.Papers;
using PaperFeed.Web.Recommendations;
using PaperFeed.Web.Search;
using PaperFeed.Web.Subscriptions;
using PaperFeed.Web.Trending;
using PaperFeed.Web.Votes;

var builder = WebApplication.CreateBuilder(args);

builder.AddPaperFeedLogging();
builder.Services.AddPaperFeedWeb(builder.Configuration);

var app = builder.Build();

app.UsePaperFeedPipeline();
app.MapPaperFeedHealth();
app.MapPapersApi();
app.MapSearchApi();
app.MapRecommendationsApi();
app.MapFeedApi();
app.MapTrendingApi();
app.MapVotesApi();
app.MapHuggingFaceApi();
app.MapVoteForms();
app.MapAtomFeeds();
app.MapSubscriptionsApi();
app.MapDigestsApi();
app.MapRazorPages();

app.Run();

/// <summary>The web app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
