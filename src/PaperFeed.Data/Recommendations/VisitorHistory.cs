using Microsoft.EntityFrameworkCore;

namespace PaperFeed.Data.Recommendations;

/// <summary>
/// What one visitor (by voter key, see <see cref="Votes.PaperUpvotes.VoterKeyOf"/>) upvoted and hid: the examples
/// their "For you" recommendations are made from, and the state their pages show.
/// </summary>
public sealed class VisitorHistory(PaperFeedDbContext db)
{
    /// <summary>How many of the latest upvotes and hides a recommendation uses (the API's limit on examples).</summary>
    public const int MaxExamples = 50;

    /// <summary>The ids of the visitor's upvoted papers, latest first.</summary>
    public Task<List<string>> UpvotedAsync(string voterKey, CancellationToken cancellationToken) =>
        db.PaperVotes.AsNoTracking().Where(v => v.VoterKey == voterKey)
            .OrderByDescending(v => v.CreatedAt).ThenBy(v => v.PaperId)
            .Take(MaxExamples).Select(v => v.PaperId).ToListAsync(cancellationToken);

    /// <summary>The ids of the visitor's hidden papers, latest first.</summary>
    public Task<List<string>> HiddenAsync(string voterKey, CancellationToken cancellationToken) =>
        db.HiddenPapers.AsNoTracking().Where(h => h.VoterKey == voterKey)
            .OrderByDescending(h => h.CreatedAt).ThenBy(h => h.PaperId)
            .Take(MaxExamples).Select(h => h.PaperId).ToListAsync(cancellationToken);

    /// <summary>Which of <paramref name="paperIds"/> the visitor upvoted.</summary>
    public async Task<HashSet<string>> UpvotedAmongAsync(string? voterKey, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        if (voterKey is null || paperIds.Count == 0)
        {
            return [];
        }

        var ids = paperIds.ToList();
        var upvoted = await db.PaperVotes.AsNoTracking()
            .Where(v => v.VoterKey == voterKey && ids.Contains(v.PaperId)).Select(v => v.PaperId).ToListAsync(cancellationToken);
        return upvoted.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Hides a paper from the visitor's recommendations; hiding it twice changes nothing. False when no paper has the id.</summary>
    public async Task<bool> HideAsync(string voterKey, string paperId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO visitor_hidden_papers (voter_key, paper_id)
            SELECT {voterKey}, id FROM papers WHERE id = {paperId}
            ON CONFLICT (voter_key, paper_id) DO NOTHING
            """,
            cancellationToken);
        return rows > 0 || await db.Papers.AnyAsync(p => p.Id == paperId, cancellationToken);
    }

    public Task<int> UnhideAsync(string voterKey, string paperId, CancellationToken cancellationToken) =>
        db.HiddenPapers.Where(h => h.VoterKey == voterKey && h.PaperId == paperId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Forgets the visitor: their hidden papers, and their upvotes, which are withdrawn (each paper's local count
    /// drops with its vote, in the one statement, as <see cref="Votes.PaperUpvotes"/> keeps them in step).
    /// </summary>
    public async Task ClearAsync(string voterKey, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            WITH withdrawn AS (
                DELETE FROM paper_votes WHERE voter_key = {voterKey} RETURNING paper_id
            )
            UPDATE papers SET local_upvotes = local_upvotes - 1 WHERE id IN (SELECT paper_id FROM withdrawn)
            """,
            cancellationToken);
        await db.HiddenPapers.Where(h => h.VoterKey == voterKey).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
