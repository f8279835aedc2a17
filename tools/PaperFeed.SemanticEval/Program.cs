using System.Globalization;
using PaperFeed.SemanticEval;

// Usage (ConnectionStrings__PaperFeed names the loaded database):
//   dotnet PaperFeed.SemanticEval.dll fit QUERIES.tsv [--dim 200] [--ws 8] [--min-count 3] [--epoch 8] [--minn 3 --maxn 6]
//       [--a 0.001] [--max-papers N] [--threads N]
//     fits a corpus model variant in memory and ranks every paper by brute-force cosine: the model's quality alone.
//   dotnet PaperFeed.SemanticEval.dll search QUERIES.tsv [--ef-search 40] [--repeat 3]
//     the real SemanticSearch over the active model: quality, HNSW recall@10 against exact search (also with a date
//     and a category filter), and latency with the query's embedding.
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__PaperFeed")
    ?? throw new InvalidOperationException("Set ConnectionStrings__PaperFeed to the database to measure.");
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PaperFeed.SemanticEval fit|search QUERIES.tsv [options]");
    return 2;
}

var options = EvalArguments.Parse(args.Skip(2));
return args[0] switch
{
    "fit" => await FitEvaluation.RunAsync(connectionString, args[1], options),
    "search" => await SearchEvaluation.RunAsync(connectionString, args[1], options),
    _ => 2,
};

internal static class EvalArguments
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.TrimStart('-');
            options[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value");
        }

        return options;
    }

    public static double Get(this Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
