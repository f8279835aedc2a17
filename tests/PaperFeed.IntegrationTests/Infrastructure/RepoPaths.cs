namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Files of the repository the tests use: the bundled samples, the entry script.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SamplesDirectory => Path.Combine(Root, "samples", "daily-papers");

    public static IReadOnlyList<string> SampleFiles =>
        Directory.GetFiles(SamplesDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperFeed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PaperFeed.sln not found above {AppContext.BaseDirectory}");
    }
}
