namespace PaperFeed.Worker.Ingest;

internal static class SourcePaths
{
    /// <summary>
    /// A directory stands for the files in it, in name order, leaving out hidden ones (".gitattributes"); anything
    /// else is passed on as given, so that a missing file is reported rather than skipped.
    /// </summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path)
                .Where(file => !Path.GetFileName(file).StartsWith('.'))
                .Order(StringComparer.Ordinal)
            : Enumerable.Repeat(path, 1));
}
