using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Papers;

namespace PaperFeed.Data.Votes;

/// <summary>A paper's vote state as one visitor sees it.</summary>
/// <param name="PaperId">The paper's PaperFeed id.</param>
/// <param name="Upvotes">Sources' upvotes plus this instance's.</param>
/// <param name="Upvoted">Whether this visitor's vote is counted.</param>
public sealed record UpvoteState(string PaperId, int Upvotes, bool Upvoted);

/// <summary>
/// Casting and withdrawing visitors' upvotes. Each change is one statement that writes the vote row and moves
/// <c>papers.local_upvotes</c> together, so they cannot disagree; the primary key of <c>paper_votes</c> makes a
/// repeated vote a no-op even when two arrive at once (the second waits for the first, then finds its row).
/// </summary>
public sealed class PaperUpvotes(NpgsqlDataSource dataSource)
{
    // The paper is found by its id, or by its arXiv id (as GET /papers/{id} does); the id wins when both match.
    private const string TargetSql = """
        target AS (
            SELECT id FROM papers WHERE id = @paper OR arxiv_id = @arxiv ORDER BY id = @paper DESC LIMIT 1
        )
        """;

    private const string CastSql = $"""
        WITH {TargetSql},
        cast_vote AS (
            INSERT INTO paper_votes (paper_id, voter_key)
            SELECT id, @voter FROM target
            ON CONFLICT (paper_id, voter_key) DO NOTHING
            RETURNING paper_id
        )
        UPDATE papers SET local_upvotes = local_upvotes + 1 WHERE id IN (SELECT paper_id FROM cast_vote)
        """;

    private const string WithdrawSql = $"""
        WITH {TargetSql},
        withdrawn AS (
            DELETE FROM paper_votes WHERE paper_id IN (SELECT id FROM target) AND voter_key = @voter
            RETURNING paper_id
        )
        UPDATE papers SET local_upvotes = local_upvotes - 1 WHERE id IN (SELECT paper_id FROM withdrawn)
        """;

    // A statement of its own, so that it sees a vote another request committed while this one waited for it.
    private const string StateSql = $"""
        WITH {TargetSql}
        SELECT p.id, p.upvotes + p.local_upvotes,
               EXISTS (SELECT 1 FROM paper_votes v WHERE v.paper_id = p.id AND v.voter_key = @voter)
        FROM papers p JOIN target USING (id)
        """;

    /// <summary>The value stored in <c>paper_votes.voter_key</c> for a visitor's secret: its SHA-256, in hex.</summary>
    public static string VoterKeyOf(string visitorSecret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitorSecret)));

    /// <summary>Counts the visitor's vote once; null when no paper has that id.</summary>
    /// <param name="paperId">A PaperFeed id or an arXiv id.</param>
    /// <param name="voterKey">The visitor's <see cref="VoterKeyOf"/>.</param>
    public Task<UpvoteState?> UpvoteAsync(string paperId, string voterKey, CancellationToken cancellationToken) =>
        ChangeAsync(CastSql, paperId, voterKey, cancellationToken);

    /// <summary>Withdraws the visitor's vote if there is one; null when no paper has that id.</summary>
    /// <param name="voterKey">The visitor's <see cref="VoterKeyOf"/>; null for a visitor not known yet, who has no vote to withdraw.</param>
    public Task<UpvoteState?> WithdrawAsync(string paperId, string? voterKey, CancellationToken cancellationToken) =>
        ChangeAsync(voterKey is null ? null : WithdrawSql, paperId, voterKey ?? "", cancellationToken);

    private async Task<UpvoteState?> ChangeAsync(string? changeSql, string paperId, string voterKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (changeSql is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(voterKey.Length, 64);
            await using var change = new NpgsqlCommand(changeSql, connection);
            AddParameters(change, paperId, voterKey);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var state = new NpgsqlCommand(StateSql, connection);
        AddParameters(state, paperId, voterKey);
        await using var reader = await state.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UpvoteState(reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2))
            : null;
    }

    private static void AddParameters(NpgsqlCommand command, string paperId, string voterKey)
    {
        var arxivId = ArxivId.TryParse(paperId, out var parsed) ? parsed.Id : null;
        command.Parameters.AddWithValue("paper", paperId);
        command.Parameters.Add(new NpgsqlParameter("arxiv", NpgsqlDbType.Text) { Value = (object?)arxivId ?? DBNull.Value });
        command.Parameters.AddWithValue("voter", voterKey);
    }
}
