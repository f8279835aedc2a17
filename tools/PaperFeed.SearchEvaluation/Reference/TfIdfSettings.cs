namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>How many features the vocabulary keeps and which document frequencies it admits.</summary>
/// <param name="MaxFeatures">Keep the features with the highest total count in the corpus.</param>
/// <param name="MinDocumentFrequency">Drop features found in fewer documents than this.</param>
/// <param name="MaxDocumentFrequency">Drop features found in more than this share of the documents.</param>
internal sealed record TfIdfSettings(int MaxFeatures, int MinDocumentFrequency, double MaxDocumentFrequency)
{
    /// <summary>The defaults of arxiv-sanity-lite's compute.py: 20,000 features, min_df 5, max_df 0.1.</summary>
    public static TfIdfSettings ArxivSanityLite { get; } = new(20_000, 5, 0.1);
}
