using System.Diagnostics;
using System.Text;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// Fits a <see cref="CorpusModel"/> on documents (a paper's title and abstract each): writes them tokenized to a
/// scratch file while counting words, trains the word vectors with fastText, then finds the principal component of
/// the documents' SIF averages. Memory holds the vocabulary and its vectors, never the corpus.
/// </summary>
public sealed class CorpusModelFitter(CorpusFitOptions options)
{
    /// <summary>fastText's end-of-line token, which it lists among the words; not a word of any paper.</summary>
    private const string EndOfSentence = "</s>";

    public async Task<CorpusFitResult> FitAsync(IAsyncEnumerable<string> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var clock = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("paperfeed-corpus-fit-");
        try
        {
            var corpusPath = Path.Combine(directory.FullName, "corpus.txt");
            var (counts, totalTokens, documentCount) = await WriteCorpusAsync(documents, corpusPath, cancellationToken);
            var written = clock.Elapsed;
            if (totalTokens == 0)
            {
                throw new InvalidOperationException("Cannot fit a corpus model: the documents have no words.");
            }

            var (words, vectors) = await FastTextTrainer.TrainAsync(corpusPath, Path.Combine(directory.FullName, "vectors"), options, cancellationToken);
            var trained = clock.Elapsed;
            var vocabulary = BuildVocabulary(words, vectors, counts, totalTokens);
            var unrotated = new CorpusModel(vocabulary.Words, vocabulary.Vectors, vocabulary.Probabilities, options.Dimensions, (float)options.SifA, new float[options.Dimensions]);
            var component = await PrincipalComponentAsync(unrotated, corpusPath, cancellationToken);
            var model = new CorpusModel(vocabulary.Words, vocabulary.Vectors, vocabulary.Probabilities, options.Dimensions, (float)options.SifA, component);
            return new CorpusFitResult(model, documentCount, totalTokens, written, trained - written, clock.Elapsed - trained);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(Dictionary<string, long> Counts, long Tokens, int Documents)> WriteCorpusAsync(
        IAsyncEnumerable<string> documents, string path, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        long tokens = 0;
        var documentCount = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var line = new StringBuilder();
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            line.Clear();
            var state = new LineBuilder(line, lookup);
            CorpusTokenizer.ForEachToken(document, ref state, static (scoped ReadOnlySpan<char> token, ref LineBuilder builder) => builder.Add(token));
            if (state.Tokens == 0)
            {
                continue;
            }

            tokens += state.Tokens;
            documentCount++;
            line.Append('\n');
            await writer.WriteAsync(line, cancellationToken);
        }

        return (counts, tokens, documentCount);
    }

    /// <summary>Appends a document's tokens to its line and counts them.</summary>
    private sealed class LineBuilder(StringBuilder line, Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> counts)
    {
        public int Tokens { get; private set; }

        public void Add(ReadOnlySpan<char> token)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(token);
            counts[token] = counts.TryGetValue(token, out var count) ? count + 1 : 1;
            Tokens++;
        }
    }

    private (List<string> Words, float[] Vectors, float[] Probabilities) BuildVocabulary(
        List<string> words, List<float[]> vectors, Dictionary<string, long> counts, long totalTokens)
    {
        // fastText lists words by falling frequency; the cap keeps the most frequent.
        var kept = new List<string>();
        var flat = new List<float>();
        var probabilities = new List<float>();
        for (var i = 0; i < words.Count && kept.Count < options.MaxVocabulary; i++)
        {
            if (words[i] == EndOfSentence || !counts.TryGetValue(words[i], out var count))
            {
                continue;
            }

            kept.Add(words[i]);
            flat.AddRange(vectors[i]);
            probabilities.Add((float)((double)count / totalTokens));
        }

        return (kept, flat.ToArray(), probabilities.ToArray());
    }

    private static async Task<float[]> PrincipalComponentAsync(CorpusModel model, string corpusPath, CancellationToken cancellationToken)
    {
        var removal = new PrincipalComponentRemoval(model.Dimensions);
        var average = new float[model.Dimensions];
        using var reader = new StreamReader(corpusPath);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (model.WeightedAverage(line, average))
            {
                removal.Add(average);
            }
        }

        return removal.FirstComponent();
    }
}

/// <summary>A fitted model and what fitting it took.</summary>
public sealed record CorpusFitResult(
    CorpusModel Model, int Documents, long Tokens, TimeSpan WriteTime, TimeSpan TrainTime, TimeSpan ComponentTime)
{
    public TimeSpan TotalTime => WriteTime + TrainTime + ComponentTime;
}
