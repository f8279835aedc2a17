namespace PaperFeed.Core.Ingest.Xml;

/// <summary>The namespace URIs of the feed formats arXiv serves, compared by ordinal equality.</summary>
internal static class XmlNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>arXiv's extension elements (primary_category, doi, announce_type), in the API and the listing feeds alike.</summary>
    public const string Arxiv = "http://arxiv.org/schemas/atom";

    public const string OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
}
