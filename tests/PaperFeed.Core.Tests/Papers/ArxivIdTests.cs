using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Papers;

public class ArxivIdTests
{
    [Theory]
    [InlineData("2301.00001", "2301.00001", null)]
    [InlineData("2301.00001v2", "2301.00001", 2)]
    [InlineData("2301.00001V3", "2301.00001", 3)]
    [InlineData("0704.0001", "0704.0001", null)]
    [InlineData("1412.9999v12", "1412.9999", 12)]
    [InlineData("1501.00001", "1501.00001", null)]
    [InlineData("  2502.07719v1  ", "2502.07719", 1)]
    [InlineData("arXiv:2301.00001", "2301.00001", null)]
    [InlineData("arxiv:2301.00001v4", "2301.00001", 4)]
    [InlineData("ARXIV: 2301.00001", "2301.00001", null)]
    [InlineData("oai:arXiv.org:2301.00001", "2301.00001", null)]
    [InlineData("https://arxiv.org/abs/2301.00001", "2301.00001", null)]
    [InlineData("https://arxiv.org/abs/2301.00001v2", "2301.00001", 2)]
    [InlineData("http://arxiv.org/pdf/2301.00001v2.pdf", "2301.00001", 2)]
    [InlineData("https://arxiv.org/pdf/2301.00001v2", "2301.00001", 2)]
    [InlineData("https://arxiv.org/html/2301.00001v1/", "2301.00001", 1)]
    [InlineData("https://export.arxiv.org/abs/2301.00001?context=cs", "2301.00001", null)]
    [InlineData("arxiv.org/abs/2301.00001#section", "2301.00001", null)]
    [InlineData("HTTPS://WWW.ARXIV.ORG/ABS/2301.00001", "2301.00001", null)]
    public void New_style_ids_parse_with_their_version(string input, string id, int? version)
    {
        Assert.True(ArxivId.TryParse(input, out ArxivId parsed));
        Assert.Equal(new ArxivId(id, version), parsed);
        Assert.False(parsed.IsOldStyle);
    }

    [Theory]
    [InlineData("hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("hep-th/9901001v1", "hep-th/9901001", 1)]
    [InlineData("HEP-TH/9901001v3", "hep-th/9901001", 3)]
    [InlineData("math.GT/0309136", "math.GT/0309136", null)]
    [InlineData("math.gt/0309136v2", "math.GT/0309136", 2)]
    [InlineData("cond-mat/0412498v1", "cond-mat/0412498", 1)]
    [InlineData("astro-ph/0601001", "astro-ph/0601001", null)]
    [InlineData("hep-th/9108001", "hep-th/9108001", null)]
    [InlineData("math/0703999", "math/0703999", null)]
    [InlineData("arXiv:hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("oai:arXiv.org:math.GT/0309136", "math.GT/0309136", null)]
    [InlineData("http://arxiv.org/abs/astro-ph/0601001v1", "astro-ph/0601001", 1)]
    [InlineData("https://arxiv.org/pdf/hep-th/9901001v2.pdf", "hep-th/9901001", 2)]
    public void Old_style_ids_parse_with_archive_lower_and_subject_class_upper(string input, string id, int? version)
    {
        Assert.True(ArxivId.TryParse(input, out ArxivId parsed));
        Assert.Equal(new ArxivId(id, version), parsed);
        Assert.True(parsed.IsOldStyle);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("2301")]
    [InlineData("2301.1")]
    [InlineData("2301.000001")]
    [InlineData("2301.0001")] // four digits after 2014
    [InlineData("1412.00001")] // five digits before 2015
    [InlineData("2313.00001")] // month 13
    [InlineData("2300.00001")] // month 0
    [InlineData("0703.0001")] // before the new scheme
    [InlineData("0000.0000")]
    [InlineData("2301.00000")]
    [InlineData("2301.00001v0")]
    [InlineData("2301.00001v")]
    [InlineData("2301.00001v99999999999")]
    [InlineData("2301.00001 extra")]
    [InlineData("2301.00001\nsecond line")]
    [InlineData("2301-00001")]
    [InlineData("hep-th/99010011")]
    [InlineData("hep-th/990100")]
    [InlineData("hep-th/9913001")] // month 13
    [InlineData("hep-th/9107001")] // before arXiv began
    [InlineData("hep-th/0704001")] // after the old scheme ended
    [InlineData("hep-th/9901000")]
    [InlineData("9901001")]
    [InlineData("/9901001")]
    [InlineData("math.GTX/0309136")]
    [InlineData("hep_th/9901001")]
    [InlineData("https://example.com/abs/2301.00001")]
    [InlineData("https://arxiv.org/list/cs.CL/recent")]
    [InlineData("doi:10.48550/arXiv.2301.00001")]
    public void Malformed_ids_are_refused(string? input)
    {
        Assert.False(ArxivId.TryParse(input, out ArxivId parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Parse_throws_FormatException_for_a_malformed_id()
    {
        FormatException e = Assert.Throws<FormatException>(() => ArxivId.Parse("2301.1"));
        Assert.Contains("2301.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_returns_the_id() => Assert.Equal(new ArxivId("2301.00001", 2), ArxivId.Parse("arXiv:2301.00001v2"));

    [Theory]
    [InlineData("2301.00001v2", "https://arxiv.org/abs/2301.00001", "https://arxiv.org/pdf/2301.00001")]
    [InlineData("math.GT/0309136", "https://arxiv.org/abs/math.GT/0309136", "https://arxiv.org/pdf/math.GT/0309136")]
    public void Urls_point_at_the_latest_version(string input, string absUrl, string pdfUrl)
    {
        var id = ArxivId.Parse(input);
        Assert.Equal(absUrl, id.AbsUrl);
        Assert.Equal(pdfUrl, id.PdfUrl);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2301.00001v2", "2301.00001v2")]
    [InlineData("HEP-TH/9901001", "hep-th/9901001")]
    public void ToString_prints_the_id_as_arXiv_does(string input, string expected) =>
        Assert.Equal(expected, ArxivId.Parse(input).ToString());
}
