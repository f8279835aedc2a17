using PaperFeed.Core.Papers;

namespace PaperFeed.SearchEvaluation.Benchmarks;

/// <summary>How a benchmark line names a paper.</summary>
internal enum TargetKind
{
    /// <summary><c>title=T</c>: the paper whose title equals T after lower-casing and folding punctuation and whitespace.</summary>
    Title,

    /// <summary><c>abstract~P</c>: the paper whose abstract contains the words of P in that order (folded the same way).</summary>
    AbstractPhrase,
}

/// <summary>
/// A paper named by its title (or, where titles repeat, a phrase of its abstract) rather than by its id: benchmark
/// files are written by people reading papers, and they stay valid on any instance holding the same papers.
/// </summary>
internal sealed record PaperTarget(TargetKind Kind, string Text)
{
    public const string TitlePrefix = "title=";
    public const string AbstractPrefix = "abstract~";

    /// <summary>The text folded for matching: <see cref="TextNormalizer.NormalizeTitleKey"/>, the store's own title key.</summary>
    public string Key { get; } = TextNormalizer.NormalizeTitleKey(Text);

    /// <summary>Two targets with equal identities name the same paper, however they are spelled.</summary>
    public (TargetKind Kind, string Key) Identity => (Kind, Key);

    public static bool TryParse(string field, out PaperTarget? target, out string? error)
    {
        (TargetKind Kind, string Prefix)? form = field.StartsWith(TitlePrefix, StringComparison.Ordinal) ? (TargetKind.Title, TitlePrefix)
            : field.StartsWith(AbstractPrefix, StringComparison.Ordinal) ? (TargetKind.AbstractPhrase, AbstractPrefix)
            : null;
        target = null;
        if (form is not { } known)
        {
            error = $"the target must start with '{TitlePrefix}' or '{AbstractPrefix}', found '{Shorten(field)}'";
            return false;
        }

        var candidate = new PaperTarget(known.Kind, field[known.Prefix.Length..].Trim());
        if (candidate.Key.Length == 0)
        {
            error = $"'{known.Prefix}' is followed by no words";
            return false;
        }

        target = candidate;
        error = null;
        return true;
    }

    public override string ToString() => (Kind == TargetKind.Title ? TitlePrefix : AbstractPrefix) + Text;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
