using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.HuggingFace;

/// <summary>
/// JSON from the Hugging Face papers API (see HF-PAPERS-API.md): the arrays of <c>/api/daily_papers</c> and
/// <c>/api/papers/search</c>, read one element at a time, or the single Paper object of <c>/api/papers/{id}</c>
/// (several such objects one after another, as JSON Lines, are read too).
/// Gives arXiv ids, titles, abstracts, author names, the arXiv publication day and upvotes. The same paper may
/// appear in many responses with a growing upvote count; the store keeps the largest.
/// </summary>
public sealed partial class HuggingFacePapersParser : IPaperSourceParser
{
    public const string FormatName = "hf-papers-json";

    /// <summary>
    /// Longest entry read, in characters. A paper with hundreds of authors is some tens of KB; one this long is a
    /// broken or hostile source, refused rather than held in memory (as <see cref="SourceLines.MaxLineLength"/> does for lines).
    /// </summary>
    public const int MaxEntryLength = SourceLines.MaxLineLength;

    public string Format => FormatName;

    /// <summary>
    /// JSON whose first paper shows keys only Hugging Face uses together: <c>paper</c> with <c>upvotes</c>, or
    /// <c>id</c>, <c>summary</c> and <c>upvotes</c>; or, when a long author list pushes <c>upvotes</c> past the
    /// head, an author list that starts with a Hub ObjectId (<c>"authors":[{"_id":"6a2c75a3a0d4daae4285f065"</c>).
    /// </summary>
    public bool Recognizes(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.Length == 0 || start[0] is not ('[' or '{'))
        {
            return false;
        }

        return (HasKey(start, "upvotes") && (HasKey(start, "paper", valueStart: "{") || (HasKey(start, "summary") && HasKey(start, "id"))))
            || HubAuthorList().IsMatch(start);
    }

    public async IAsyncEnumerable<SourceEntry> ParseAsync(
        TextReader reader,
        ParseContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);

        await using var json = new Utf8TextStream(reader);

        // An array is read element by element. An object is read as the first of a sequence of top-level values,
        // so that one paper (/api/papers/{id}) and JSON Lines of papers stream alike.
        var topLevelValues = await json.PeekSignificantByteAsync(cancellationToken) switch
        {
            (byte)'[' => false,
            (byte)'{' => true,
            _ => throw new SourceFormatException(context.SourceName, new SourcePosition(Line: 1), "not a JSON array or object"),
        };
        await using IAsyncEnumerator<JsonElement> values = JsonSerializer
            .DeserializeAsyncEnumerable<JsonElement>(json, topLevelValues, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        long number = 0;
        while (true)
        {
            try
            {
                json.LimitTo(MaxEntryLength);
                if (!await values.MoveNextAsync())
                {
                    break;
                }
            }
            catch (JsonException) when (json.LimitReached)
            {
                throw new SourceFormatException(context.SourceName, new SourcePosition(Entry: number + 1), $"entry longer than {MaxEntryLength} characters");
            }
            catch (JsonException e)
            {
                throw Invalid(context, e);
            }

            number++;
            if (topLevelValues && number == 1 && ApiError(values.Current) is { } error)
            {
                throw new SourceFormatException(context.SourceName, null, $"the Hugging Face API answered with an error: {error}");
            }

            yield return HuggingFacePaperEntry.ToEntry(values.Current, number);
        }
    }

    // The API reports a refused request as {"error": "..."}, e.g. for limit=101.
    private static string? ApiError(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("error", out JsonElement error)
            && !value.TryGetProperty("id", out _) && !value.TryGetProperty("paper", out _)
            ? (error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText())
            : null;

    private static SourceFormatException Invalid(ParseContext context, JsonException e)
    {
        // JsonException appends "Path: … | LineNumber: … | BytePositionInLine: …" (0-based); the position and
        // the reason say it once, counted from 1.
        var message = JsonLocation().Replace(e.Message, "");
        var where = e.LineNumber is null ? "" : $" at {e.Path ?? "$"}, byte {e.BytePositionInLine + 1} of the line";
        return new SourceFormatException(
            context.SourceName,
            e.LineNumber is { } line ? new SourcePosition(Line: line + 1) : null,
            $"invalid or truncated JSON{where}: {message}");
    }

    // "key": followed, when valueStart is given, by a value that starts with it.
    private static bool HasKey(string json, string key, string valueStart = "")
    {
        var quoted = $"\"{key}\"";
        for (var at = json.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = json.IndexOf(quoted, at + 1, StringComparison.Ordinal))
        {
            ReadOnlySpan<char> afterKey = json.AsSpan(at + quoted.Length).TrimStart(" \t\r\n");
            if (afterKey.StartsWith(':') && afterKey[1..].TrimStart(" \t\r\n").StartsWith(valueStart, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"""authors""\s*:\s*\[\s*\{\s*""_id""\s*:\s*""[0-9a-f]{24}""", RegexOptions.CultureInvariant)]
    private static partial Regex HubAuthorList();

    [GeneratedRegex(@"\s*(?:Path: .*?\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonLocation();
}
