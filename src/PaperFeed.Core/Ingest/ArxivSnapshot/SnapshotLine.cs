using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace PaperFeed.Core.Ingest.ArxivSnapshot;

/// <summary>
/// Reads the JSON object of one snapshot line with <see cref="Utf8JsonReader"/>, straight from the UTF-8 bytes:
/// only the fields a record needs become strings, the rest is skipped unread. That, rather than a
/// <see cref="JsonDocument"/> or a deserialised object per line, is what keeps a multi-GB snapshot fast.
/// Strings are unescaped into a reused buffer and normalised there, so each field costs one allocation.
/// </summary>
internal sealed class SnapshotLine
{
    private char[] _scratch = new char[16 * 1024];

    /// <summary>Reads one line; on failure <paramref name="problem"/> says why (malformed JSON, a field of the wrong type).</summary>
    public bool TryRead(ReadOnlySpan<byte> line, [NotNullWhen(true)] out SnapshotFields? fields, [NotNullWhen(false)] out string? problem)
    {
        fields = null;
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"not a JSON object (starts with {Describe(reader.TokenType)})";
                return false;
            }

            var read = new SnapshotFields();
            Range? authorsToken = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!TryReadProperty(ref reader, read, ref authorsToken, out problem))
                {
                    return false;
                }
            }

            // Anything after the object other than whitespace (a second object, a stray brace) throws here.
            reader.Read();

            if (read.ParsedAuthors is null && authorsToken is { } token)
            {
                read.AuthorsText = ReadStringToken(line[token]);
            }

            fields = read;
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>True when the line is the start of a JSON value that stops before its end, as a cut file leaves it.</summary>
    public static bool IsIncomplete(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool TryReadProperty(ref Utf8JsonReader reader, SnapshotFields fields, ref Range? authorsToken, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (reader.ValueTextEquals("id"u8))
        {
            fields.Id = ReadString(ref reader, "id", ref problem);
        }
        else if (reader.ValueTextEquals("title"u8))
        {
            fields.Title = ReadNormalizedString(ref reader, "title", ref problem);
        }
        else if (reader.ValueTextEquals("abstract"u8))
        {
            fields.Abstract = ReadNormalizedString(ref reader, "abstract", ref problem);
        }
        else if (reader.ValueTextEquals("categories"u8))
        {
            fields.Categories = ReadString(ref reader, "categories", ref problem);
        }
        else if (reader.ValueTextEquals("authors"u8))
        {
            authorsToken = ReadAuthorsToken(ref reader, ref problem);
        }
        else if (reader.ValueTextEquals("authors_parsed"u8))
        {
            fields.ParsedAuthors = ReadParsedAuthors(ref reader, ref problem);
        }
        else if (reader.ValueTextEquals("versions"u8))
        {
            ReadVersions(ref reader, fields, ref problem);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }

        return problem is null;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        problem = UnlessNull(ref reader, name, "a string");
        return null;
    }

    private string? ReadNormalizedString(ref Utf8JsonReader reader, string name, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            problem = UnlessNull(ref reader, name, "a string");
            return null;
        }

        return CollapsedText.Normalize(Unescaped(ref reader, start: 0));
    }

    /// <summary>The current string token, unescaped into the scratch buffer from <paramref name="start"/> on.</summary>
    private Span<char> Unescaped(ref Utf8JsonReader reader, int start)
    {
        // A UTF-8 byte never becomes more than one UTF-16 character, so the raw length is enough room.
        var needed = start + reader.ValueSpan.Length;
        if (_scratch.Length < needed)
        {
            Array.Resize(ref _scratch, Math.Max(needed, 2 * _scratch.Length));
        }

        return _scratch.AsSpan(start, reader.CopyString(_scratch.AsSpan(start)));
    }

    // The authors string is decoded later, and only when authors_parsed (which comes after it) is missing: for
    // nearly every line the bytes are never turned into a string.
    private static Range? ReadAuthorsToken(ref Utf8JsonReader reader, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            problem = UnlessNull(ref reader, "authors", "a string");
            return null;
        }

        var start = (int)reader.TokenStartIndex;
        return start..(start + reader.ValueSpan.Length + 2);
    }

    /// <summary>[[last, first, suffix, affiliation...], ...] as arXiv's author parser writes it.</summary>
    private List<string>? ReadParsedAuthors(ref Utf8JsonReader reader, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problem = UnlessNull(ref reader, "authors_parsed", "an array");
            return null;
        }

        var names = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problem = $"\"authors_parsed\" holds {Describe(reader.TokenType)}, not a [last, first, suffix] array";
                return null;
            }

            if (ReadParsedAuthor(ref reader) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private string? ReadParsedAuthor(ref Utf8JsonReader reader)
    {
        // The parts go one after another into the scratch buffer; those after the suffix are affiliations,
        // which a display name leaves out.
        Range last = default, first = default, suffix = default;
        var used = 0;
        for (var part = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; part++)
        {
            if (part < 3 && reader.TokenType == JsonTokenType.String)
            {
                var length = Unescaped(ref reader, used).Length;
                Range range = used..(used + length);
                used += length;
                switch (part)
                {
                    case 0: last = range; break;
                    case 1: first = range; break;
                    default: suffix = range; break;
                }
            }

            reader.Skip();
        }

        return SnapshotAuthors.DisplayName(_scratch.AsSpan()[last], _scratch.AsSpan()[first], _scratch.AsSpan()[suffix]);
    }

    /// <summary>[{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, ...]: the highest version and the first one's day.</summary>
    private static void ReadVersions(ref Utf8JsonReader reader, SnapshotFields fields, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problem = UnlessNull(ref reader, "versions", "an array");
            return;
        }

        int? earliest = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"\"versions\" holds {Describe(reader.TokenType)}, not a {{version, created}} object";
                return;
            }

            (var version, DateOnly? created) = ReadVersion(ref reader);
            if (version is not { } number)
            {
                continue;
            }

            fields.LatestVersion = Math.Max(fields.LatestVersion ?? 0, number);
            if (earliest is null || number < earliest)
            {
                earliest = number;
                fields.FirstVersionDay = created;
            }
        }
    }

    private static (int? Version, DateOnly? Created) ReadVersion(ref Utf8JsonReader reader)
    {
        int? version = null;
        DateOnly? created = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            var isCreated = !isVersion && reader.ValueTextEquals("created"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
            {
                if (isVersion)
                {
                    version = VersionNumber(reader.ValueSpan);
                }
                else if (isCreated)
                {
                    created = SnapshotDates.ParseCreated(reader.ValueSpan);
                }
            }

            reader.Skip();
        }

        return (version, created);
    }

    // "v3" is 3.
    private static int? VersionNumber(ReadOnlySpan<byte> text) =>
        text is [(byte)'v' or (byte)'V', .. var digits]
        && Utf8Parser.TryParse(digits, out int number, out var consumed) && consumed == digits.Length && number >= 1
            ? number
            : null;

    /// <summary>A field that is null counts as missing; any other type is a problem.</summary>
    private static string? UnlessNull(ref Utf8JsonReader reader, string name, string expected)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return $"\"{name}\" is {Describe(reader.TokenType)}, not {expected}";
    }

    private static string ReadStringToken(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted, isFinalBlock: true, state: default);
        reader.Read();
        return reader.GetString()!;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
