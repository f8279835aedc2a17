using System.Text;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.OaiPmh;
using static PaperFeed.Core.Tests.Ingest.OaiPmh.OaiPmhReading;

namespace PaperFeed.Core.Tests.Ingest.OaiPmh;

public class OaiPmhResumptionTokenTests
{
    [Fact]
    public async Task Token_of_a_resumed_arXiv_harvest_is_read_with_cursor_and_list_size()
    {
        OaiPmhResumptionToken? token = await ReadAsync(SampleFiles.Fixture(ArxivSample));

        Assert.Equal(new OaiPmhResumptionToken("788421|43001", CompleteListSize: 1024354, Cursor: 42000, ExpirationDate: null), token);
        Assert.True(token!.HasMore);
    }

    [Fact]
    public async Task Token_of_a_first_arXivRaw_page_is_read() =>
        Assert.Equal(new OaiPmhResumptionToken("726959|1001", 58011, 0, null), await ReadAsync(SampleFiles.Fixture(ArxivRawSample)));

    [Theory]
    [InlineData(Arxiv2017Sample)]
    [InlineData(NoRecordsMatchSample)]
    public async Task Complete_or_empty_list_has_no_token(string sample) => Assert.Null(await ReadAsync(SampleFiles.Fixture(sample)));

    [Fact]
    public async Task Empty_token_marks_the_last_part_of_a_list()
    {
        OaiPmhResumptionToken? token = await ReadAsync(ListRecords(RawRecord(), """<resumptionToken completeListSize="2" cursor="1"/>"""));

        Assert.Equal(new OaiPmhResumptionToken("", 2, 1, null), token);
        Assert.False(token!.HasMore);
    }

    [Fact]
    public async Task Expiration_date_is_read_in_UTC()
    {
        OaiPmhResumptionToken? token = await ReadAsync(ListRecords(
            """<resumptionToken expirationDate="2025-01-07T20:49:59Z" cursor="oops">  abc|1001 </resumptionToken>"""));

        Assert.Equal(new OaiPmhResumptionToken("abc|1001", null, null, new DateTimeOffset(2025, 1, 7, 20, 49, 59, TimeSpan.Zero)), token);
    }

    [Fact]
    public async Task Token_of_another_list_verb_is_read_too()
    {
        const string xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListIdentifiers><header><identifier>oai:arXiv.org:2401.00001</identifier></header>
            <resumptionToken>next</resumptionToken></ListIdentifiers></OAI-PMH>
            """;

        Assert.Equal("next", (await ReadAsync(xml))?.Value);
    }

    [Fact]
    public async Task Error_response_fails_with_its_code()
    {
        SourceFormatException e = await Assert.ThrowsAsync<SourceFormatException>(() => ReadAsync(SampleFiles.Fixture(BadResumptionTokenSample)));

        Assert.Equal("OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this repository", e.Reason);
        Assert.Equal("page-2.xml", e.SourceName);
    }

    [Fact]
    public async Task Truncated_response_fails() =>
        await Assert.ThrowsAsync<SourceFormatException>(() => ReadAsync(SampleFiles.Fixture(ArxivRawSample)[..5000]));

    private static Task<OaiPmhResumptionToken?> ReadAsync(byte[] response) => ReadAsync(Encoding.UTF8.GetString(response));

    private static Task<OaiPmhResumptionToken?> ReadAsync(string response) =>
        OaiPmhResponse.ReadResumptionTokenAsync(new StringReader(response), "page-2.xml", TestContext.Current.CancellationToken);
}
