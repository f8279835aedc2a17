using System.Reflection;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Files of the repository the tests use: the bundled samples, the entry script.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SamplesDirectory => Path.Combine(Root, "samples", "daily-papers");

    public static IReadOnlyList<string> SampleFiles =>
        Directory.GetFiles(SamplesDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();

    // Recorded at build time (tests/Directory.Build.props): the binaries may live outside the repository.
    private static string FindRoot() =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
}
