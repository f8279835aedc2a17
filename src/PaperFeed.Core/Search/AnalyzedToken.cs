namespace PaperFeed.Core.Search;

/// <summary>
/// One indexed word of a text: its stem (what search compares) and where the word stands in the text (what
/// highlighting marks): <c>text[Start..End]</c>.
/// </summary>
public readonly record struct AnalyzedToken(string Stem, int Start, int End);
