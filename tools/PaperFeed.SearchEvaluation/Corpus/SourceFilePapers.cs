using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.SearchEvaluation.Corpus;

/// <summary>
/// The papers an ingest of some source files would store, read with PaperFeed's own parsers and identified as the
/// store identifies them (<see cref="PaperIdentity.IdFor"/>): lets the reference methods run on a corpus dump
/// without an instance, on the same papers and ids an instance ingesting those files would hold.
/// </summary>
internal static class SourceFilePapers
{
    /// <summary>
    /// Reads files; a directory stands for its files in name order, hidden ones left out (as <c>./paperfeed ingest</c>
    /// expands it); <paramref name="progress"/> hears the running total after each path. Rejected records are
    /// skipped, as the ingest skips them; a file that cannot be read at all fails.
    /// </summary>
    public static async Task<IReadOnlyList<CorpusPaper>> ReadAsync(
        IEnumerable<string> paths, Action<string, int>? progress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var papers = new Dictionary<string, PaperRecord>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var file in Expand(path))
            {
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"{file}: no such file or directory", file);
                }

                await using var stream = File.OpenRead(file);
                await foreach (var entry in PaperSourceReader.Default.ReadAsync(stream, new ParseContext(file, today), cancellationToken: cancellationToken))
                {
                    if (entry.Paper is { } record)
                    {
                        Merge(papers, PaperIdentity.IdFor(record), record);
                    }
                }
            }

            progress?.Invoke(path, papers.Count);
        }

        return [.. papers.Select(p => new CorpusPaper(p.Key, p.Value.Title, p.Value.Abstract, p.Value.Authors))];
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(file => !Path.GetFileName(file).StartsWith('.')).Order(StringComparer.Ordinal)
            : [path];

    // The store's rule for a paper read twice (PaperMergeSql): the text of a newer arXiv version, or a real title
    // replacing one derived from the abstract, wins; otherwise the first record's text stays.
    private static void Merge(Dictionary<string, PaperRecord> papers, string id, PaperRecord incoming)
    {
        if (!papers.TryGetValue(id, out var stored)
            || (incoming.ArxivVersion ?? 0) > (stored.ArxivVersion ?? 0)
            || (stored.TitleIsDerived && !incoming.TitleIsDerived))
        {
            papers[id] = incoming;
        }
    }
}
