using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivAtom;
using static PaperFeed.Core.Tests.Ingest.ArxivAtom.ArxivAtomReading;

namespace PaperFeed.Core.Tests.Ingest.ArxivAtom;

public class ArxivAtomPagingTests
{
    [Fact]
    public void Paging_numbers_of_a_query_response_are_read_whatever_their_order()
    {
        ArxivApiPaging paging = ArxivAtomFeed.ReadPaging(SampleText(Query));

        Assert.Equal(new ArxivApiPaging(TotalResults: 214881, StartIndex: 0, ItemsPerPage: 15), paging);
        Assert.Equal(15, paging.NextStartIndex);
        Assert.True(paging.HasMorePages);
    }

    [Fact]
    public void Paging_numbers_of_2016_with_namespaces_declared_on_each_element_are_read()
    {
        using var reader = new StringReader(SampleText(Query2016));

        ArxivApiPaging paging = ArxivAtomFeed.ReadPaging(reader);

        Assert.Equal(new ArxivApiPaging(TotalResults: 31, StartIndex: 0, ItemsPerPage: 10), paging);
        Assert.True(paging.HasMorePages);
    }

    [Fact]
    public void Empty_result_has_zero_total_and_no_more_pages()
    {
        ArxivApiPaging paging = ArxivAtomFeed.ReadPaging(SampleText(Empty));

        Assert.Equal(new ArxivApiPaging(TotalResults: 0, StartIndex: 0, ItemsPerPage: 100), paging);
        Assert.False(paging.HasMorePages);
    }

    [Fact]
    public void Last_page_has_no_more_pages()
    {
        Assert.False(new ArxivApiPaging(TotalResults: 31, StartIndex: 30, ItemsPerPage: 10).HasMorePages);
        Assert.True(new ArxivApiPaging(TotalResults: 31, StartIndex: 20, ItemsPerPage: 10).HasMorePages);
    }

    [Fact]
    public void Error_response_fails_with_the_api_message_rather_than_giving_numbers()
    {
        SourceFormatException e = Assert.Throws<SourceFormatException>(() => ArxivAtomFeed.ReadPaging(SampleText(Error), "https://export.arxiv.org/api/query?id_list=abc"));

        Assert.Equal("arXiv API error: incorrect id format for abc", e.Reason);
        Assert.Equal("https://export.arxiv.org/api/query?id_list=abc", e.SourceName);
    }

    [Fact]
    public void Truncated_response_fails_naming_the_line()
    {
        var text = SampleText(Query);

        SourceFormatException e = Assert.Throws<SourceFormatException>(() => ArxivAtomFeed.ReadPaging(text[..300]));

        Assert.StartsWith("malformed XML", e.Reason, StringComparison.Ordinal);
        Assert.Equal(4, e.Position?.Line);
    }

    [Fact]
    public void Missing_or_unreadable_numbers_fail_naming_the_element()
    {
        var withoutTotal = SampleText(Empty).Replace("<opensearch:totalResults>0</opensearch:totalResults>", "", StringComparison.Ordinal);
        var notANumber = SampleText(Empty).Replace("<opensearch:startIndex>0<", "<opensearch:startIndex>zero<", StringComparison.Ordinal);

        Assert.Equal("no <opensearch:totalResults> before the first entry", Assert.Throws<SourceFormatException>(() => ArxivAtomFeed.ReadPaging(withoutTotal)).Reason);
        Assert.Equal("<opensearch:startIndex> \"zero\" is not a count", Assert.Throws<SourceFormatException>(() => ArxivAtomFeed.ReadPaging(notANumber)).Reason);
    }

    [Fact]
    public void Listing_feed_is_not_an_api_response()
    {
        var rss = System.Text.Encoding.UTF8.GetString(SampleFiles.Fixture("arxiv-listing-feed/arxiv-rss-new.xml"));

        SourceFormatException e = Assert.Throws<SourceFormatException>(() => ArxivAtomFeed.ReadPaging(rss));

        Assert.Contains("root element <rss>", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://arxiv.org/api/errors#incorrect_id_format_for_abc", true)]
    [InlineData("http://arxiv.org/api/errors#max_results_must_be_nonnegative", true)]
    [InlineData("http://export.arxiv.org/api/errors#x", true)]
    [InlineData("http://arxiv.org/abs/2502.07719v2", false)]
    [InlineData("https://example.org/api/errors#x", false)]
    [InlineData("not a url", false)]
    public void Api_error_ids_are_told_from_paper_ids(string id, bool isError)
    {
        Assert.Equal(isError, ArxivAtomFeed.IsApiErrorId(id));
    }
}
