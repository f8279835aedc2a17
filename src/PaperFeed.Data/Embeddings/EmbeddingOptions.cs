using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperFeed.Embeddings.Corpus;

namespace PaperFeed.Data.Embeddings;

/// <summary>Configuration section <c>Embeddings</c>: which provider embeds papers and queries, and how vectors are kept.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    /// <summary>The provider new models come from: <c>corpus</c> (default, fitted on the stored papers) or another registered one.</summary>
    [Required]
    public string Provider { get; set; } = CorpusEmbeddingGenerator.ProviderName;

    /// <summary>Papers embedded and written (one binary COPY) at a time.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How often the worker looks for papers without vectors and for a model to (re)build.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a process re-reads which model is active (queries switch to a new model within this).</summary>
    public TimeSpan ActiveModelCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a retired model's vectors are kept after the switch, so that a process that has not yet noticed the
    /// new model finishes its queries on the old one.
    /// </summary>
    public TimeSpan RetiredGracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    // ValidateDataAnnotations checks nested options only where they are marked so.
    [Required]
    [ValidateObjectMembers]
    public HnswOptions Hnsw { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public CorpusProviderOptions Corpus { get; set; } = new();
}

/// <summary>
/// The per-model HNSW index and its search. Defaults measured on the 37k-paper corpus (docs/search-quality.md):
/// recall@10 against exact search stays high with and without filters at these values.
/// </summary>
public sealed class HnswOptions
{
    [Range(2, 100)]
    public int M { get; set; } = 16;

    [Range(4, 1000)]
    public int EfConstruction { get; set; } = 64;

    /// <summary><c>hnsw.ef_search</c> for queries: candidates kept while walking the graph.</summary>
    [Range(1, 1000)]
    public int EfSearch { get; set; } = 100;

    /// <summary><c>hnsw.max_scan_tuples</c>: how far an iterative scan of a filtered query may go before giving up.</summary>
    [Range(1, int.MaxValue)]
    public int MaxScanTuples { get; set; } = 20_000;

    /// <summary>
    /// A filtered query whose filter keeps fewer papers than this compares the query with each of them instead of
    /// walking the graph: exact, and cheap at that size (0 turns it off).
    /// </summary>
    [Range(0, 1_000_000)]
    public int ExactSearchBelow { get; set; } = 10_000;

    /// <summary>
    /// <c>maintenance_work_mem</c> of the index build, taken only while it runs. The graph is built in it, and past
    /// it the build slows about tenfold: at 1M papers of 200 dimensions 1GB filled after about 700,000 vectors and
    /// the rest went in at a tenth of the speed; 2GB built all 1,000,000 in 549 s (docs/benchmarks.md).
    /// </summary>
    [Required]
    [RegularExpression("^[1-9][0-9]*(kB|MB|GB)$", ErrorMessage = "Embeddings:Hnsw:BuildMemory must be a PostgreSQL memory size such as 512MB or 2GB.")]
    public string BuildMemory { get; set; } = "2GB";
}

/// <summary>When and how the corpus provider fits its model.</summary>
public sealed class CorpusProviderOptions
{
    [Required]
    public CorpusFitOptions Fit { get; set; } = new();

    /// <summary>Papers the first model waits for: word vectors from a handful of abstracts are noise.</summary>
    [Range(1, int.MaxValue)]
    public int MinPapers { get; set; } = 1_000;

    /// <summary>
    /// Fit on at most this many papers (a random sample), so that a refit at a million papers stays bounded: 50,000
    /// synthetic papers (69 MB of text) fit in 19 min on 2 cores at 1M, where 200,000 would take about an hour
    /// (docs/benchmarks.md).
    /// Above the shared corpus (37k), so its measured relevance is that of a fit on every paper.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxPapers { get; set; } = 50_000;

    /// <summary>Refit once the corpus has grown by this fraction since the active model was fitted (0.5 = 50%).</summary>
    [Range(0.01, 100)]
    public double RefitGrowth { get; set; } = 0.5;
}
