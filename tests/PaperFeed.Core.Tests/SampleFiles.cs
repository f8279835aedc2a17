using System.Reflection;

namespace PaperFeed.Core.Tests;

/// <summary>
/// Real sources, read from the source tree rather than copied next
/// to the binaries, so they stay byte-exact in one place: the bundled sample (samples/daily-papers) and the
/// other formats' samples under tests/PaperFeed.Core.Tests/Fixtures.
/// </summary>
internal static class SampleFiles
{
    public const string DailyPapers001 = "001_763d4d80ed53942b.txt";
    public const string DailyPapers002 = "002_6cb19fe61475b691.txt";
    public const string DailyPapers003 = "003_6102500490e180c0.txt";

    public static readonly string[] DailyPapersPages = [DailyPapers001, DailyPapers002, DailyPapers003];

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    public static string FixturesDirectory => Path.Combine(RepositoryRoot.Value, "tests", "PaperFeed.Core.Tests", "Fixtures");

    public static byte[] DailyPapers(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot.Value, "samples", "daily-papers", name));

    public static byte[] Fixture(string relativePath) => File.ReadAllBytes(Path.Combine(FixturesDirectory, relativePath));

    // Recorded at build time (tests/Directory.Build.props): the binaries may live outside the repository.
    private static string FindRepositoryRoot() =>
        typeof(SampleFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
}
