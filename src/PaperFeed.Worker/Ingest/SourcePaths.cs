namespace PaperFeed.Worker.Ingest;

internal static class SourcePaths
{
    /// <summary>A directory stands for the files in it, in name order; anything else is passed on as given.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(path, 1));
}
