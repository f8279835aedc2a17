using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using PaperFeed.Embeddings;
using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// The default provider: word vectors fitted on the stored papers (<see cref="CorpusModelFitter"/>), kept in the
/// model's artifact so that every process embeds the same way. Fits once the corpus has
/// <see cref="CorpusProviderOptions.MinPapers"/>, and again when it has grown by
/// <see cref="CorpusProviderOptions.RefitGrowth"/> since.
/// </summary>
public sealed class CorpusEmbeddingProvider(NpgsqlDataSource dataSource, IOptions<EmbeddingOptions> options, TimeProvider clock) : EmbeddingProvider
{
    private CorpusProviderOptions Corpus => options.Value.Corpus;

    public override string Name => CorpusEmbeddingGenerator.ProviderName;

    public override async Task<NewEmbeddingModel> CreateModelAsync(IProgress<string>? status, CancellationToken cancellationToken)
    {
        var paperCount = await PaperCountAsync(cancellationToken);
        var sample = Math.Min(paperCount, Corpus.MaxPapers);
        status?.Report(string.Create(CultureInfo.InvariantCulture, $"fitting the corpus model on {sample:N0} of {paperCount:N0} papers"));
        var result = await new CorpusModelFitter(Corpus.Fit).FitAsync(ReadSampleAsync(sample < paperCount ? sample : null, cancellationToken), cancellationToken);
        status?.Report(string.Create(CultureInfo.InvariantCulture,
            $"fitted {result.Model.Words.Count:N0} words on {result.Documents:N0} papers in {result.TotalTime.TotalSeconds:F1} s (training {result.TrainTime.TotalSeconds:F1} s)"));
        return new NewEmbeddingModel(
            EmbeddingModelNames.Create(Name, "sif-" + Corpus.Fit.Describe(), clock.GetUtcNow()),
            result.Model.Dimensions,
            CorpusModelFormat.Serialize(result.Model),
            // The corpus size, not the sample's: growth is measured against what the model stood for.
            (int)Math.Min(paperCount, int.MaxValue));
    }

    public override async Task<bool> NeedsNewModelAsync(EmbeddingModel? current, long paperCount, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        if (current is null || current.Provider != Name || current.FittedPaperCount is not { } fitted)
        {
            return paperCount >= Corpus.MinPapers;
        }

        return paperCount >= Corpus.MinPapers && paperCount >= fitted * (1 + Corpus.RefitGrowth);
    }

    public override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var artifact = model.Artifact ?? throw new InvalidOperationException($"Embedding model {model.Name} has no artifact to load.");
        return new CorpusEmbeddingGenerator(CorpusModelFormat.Deserialize(artifact), model.Name);
    }

    private async Task<long> PaperCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM papers");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Titles and abstracts, streamed; a uniform random sample of <paramref name="sample"/> papers when given.</summary>
    private async IAsyncEnumerable<string> ReadSampleAsync(long? sample, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = sample is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"SELECT title, abstract FROM papers ORDER BY random() LIMIT {n}")
            : "SELECT title, abstract FROM papers";
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return PaperText.Of(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
    }
}
