using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Papers;

public class PaperIdentityTests
{
    private static PaperRecord Paper(string title, string? arxivId = null, params string[] authors) =>
        new() { Title = title, Abstract = "An abstract.", Source = "test", ArxivId = arxivId, Authors = authors };

    [Fact]
    public void A_paper_with_an_arxiv_id_is_identified_by_it()
    {
        Assert.Equal("2310.06825", PaperIdentity.IdFor(Paper("Mistral 7B", "2310.06825")));
        Assert.Equal("hep-th_9901001", PaperIdentity.IdFor(Paper("Old", "hep-th/9901001")));
    }

    [Fact]
    public void Without_an_arxiv_id_the_same_title_gives_the_same_id_whatever_its_spelling()
    {
        var a = PaperIdentity.IdFor(Paper("Nyström-Initiated  Low-Rank Adaptation"));
        var b = PaperIdentity.IdFor(Paper("nystrom initiated low rank adaptation"));

        Assert.Equal(a, b);
        Assert.Matches("^pf-[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Same_title_by_different_first_authors_are_different_papers()
    {
        var first = PaperIdentity.IdFor(Paper("Introduction", null, "Ada Lovelace", "Alan Turing"));
        var second = PaperIdentity.IdFor(Paper("Introduction", null, "Grace Hopper"));
        var again = PaperIdentity.IdFor(Paper("INTRODUCTION", null, "A. Lovelace"));

        Assert.NotEqual(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Fingerprint_changes_with_any_field_and_only_then()
    {
        var paper = Paper("Title", "2401.00001", "A B");

        Assert.Equal(PaperIdentity.FingerprintOf(paper), PaperIdentity.FingerprintOf(paper with { }));
        Assert.NotEqual(PaperIdentity.FingerprintOf(paper), PaperIdentity.FingerprintOf(paper with { Upvotes = 3 }));
    }

    [Fact]
    public void Papers_with_derived_titles_are_identified_by_their_abstract()
    {
        var one = new PaperRecord { Title = "We study X", TitleIsDerived = true, Abstract = "We study X. It works.", Source = "t" };
        var other = one with { Abstract = "We study X. It fails." };

        Assert.NotEqual(PaperIdentity.IdFor(one), PaperIdentity.IdFor(other));
        Assert.Equal(PaperIdentity.IdFor(one), PaperIdentity.IdFor(one with { Abstract = "We  study X.\nIt works." }));
    }
}
