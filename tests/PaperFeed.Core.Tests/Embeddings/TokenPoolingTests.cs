using PaperFeed.Embeddings.Onnx;

namespace PaperFeed.Core.Tests.Embeddings;

public class TokenPoolingTests
{
    // Three tokens of two values each; the last is padding.
    private static readonly float[] States = [1, 2, 3, -4, 100, 100];
    private static readonly long[] Mask = [1, 1, 0];

    [Fact]
    public void Mean_averages_only_the_real_tokens()
    {
        Assert.Equal([2f, -1f], TokenPooling.Pool(States, Mask, 2, PoolingMode.Mean));
    }

    [Fact]
    public void Max_takes_each_value_over_only_the_real_tokens()
    {
        Assert.Equal([3f, 2f], TokenPooling.Pool(States, Mask, 2, PoolingMode.Max));
    }

    [Fact]
    public void Cls_takes_the_first_token()
    {
        Assert.Equal([1f, 2f], TokenPooling.Pool(States, Mask, 2, PoolingMode.Cls));
    }

    [Fact]
    public void All_padding_pools_to_zero_not_nan()
    {
        Assert.Equal([0f, 0f], TokenPooling.Pool(States, [0, 0, 0], 2, PoolingMode.Mean));
        Assert.Equal([0f, 0f], TokenPooling.Pool(States, [0, 0, 0], 2, PoolingMode.Max));
    }

    [Fact]
    public void States_that_do_not_fit_the_mask_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TokenPooling.Pool(States, [1, 1], 2, PoolingMode.Mean));
    }

    [Fact]
    public void Normalize_gives_unit_length_and_leaves_zero_alone()
    {
        float[] vector = [3, -4];
        TokenPooling.Normalize(vector);
        Assert.Equal([0.6f, -0.8f], vector);

        float[] zero = [0, 0];
        TokenPooling.Normalize(zero);
        Assert.Equal([0f, 0f], zero);
    }
}
