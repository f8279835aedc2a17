namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Class fixture: the bundled samples, served by the web app. The tests only read.</summary>
public sealed class SampleSite : IngestedSite
{
    protected override IReadOnlyList<string> Files => RepoPaths.SampleFiles;
}
