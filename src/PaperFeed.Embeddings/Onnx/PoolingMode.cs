namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// How token states become one sentence vector, as sentence-transformers' <c>1_Pooling/config.json</c> says
/// (<c>pooling_mode_mean_tokens</c>, <c>pooling_mode_cls_token</c>, <c>pooling_mode_max_tokens</c>).
/// </summary>
public enum PoolingMode
{
    /// <summary>The average of the real tokens' states (all-MiniLM-L6-v2, all-mpnet-base-v2, e5).</summary>
    Mean,

    /// <summary>The first token's state, <c>[CLS]</c> (bge-small-en-v1.5, gte).</summary>
    Cls,

    /// <summary>The element-wise maximum over the real tokens' states.</summary>
    Max,
}
