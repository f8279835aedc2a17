using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.HuggingFace;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>Class fixture: a test database holding the four real Hugging Face responses, ingested by the real ingester, and the web app.</summary>
public sealed class HfSampleSite : IngestedSite
{
    protected override IReadOnlyList<string> Files => HfSamples.All;

    protected override PaperSourceReader Reader => new([new HuggingFacePapersParser()]);
}
