namespace PaperFeed.SearchEvaluation.Reference;

/// <summary>A vector with few non-zero entries: feature indexes and their weights.</summary>
internal sealed record SparseVector(int[] Indices, double[] Weights)
{
    public static SparseVector Empty { get; } = new([], []);
}
