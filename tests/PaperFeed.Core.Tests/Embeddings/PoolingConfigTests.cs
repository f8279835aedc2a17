using PaperFeed.Embeddings.Onnx;

namespace PaperFeed.Core.Tests.Embeddings;

public class PoolingConfigTests
{
    [Theory]
    [InlineData("""{"word_embedding_dimension": 384, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false}""", PoolingMode.Mean)]
    [InlineData("""{"word_embedding_dimension": 384, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}""", PoolingMode.Cls)]
    [InlineData("""{"pooling_mode_max_tokens": true}""", PoolingMode.Max)]
    public void The_one_enabled_mode_is_read(string json, PoolingMode expected)
    {
        Assert.Equal(expected, PoolingConfig.Parse(json, "1_Pooling/config.json"));
    }

    [Theory]
    [InlineData("""{"pooling_mode_mean_tokens": true, "pooling_mode_cls_token": true}""", "only one pooling mode")]
    [InlineData("""{"pooling_mode_mean_sqrt_len_tokens": true}""", "pooling_mode_mean_sqrt_len_tokens, which is not supported")]
    [InlineData("""{"pooling_mode_lasttoken": true}""", "pooling_mode_lasttoken, which is not supported")]
    [InlineData("""{"word_embedding_dimension": 384}""", "enables no pooling mode")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"pooling_mode_mean_tokens": tru""", "not valid JSON")]
    public void Unusable_configs_are_refused_naming_the_file(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => PoolingConfig.Parse(json, "/models/x/1_Pooling/config.json"));

        Assert.Contains("/models/x/1_Pooling/config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
