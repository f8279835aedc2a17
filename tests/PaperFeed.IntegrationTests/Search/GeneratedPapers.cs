using System.Globalization;

namespace PaperFeed.IntegrationTests.Search;

/// <summary>Deterministic made-up papers of real English words, with lengths that vary like real abstracts.</summary>
public static class GeneratedPapers
{
    private static readonly string[] Vocabulary =
        ("model learning network neural graph language transformer attention data training dataset benchmark " +
         "evaluation retrieval ranking search query document embedding vector semantic lexical token sentence " +
         "translation speech image vision video audio robot control policy reward agent planning reasoning " +
         "question answer summary generation decoding sampling diffusion latent encoder decoder layer head " +
         "gradient optimizer loss convergence theory bound proof estimate inference bayesian variational kernel " +
         "sparse dense matrix tensor compression pruning quantization distillation efficiency latency memory " +
         "hardware parallel distributed federated privacy security attack defense robustness fairness bias " +
         "medical clinical protein molecule chemistry physics climate weather finance legal education social")
        .Split(' ');

    /// <summary>Papers <c>2501.00001</c> onwards; abstracts of 20 to 120 words, titles of 3 to 10.</summary>
    public static List<TestPaper> Create(int count, int seed = 7, int firstNumber = 1, string? extraAbstractWords = null)
    {
        var random = new Random(seed);
        var papers = new List<TestPaper>(count);
        for (var i = 0; i < count; i++)
        {
            var title = Words(random, random.Next(3, 11));
            var summary = Words(random, random.Next(20, 121)) + (extraAbstractWords is null ? "" : " " + extraAbstractWords);
            papers.Add(new TestPaper(Id(firstNumber + i), Capitalised(title), Capitalised(summary) + "."));
        }

        return papers;
    }

    public static string Id(int number) => string.Create(CultureInfo.InvariantCulture, $"2501.{number:D5}");

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
