using System.Net;

namespace PaperFeed.Embeddings.OpenAi;

/// <summary>
/// An embeddings server could not be reached, answered with an error (its own message included), or answered
/// something that is not a valid embeddings response. <see cref="HttpRequestException.StatusCode"/> is the HTTP status
/// when there was one.
/// </summary>
public sealed class OpenAiEmbeddingException : HttpRequestException
{
    public OpenAiEmbeddingException()
    {
    }

    public OpenAiEmbeddingException(string message)
        : base(message)
    {
    }

    public OpenAiEmbeddingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public OpenAiEmbeddingException(string message, Exception? innerException, HttpStatusCode? statusCode)
        : base(message, innerException, statusCode)
    {
    }
}
