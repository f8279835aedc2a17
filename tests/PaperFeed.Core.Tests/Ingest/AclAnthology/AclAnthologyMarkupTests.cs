using PaperFeed.Core.Papers;
using static PaperFeed.Core.Tests.Ingest.AclAnthology.AclXml;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

/// <summary>Inline markup and entities in titles, abstracts and names, as the Anthology writes them.</summary>
public class AclAnthologyMarkupTests
{
    private static Task<PaperRecord> PaperWithAsync(string title = "A Paper", string abstractText = "An abstract.", string more = "") =>
        SinglePaperAsync(Collection(Paper("1", title, abstractText, more: more)));

    [Theory]
    [InlineData("<fixed-case>S</fixed-case>afe<fixed-case>C</fixed-case>onv: Explaining Unsafe Behavior", "SafeConv: Explaining Unsafe Behavior")]
    [InlineData("Knowledge Distillation <tex-math>\\approx</tex-math> Label Smoothing", "Knowledge Distillation $\\approx$ Label Smoothing")]
    [InlineData("RED<tex-math>^{\\textrm{FM}}</tex-math>: a Dataset", "RED$^{\\textrm{FM}}$: a Dataset")]
    [InlineData("<i>Ad hoc</i> <b>bold</b> claims", "Ad hoc bold claims")]
    [InlineData("H<sub>2</sub>O and x<sup>2</sup>", "H2O and x2")]
    [InlineData("Nested <i><fixed-case>B</fixed-case>ERT</i> models", "Nested BERT models")]
    [InlineData("  Wrapped\n        over   two lines ", "Wrapped over two lines")]
    [InlineData("<unknown-tag>Kept</unknown-tag> text", "Kept text")]
    public async Task Title_markup_is_removed_and_math_kept_as_latex(string title, string expected) =>
        Assert.Equal(expected, (await PaperWithAsync(title: title)).Title);

    [Theory]
    [InlineData("called MUST<tex-math>_{\\mathrm{adaptive}}</tex-math> that", "called MUST$_{\\mathrm{adaptive}}$ that")]
    [InlineData("significance (<tex-math> p&lt;0.001 </tex-math>).", "significance ($p<0.001$).")]
    [InlineData("available at <url>https://github.com/mianzhang/SafeConv</url>.", "available at https://github.com/mianzhang/SafeConv.")]
    [InlineData("AT&amp;T and vision &amp; language, &lt;ins&gt; tokens", "AT&T and vision & language, <ins> tokens")]
    [InlineData("Repair and Grounding (R\\&amp;amp;G) and R&amp;amp;G", "Repair and Grounding (R\\&G) and R&G")]
    [InlineData("ranked $14^{th}$ with \\textbf{EPM} and 10\\% more", "ranked $14^{th}$ with \\textbf{EPM} and 10\\% more")]
    [InlineData("one&#13;two&#160;three", "one two three")]
    [InlineData("<![CDATA[a <b> in CDATA]]> stays", "a <b> in CDATA stays")]
    [InlineData("Please find the attached PDF file", "Please find the attached PDF file")]
    public async Task Abstract_markup_and_entities_become_plain_text(string abstractText, string expected) =>
        Assert.Equal(expected, (await PaperWithAsync(abstractText: abstractText)).Abstract);

    [Fact]
    public async Task Author_names_ignore_affiliations_and_names_in_other_scripts()
    {
        var authors = """
            <author><first>Jiayu</first><last>Ding</last><affiliation>Fudan</affiliation><variant script="hani"><first>佳玙</first><last>丁</last></variant></author>
            <author><first/><last>Mausam</last></author>
            <author><last>Supryadi</last></author>
            <author><first>Ada</first></author>
            <author><first> </first><last/></author>
            <author><first>Zae  Myung</first><last>Kim</last></author>
            <author><first>Ren&#233;</first><last>O&apos;Neil</last></author>
            """;
        var xml = Collection($"""<paper id="1"><title>T</title>{authors}<abstract>A.</abstract><url>2023.test-1.1</url></paper>""");

        PaperRecord paper = await SinglePaperAsync(xml);

        Assert.Equal(["Jiayu Ding", "Mausam", "Supryadi", "Ada", "Zae Myung Kim", "René O'Neil"], paper.Authors);
    }

    [Fact]
    public async Task Paper_without_authors_has_an_empty_list()
    {
        PaperRecord paper = await SinglePaperAsync(Collection("""<paper id="1"><title>T</title><abstract>A.</abstract><url>2023.test-1.1</url></paper>"""));

        Assert.Empty(paper.Authors);
    }
}
