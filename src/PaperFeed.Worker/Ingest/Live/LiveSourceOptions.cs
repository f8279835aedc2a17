using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>Configuration section <c>Arxiv</c>: where arXiv's services are (tests point them at a loopback server).</summary>
internal sealed class ArxivOptions : IValidatableObject
{
    public const string Section = "Arxiv";

    /// <summary>The API's query endpoint (https://info.arxiv.org/help/api/user-manual.html).</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://export.arxiv.org/api/query");

    /// <summary>The OAI-PMH endpoint (https://info.arxiv.org/help/oa/index.html).</summary>
    public Uri OaiBaseUrl { get; init; } = new("https://oaipmh.arxiv.org/oai");

    /// <summary>The listing feeds; a category's "new" feed is this URL followed by the category, e.g. <c>cs.CL</c>.</summary>
    public Uri RssBaseUrl { get; init; } = new("https://rss.arxiv.org/rss/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new[] { (nameof(ApiBaseUrl), ApiBaseUrl), (nameof(OaiBaseUrl), OaiBaseUrl), (nameof(RssBaseUrl), RssBaseUrl) }
            .Where(url => !LiveUrls.IsHttp(url.Item2))
            .Select(url => new ValidationResult($"{Section}:{url.Item1} must be an absolute http or https URL."));
}

/// <summary>Configuration section <c>HuggingFace</c>.</summary>
internal sealed class HuggingFaceOptions : IValidatableObject
{
    public const string Section = "HuggingFace";

    /// <summary>The root of the Hugging Face API; daily papers are at <c>daily_papers</c> under it.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://huggingface.co/api/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LiveUrls.IsHttp(ApiBaseUrl))
        {
            yield return new ValidationResult($"{Section}:ApiBaseUrl must be an absolute http or https URL.");
        }
    }
}
