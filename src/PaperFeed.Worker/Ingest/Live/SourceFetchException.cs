using System.Net;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>A live source did not answer with a document: an error status after the retries, a time-out, a network error.</summary>
internal sealed class SourceFetchException : Exception
{
    public SourceFetchException(Uri url, string reason, HttpStatusCode? status = null, byte[]? body = null, Exception? innerException = null)
        : base($"{url}: {reason}", innerException)
    {
        Url = url;
        Status = status;
        Body = body ?? [];
    }

    public Uri Url { get; }

    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The body of that answer: arXiv explains a bad API query in an Atom feed sent with status 400.</summary>
    public IReadOnlyList<byte> Body { get; }
}
