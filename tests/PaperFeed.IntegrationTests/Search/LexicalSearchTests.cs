using PaperFeed.Data.Search;
using PaperFeed.Data.Search.Lexical;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>LexicalSearch as its callers use it: ranked OR-matching, pinned hits, filters, similar papers.</summary>
public sealed class LexicalSearchTests(LexicalSearchTests.Corpus corpus) : IClassFixture<LexicalSearchTests.Corpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LexicalSearch Search => new(corpus.Database.DataSource);

    [Theory]
    [InlineData("2409.01234")]
    [InlineData("arXiv:2409.01234v2")]
    [InlineData("https://arxiv.org/abs/2409.01234")]
    [InlineData("what does 2409.01234 say about graph models")]
    public async Task A_query_naming_an_arXiv_id_pins_that_paper_first(string query)
    {
        var hits = await Search.SearchAsync(query, SearchFilter.None, 10, Ct);

        Assert.Equal("2409.01234", hits[0].PaperId);
        Assert.True(hits[0].Pinned);
        Assert.DoesNotContain(hits.Skip(1), h => h.Pinned);
    }

    [Theory]
    [InlineData("hep-th/9901001")]
    [InlineData("hep-th_9901001")]
    [InlineData("arXiv:hep-th/9901001v1")]
    public async Task Old_style_arXiv_ids_pin_their_paper_in_either_spelling(string query)
    {
        var hits = await Search.SearchAsync(query, SearchFilter.None, 10, Ct);

        Assert.Equal(new SearchHit("hep-th_9901001", hits[0].Score, Pinned: true), hits[0]);
    }

    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("attention is all you need!")]
    [InlineData("  ATTENTION-is all, you need ")]
    public async Task A_query_that_is_a_papers_title_pins_it_first(string query)
    {
        var hits = await Search.SearchAsync(query, SearchFilter.None, 10, Ct);

        Assert.Equal("1706.03762", hits[0].PaperId);
        Assert.True(hits[0].Pinned);
        Assert.True(hits[0].Score > 0);
        Assert.Single(hits, h => h.Pinned);
    }

    [Fact]
    public async Task A_quoted_phrase_pins_the_papers_that_contain_it_in_order()
    {
        var hits = await Search.SearchAsync("\"neural machine translation\" survey", SearchFilter.None, 10, Ct);

        var pinned = hits.Where(h => h.Pinned).Select(h => h.PaperId).ToList();
        // The survey also matches "survey", so it ranks first; 2410.00022 has 2410.00002's abstract but not its title.
        Assert.Equal(["2410.00003", "2410.00002", "2410.00022"], pinned);
        Assert.Equal(pinned, hits.Take(3).Select(h => h.PaperId));
        Assert.Contains(hits, h => h.PaperId == "2410.00001" && !h.Pinned); // the same words, not as a phrase
    }

    [Fact]
    public async Task A_long_question_with_words_no_paper_has_still_finds_the_paper()
    {
        var hits = await Search.SearchAsync(
            "which recent paper proposed a frobnicating quixotic approach where attention replaces recurrence entirely for sequence transduction",
            SearchFilter.None, 10, Ct);

        Assert.NotEmpty(hits);
        Assert.Equal("1706.03762", hits[0].PaperId);
        Assert.False(hits[0].Pinned);
    }

    [Fact]
    public async Task A_query_of_stopwords_or_nothing_finds_nothing()
    {
        Assert.Empty(await Search.SearchAsync("", SearchFilter.None, 10, Ct));
        Assert.Empty(await Search.SearchAsync("the of and", SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Date_filters_include_both_end_days_in_UTC()
    {
        var filter = new SearchFilter(From: new DateOnly(2024, 10, 2), To: new DateOnly(2024, 10, 3));

        var hits = await Search.SearchAsync("neural machine translation", filter, 10, Ct);

        Assert.Equal(["2410.00002", "2410.00003"], hits.Select(h => h.PaperId).Order());
    }

    [Fact]
    public async Task A_category_filter_returns_its_best_matches_even_when_better_ones_are_elsewhere()
    {
        var hits = await Search.SearchAsync("graph models", new SearchFilter(Category: "q-bio.PE"), 3, Ct);

        Assert.Equal(["2411.00001"], hits.Select(h => h.PaperId));
    }

    [Fact]
    public async Task Filters_apply_to_pinned_papers_too()
    {
        var hits = await Search.SearchAsync("2409.01234", new SearchFilter(Category: "q-bio.PE"), 10, Ct);

        Assert.DoesNotContain(hits, h => h.PaperId == "2409.01234");
    }

    [Fact]
    public async Task Hits_are_ranked_by_score_with_the_limit_respected()
    {
        var hits = await Search.SearchAsync("graph neural models learning", SearchFilter.None, 5, Ct);

        Assert.Equal(5, hits.Count);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task Similar_papers_never_include_the_paper_or_a_copy_of_it()
    {
        var hits = await Search.SimilarToPaperAsync("2410.00002", 10, Ct);

        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.PaperId is "2410.00002" or "2410.00012" or "2410.00022");
        // The other papers on neural machine translation come first.
        Assert.Equal(["2410.00001", "2410.00003"], hits.Take(2).Select(h => h.PaperId).Order());
    }

    [Fact]
    public async Task Similar_papers_of_an_unknown_paper_are_none()
    {
        Assert.Empty(await Search.SimilarToPaperAsync("2999.99999", 10, Ct));
    }

    public sealed class Corpus : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Database.InitializeAsync();
            const string nmt = "We train neural machine translation models with attention on parallel corpora and report BLEU.";
            List<TestPaper> papers =
            [
                .. GeneratedPapers.Create(300, seed: 21),
                new("1706.03762", "Attention Is All You Need",
                    "The dominant sequence transduction models are based on complex recurrent networks. We propose the Transformer, based solely on attention, dispensing with recurrence entirely."),
                new("2409.01234", "Graph Models of Citation", "Graph models of citation networks.", Categories: "cs.DL"),
                new("hep-th/9901001", "Strings on Branes", "Open strings ending on D-branes."),
                new("2410.00001", "Translation Machines", "A neural model for translation, with a machine that learns.", Published: new DateOnly(2024, 10, 1)),
                new("2410.00002", "Attention for Translation", nmt, Published: new DateOnly(2024, 10, 2)),
                new("2410.00003", "A Survey of Neural Machine Translation", "This survey covers neural machine translation systems.", Published: new DateOnly(2024, 10, 3)),
                // Copies of 2410.00002 under other ids: the same title (other wording of case and punctuation), the same abstract.
                new("2410.00012", "Attention for translation!", "A different abstract about attention for translation.", Published: new DateOnly(2024, 10, 4)),
                new("2410.00022", "Another Title Entirely", nmt, Published: new DateOnly(2024, 10, 4)),
                new("2411.00001", "Population Dynamics", "Ecological population models on a graph of habitats.", Categories: "q-bio.PE"),
            ];
            await SearchCorpus.IngestAsync(Database, papers, TestContext.Current.CancellationToken);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
