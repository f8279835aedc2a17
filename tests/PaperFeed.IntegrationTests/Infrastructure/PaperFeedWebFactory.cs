using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>The real web app, in memory, against a test class's own database.</summary>
public sealed class PaperFeedWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PaperFeed", database.ConnectionString);
        // Request logs of every test would bury the test output; warnings and errors still show.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
