using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.AclAnthology;
using PaperFeed.Core.Ingest.DailyPapers;
using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.AclAnthology.AclXml;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>Real collection files of the ACL Anthology (Fixtures/acl-anthology-xml), read in full.</summary>
public class AclAnthologySampleTests
{
    // Counted independently: grep -c '<paper ' and grep -c '<abstract>' on each file.
    [Theory]
    [InlineData("2023.jeptalnrecital.xml", 121, 0)]
    [InlineData("2023.wnu.xml", 13, 0)]
    [InlineData("2024.alvr.xml", 18, 0)]
    [InlineData("2024.woah.xml", 24, 0)]
    [InlineData("2023.udfestbr.xml", 0, 10)]
    public async Task Each_collection_yields_every_paper_once(string file, int accepted, int withoutAbstract)
    {
        List<SourceEntry> entries = await ReadAsync(Fixture(file));

        Assert.Equal(accepted, entries.Count(entry => entry.Paper is not null));
        Assert.Equal(withoutAbstract, entries.Count(entry => entry.Rejection?.StartsWith("no abstract", StringComparison.Ordinal) == true));
        Assert.Equal(accepted + withoutAbstract, entries.Count);
        Assert.All(entries.Where(entry => entry.Paper is not null).Select(entry => entry.Paper!), paper =>
        {
            Assert.Equal("acl-anthology-xml", paper.Source);
            Assert.Null(paper.ArxivId);
            Assert.StartsWith("https://aclanthology.org/20", paper.Url, StringComparison.Ordinal);
            Assert.Equal(paper.Url + ".pdf", paper.PdfUrl);
            Assert.NotEmpty(paper.Authors);
            Assert.Equal(DatePrecision.Month, paper.DatePrecision);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
            Assert.Single(paper.Categories);
        });
    }

    // The daily-papers parser comes first, as in PaperSourceReader.Default, and must leave XML alone.
    [Fact]
    public async Task Collections_are_recognised_without_naming_the_format()
    {
        foreach (var file in new[] { "2023.jeptalnrecital.xml", "2023.wnu.xml", "2024.alvr.xml", "2024.woah.xml", "2023.udfestbr.xml" })
        {
            List<SourceEntry> entries = await SourceReading.ReadAllAsync(new MemoryStream(Fixture(file)), reader: new PaperSourceReader([new DailyPapersPageParser(), new AclAnthologyXmlParser()]));
            Assert.NotEmpty(entries);
        }
    }

