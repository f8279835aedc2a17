using Npgsql;
using NpgsqlTypes;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>The paper a similarity search starts from, and how to recognise copies of it among the hits.</summary>
internal sealed record SourcePaper(string Id, string Title, string Abstract, string TitleKey)
{
    public static async Task<SourcePaper?> LoadAsync(NpgsqlConnection connection, string paperId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id, title, abstract, title_key FROM papers WHERE id = @id", connection)
        {
            Parameters = { new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = paperId } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SourcePaper(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <summary>
    /// Which of the papers are this one under another id: the same normalised title (a title key without the
    /// author part that PaperIdentity may append after " | "), or the same abstract.
    /// </summary>
    public async Task<HashSet<string>> DuplicatesAmongAsync(NpgsqlConnection connection, string[] paperIds, CancellationToken cancellationToken)
    {
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        if (paperIds.Length == 0)
        {
            return duplicates;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT id FROM papers
            WHERE id = ANY(@ids)
              AND (split_part(title_key, ' | ', 1) = split_part(@title_key, ' | ', 1) OR (abstract = @abstract AND @abstract <> ''))
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = paperIds },
                new NpgsqlParameter("title_key", NpgsqlDbType.Text) { Value = TitleKey },
                new NpgsqlParameter("abstract", NpgsqlDbType.Text) { Value = Abstract },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            duplicates.Add(reader.GetString(0));
        }

        return duplicates;
    }
}
