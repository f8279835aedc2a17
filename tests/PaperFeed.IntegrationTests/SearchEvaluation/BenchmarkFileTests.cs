using System.Text;
using PaperFeed.IntegrationTests.Infrastructure;
using PaperFeed.SearchEvaluation.Benchmarks;
using static PaperFeed.IntegrationTests.SearchEvaluation.InstanceEvaluationTests;

namespace PaperFeed.IntegrationTests.SearchEvaluation;

/// <summary>The benchmark files: their format is checked line by line, and the repository's own files pass.</summary>
public sealed class BenchmarkFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("paperfeed-benchmarks-").FullName;

    private static string Benchmarks => Path.Combine(RepoPaths.Root, "benchmarks", "relevance");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_problem_of_a_query_file_is_reported_with_its_line_and_reason()
    {
        var path = Write("queries.tsv", Tsv(
            ["# comment", "lines and blank lines are skipped"],
            [""],
            ["speech synthesis that fits on a phone", "title=PortaSpeech: Portable and High-Quality Generative Text-to-Speech"],
            ["a query without its target"],
            ["  ", "title=Some Paper"],
            ["a target in another form", "id=2301.00001"],
            ["speech synthesis that fits on a phone", "title=Another Paper"],
            ["punctuation is no title", "title= -- "],
            ["too", "many", "fields"]));

        var failure = Assert.Throws<BenchmarkFileException>(() => QuerySetFile.Read(path));

        Assert.Equal(
            [
                $"{path}:4: expected 2 tab-separated fields (query, target), found 1",
                $"{path}:5: the query is empty",
                $"{path}:6: the target must start with 'title=' or 'abstract~', found 'id=2301.00001'",
                $"{path}:7: the same query as line 3",
                $"{path}:8: 'title=' is followed by no words",
                $"{path}:9: expected 2 tab-separated fields (query, target), found 3",
            ],
            failure.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_missing_empty_or_non_utf8_file_is_named()
    {
        var missing = Path.Combine(_directory, "missing.tsv");
        var empty = Write("empty.tsv", "# only a comment\n");
        var latin1 = Path.Combine(_directory, "latin1.tsv");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("r\u00e9sum\u00e9 of a paper\ttitle=Caf\u00e9\n"));

        Assert.Equal($"{missing}: no such file", Assert.Throws<BenchmarkFileException>(() => QuerySetFile.Read(missing)).Message);
        Assert.StartsWith($"{empty}: no queries", Assert.Throws<BenchmarkFileException>(() => QuerySetFile.Read(empty)).Message, StringComparison.Ordinal);
        Assert.Equal($"{latin1}: not UTF-8 text", Assert.Throws<BenchmarkFileException>(() => QuerySetFile.Read(latin1)).Message);
    }

    [Fact]
    public void Judgment_pairs_are_grouped_by_anchor_and_bad_pairs_are_reported()
    {
        var good = Write("judgments.tsv", Tsv(
            ["title=Anchor One", "title=Related A"],
            ["title=Anchor Two", "title=Related B"],
            ["title=anchor one!", "abstract~a phrase of related c"]));
        var bad = Write("bad.tsv", Tsv(
            ["title=Anchor One", "title=ANCHOR  one"],
            ["title=Anchor One", "title=Related A"],
            ["title=Anchor One", "title=related a"],
            ["Anchor One", "title=Related A"]));

        var judgments = SimilarJudgmentsFile.Read(good);
        var failure = Assert.Throws<BenchmarkFileException>(() => SimilarJudgmentsFile.Read(bad));

        Assert.Equal(["title=Anchor One", "title=Anchor Two"], judgments.Anchors.Select(a => a.Anchor.Target.ToString()));
        Assert.Equal([1, 3], judgments.Anchors[0].Related.Select(r => r.Line));
        Assert.Equal(
            [
                $"{bad}:1: a paper is paired with itself",
                $"{bad}:3: the same pair as line 2",
                $"{bad}:4: anchor: the target must start with 'title=' or 'abstract~', found 'Anchor One'",
            ],
            failure.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_repository_benchmarks_are_well_formed_and_their_sets_do_not_overlap()
    {
        var starting = QuerySetFile.Read(Path.Combine(Benchmarks, "starting-queries.tsv"));
        var team = QuerySetFile.Read(Path.Combine(Benchmarks, "team-queries.tsv"));
        var judgments = SimilarJudgmentsFile.Read(Path.Combine(Benchmarks, "similar-judgments.tsv"));

        Assert.Equal(67, starting.Queries.Count);
        Assert.True(team.Queries.Count >= 70, $"{team.Queries.Count} team queries");
        Assert.Empty(team.Queries.Select(q => q.Target.Identity).Intersect(starting.Queries.Select(q => q.Target.Identity)));
        Assert.Equal(team.Queries.Count, team.Queries.Select(q => q.Target.Identity).Distinct().Count());
        Assert.True(judgments.Anchors.Count >= 12, $"{judgments.Anchors.Count} anchors");
        Assert.All(judgments.Anchors, anchor => Assert.InRange(anchor.Related.Count, 3, 10));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