    [Fact]
    public async Task French_paper_keeps_its_accents_and_gets_the_month_of_a_numeric_month()
    {
        List<SourceEntry> entries = await ReadAsync(Fixture("2023.jeptalnrecital.xml"));

        SourceEntry first = entries[0];
        Assert.Equal(18, first.Position.Line);
        PaperRecord paper = first.Paper!;
        Assert.Equal("Étude de méthodes d’augmentation de données pour la reconnaissance d’entités nommées en astrophysique", paper.Title);
        Assert.StartsWith("Dans cet article nous étudions l’intérêt de l’augmentation de données pour le repérage d’entités nommées", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("et jusqu’à 2 points sur le corpus TDAC.", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Atilla Kaan Alkan", "Cyril Grouin", "Pierre Zweigenbaum"], paper.Authors);
        Assert.Equal(Utc(2023, 6), paper.PublishedAt); // <month>6</month>
        Assert.Equal(DatePrecision.Month, paper.DatePrecision);
        Assert.Equal(["acl:jeptalnrecital"], paper.Categories);
        Assert.Equal("https://aclanthology.org/2023.jeptalnrecital-long.1", paper.Url);
        Assert.Equal("https://aclanthology.org/2023.jeptalnrecital-long.1.pdf", paper.PdfUrl);

        Assert.Equal("Towards a Robust Detection of Language Model-Generated Text: Is ChatGPT that easy to detect?", entries[1].Paper!.Title);
    }

    [Fact]
    public async Task Authors_without_a_first_name_are_named_by_their_last_name()
    {
        List<SourceEntry> entries = await ReadAsync(Fixture("2024.woah.xml"));

        SourceEntry uli = Assert.Single(entries, entry => entry.Paper!.Url == "https://aclanthology.org/2024.woah-1.16");
        Assert.Equal(205, uli.Position.Line);
        Assert.Equal("The Uli Dataset: An Exercise in Experience Led Annotation of oGBV", uli.Paper!.Title);
        Assert.Equal(
            ["Arnav Arora", "Maha Jinadoss", "Cheshta Arora", "Denny George", "Brindaalakshmi", "Haseena Khan", "Kirti Rawat", "Div", "Ritash", "Seema Mathur"],
            uli.Paper.Authors);
        Assert.Equal(Utc(2024, 6), uli.Paper.PublishedAt);
        Assert.Equal(["acl:woah"], uli.Paper.Categories); // the generic "ws" venue is left out
    }

    [Fact]
    public async Task Revised_paper_is_one_record_linking_the_current_version()
    {
        List<SourceEntry> entries = await ReadAsync(Fixture("2024.woah.xml"));

        // 2024.woah-1.16 lists <revision> v1 and v2; the unversioned address serves the latest.
        PaperRecord uli = Assert.Single(entries, entry => entry.Paper!.Title.StartsWith("The Uli Dataset", StringComparison.Ordinal)).Paper!;
        Assert.Equal("https://aclanthology.org/2024.woah-1.16.pdf", uli.PdfUrl);
    }

    [Fact]
    public async Task Math_becomes_dollar_delimited_latex_and_other_markup_plain_text()
    {
        List<PaperRecord> papers = [.. (await ReadAsync(Fixture("2024.alvr.xml"))).Select(entry => entry.Paper!)];

        PaperRecord nope = Assert.Single(papers, paper => paper.Url == "https://aclanthology.org/2024.alvr-1.4");
        Assert.Equal("Negative Object Presence Evaluation (NOPE) to Measure Object Hallucination in Vision-Language Models", nope.Title);
        Assert.Contains("29.5k synthetic negative pronoun ($NegP$) data of high quality for NOPE.", nope.Abstract, StringComparison.Ordinal);
        Assert.Equal(Utc(2024, 8), nope.PublishedAt);
        Assert.Equal(["Holy Lovenia", "Wenliang Dai", "Samuel Cahyawijaya", "Ziwei Ji", "Pascale Fung"], nope.Authors);

        Assert.Equal("WISMIR3: A Multi-Modal Dataset to Challenge Text-Image Retrieval Approaches", papers[0].Title);
        Assert.Contains(papers, paper => paper.Abstract.Contains("https://github.com/gregor-ge/mBLIP", StringComparison.Ordinal));
        Assert.Contains("pre-trained vision & language (VL) models", papers.Single(paper => paper.Url!.EndsWith("alvr-1.5", StringComparison.Ordinal)).Abstract, StringComparison.Ordinal);
        Assert.All(papers, paper =>
        {
            Assert.DoesNotContain('<', paper.Title);
            Assert.DoesNotContain("<i>", paper.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain("<url>", paper.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain("tex-math", paper.Abstract, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Double_escaped_ampersand_ends_as_the_latex_the_authors_wrote()
    {
        List<SourceEntry> entries = await ReadAsync(Fixture("2023.wnu.xml"));

        // The file has "Q\&amp;amp;A": escaped twice over the LaTeX "Q\&A".
        PaperRecord settings = Assert.Single(entries, entry => entry.Paper!.Title == "Story Settings: A Dataset").Paper!;
        Assert.EndsWith("within literary Q\\&A systems.", settings.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Kaley Rittichier"], settings.Authors);
        Assert.Equal(Utc(2023, 7), settings.PublishedAt);
    }

    [Fact]
    public async Task Papers_without_an_abstract_are_rejected_at_their_line_with_id_and_title()
    {
        List<SourceEntry> entries = await ReadAsync(Fixture("2023.udfestbr.xml"));

        SourceEntry first = entries[0];
        Assert.Null(first.Paper);
        Assert.Equal(20, first.Position.Line);
        Assert.Equal("no abstract (2023.udfestbr-1.1 \"Lexical noun phrase chunking with Universal Dependencies for Portuguese\")", first.Rejection);
    }
}
