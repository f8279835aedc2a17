using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>The real web app, in memory, against a test class's own database.</summary>
/// <param name="clock">Replaces the system clock, for tests of anything relative to "now".</param>
/// <param name="settings">Configuration the test sets (such as a small rate limit), on top of the app's own.</param>
public sealed class PaperFeedWebFactory(
    TestDatabase database, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PaperFeed", database.ConnectionString);
        // Request logs of every test would bury the test output; warnings and errors still show.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
