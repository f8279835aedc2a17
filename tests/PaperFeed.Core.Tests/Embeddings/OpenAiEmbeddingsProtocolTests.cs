using PaperFeed.Embeddings.OpenAi;

namespace PaperFeed.Core.Tests.Embeddings;

public class OpenAiEmbeddingsProtocolTests
{
    [Fact]
    public void Request_has_model_and_input_and_dimensions_only_when_given()
    {
        Assert.Equal("""{"model":"m","input":["a","b"]}""", OpenAiEmbeddingsProtocol.Serialize(new("m", ["a", "b"], null)));
        Assert.Equal("""{"model":"m","input":["a"],"dimensions":256}""", OpenAiEmbeddingsProtocol.Serialize(new("m", ["a"], 256)));
    }

    [Fact]
    public void Vectors_are_put_in_input_order_by_index()
    {
        var answer = OpenAiEmbeddingsProtocol.Parse("""
            {"object": "list", "model": "nomic-embed-text",
             "data": [{"object": "embedding", "index": 2, "embedding": [3, 3]},
                      {"object": "embedding", "index": 0, "embedding": [1, 1]},
                      {"object": "embedding", "index": 1, "embedding": [2.5, -2]}],
             "usage": {"prompt_tokens": 7, "total_tokens": 7}}
            """, 3);

        Assert.Equal([[1f, 1f], [2.5f, -2f], [3f, 3f]], answer.Vectors);
        Assert.Equal("nomic-embed-text", answer.Model);
        Assert.Equal(7, answer.PromptTokens);
    }

    [Fact]
    public void Usage_and_model_may_be_missing()
    {
        var answer = OpenAiEmbeddingsProtocol.Parse("""{"data": [{"index": 0, "embedding": [1]}]}""", 1);

        Assert.Null(answer.Model);
        Assert.Null(answer.PromptTokens);
    }

    [Theory]
    [InlineData("""<html>Bad gateway</html>""", "not an embeddings response")]
    [InlineData("""{"object": "list"}""", "no 'data' list")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}]}""", "1 embeddings for 2 inputs")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"index": 0, "embedding": [2]}]}""", "index 0 appears twice")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"index": 2, "embedding": [2]}]}""", "index 2; expected 0 to 1")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"embedding": [2]}]}""", "index null")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"index": 1, "embedding": []}]}""", "index 1 is missing or empty")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"index": 1, "embedding": "AACAPw=="}]}""", "not an embeddings response")]
    [InlineData("""{"data": [{"index": 0, "embedding": [1]}, {"index": 1, "embedding": [1, 2]}]}""", "differ in length")]
    public void Malformed_answers_say_what_is_wrong(string body, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenAiEmbeddingsProtocol.Parse(body, 2));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"error": {"message": "Invalid API key", "type": "invalid_request_error"}}""", "Invalid API key")] // OpenAI, vLLM
    [InlineData("""{"error": "model \"nomic\" not found, try pulling it first"}""", "model \"nomic\" not found, try pulling it first")] // Ollama
    [InlineData("""{"error": "Input validation error: inputs must have less than 512 tokens", "error_type": "Validation"}""", "Input validation error: inputs must have less than 512 tokens")] // TEI
    [InlineData("""{"detail": "Not Found"}""", "Not Found")]
    [InlineData("upstream connect error", "upstream connect error")]
    [InlineData("", "(empty body)")]
    public void Error_message_is_the_servers_own(string body, string message)
    {
        Assert.Equal(message, OpenAiEmbeddingsProtocol.ErrorMessage(body));
    }

    [Fact]
    public void Long_error_bodies_are_cut()
    {
        var message = OpenAiEmbeddingsProtocol.ErrorMessage(new string('x', 10_000));

        Assert.True(message.Length < 600);
    }
}
