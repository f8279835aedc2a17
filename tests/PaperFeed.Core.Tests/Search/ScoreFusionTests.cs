using PaperFeed.Core.Search;

namespace PaperFeed.Core.Tests.Search;

public class ScoreFusionTests
{
    private static List<RankedCandidate> Ranking(params (string Id, double Score)[] items) =>
        items.Select(i => new RankedCandidate(i.Id, i.Score)).ToList();

    [Fact]
    public void One_ranking_keeps_its_order()
    {
        var fused = ScoreFusion.Fuse([Ranking(("a", 9), ("b", 5), ("c", 1))], [1.0]);

        Assert.Equal(["a", "b", "c"], fused.Select(c => c.Id));
    }

    [Fact]
    public void Scores_are_weighted_sums_of_z_scores()
    {
        // Lexical: a=3, b=1 → mean 2, sd 1 → z(a)=1, z(b)=-1. Semantic: b=0.9, c=0.5 → z(b)=1, z(c)=-1.
        // Missing candidates take the ranking's lowest z (-1).
        var fused = ScoreFusion.Fuse(
            [Ranking(("a", 3), ("b", 1)), Ranking(("b", 0.9), ("c", 0.5))],
            [0.6, 0.4]);

        var scores = fused.ToDictionary(c => c.Id, c => c.Score);
        Assert.Equal(0.6 * 1 + 0.4 * -1, scores["a"], 9);
        Assert.Equal(0.6 * -1 + 0.4 * 1, scores["b"], 9);
        Assert.Equal(0.6 * -1 + 0.4 * -1, scores["c"], 9);
        Assert.Equal(["a", "b", "c"], fused.Select(c => c.Id));
    }

    [Fact]
    public void A_wide_lead_in_one_ranking_survives_fusion()
    {
        // The known-item case: the target leads BM25 by far, and is only fourth by meaning.
        var lexical = Ranking(("target", 30), ("x", 10), ("y", 9.5), ("z", 9));
        var semantic = Ranking(("x", 0.80), ("y", 0.79), ("z", 0.78), ("target", 0.77));

        var fused = ScoreFusion.Fuse([lexical, semantic], [0.6, 0.4]);

        Assert.Equal("target", fused[0].Id);
    }

    [Fact]
    public void An_empty_ranking_leaves_the_other_in_charge()
    {
        var fused = ScoreFusion.Fuse([Ranking(("a", 1), ("b", 2)), Ranking()], [0.6, 0.4]);

        Assert.Equal(["b", "a"], fused.Select(c => c.Id));
    }

    [Fact]
    public void Equal_scores_tie_break_by_id()
    {
        var fused = ScoreFusion.Fuse([Ranking(("b", 1), ("a", 1))], [1.0]);

        Assert.Equal(["a", "b"], fused.Select(c => c.Id));
    }

    [Fact]
    public void Weights_must_match_rankings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreFusion.Fuse([Ranking(("a", 1))], [0.5, 0.5]));
    }
}
