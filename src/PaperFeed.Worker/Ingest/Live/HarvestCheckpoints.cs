using Microsoft.EntityFrameworkCore;
using PaperFeed.Data;
using PaperFeed.Data.Ingest;

namespace PaperFeed.Worker.Ingest.Live;

/// <summary>
/// Reads and saves <see cref="HarvestCheckpoint"/> rows. A checkpoint is saved after the page it follows is stored
/// (a transaction of its own): a crash between the two only makes the resumed harvest store that page again, which
/// changes nothing.
/// </summary>
internal sealed class HarvestCheckpoints(IDbContextFactory<PaperFeedDbContext> dbFactory, TimeProvider clock)
{
    public async Task<HarvestCheckpoint?> FindAsync(string sourceKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.HarvestCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.SourceKey == sourceKey, cancellationToken);
    }

    /// <summary>Records that a harvest over [from, until] goes on with <paramref name="token"/>.</summary>
    public Task SaveProgressAsync(string sourceKey, string token, DateOnly? from, DateOnly? until, CancellationToken cancellationToken) =>
        SaveAsync(sourceKey, checkpoint =>
        {
            checkpoint.Token = token;
            checkpoint.From = from;
            checkpoint.Until = until;
        }, cancellationToken);

    /// <summary>Records that the harvest is complete; the next one starts from <paramref name="harvestedUntil"/> when it is incremental.</summary>
    public Task SaveCompletedAsync(string sourceKey, DateOnly? harvestedUntil, CancellationToken cancellationToken) =>
        SaveAsync(sourceKey, checkpoint =>
        {
            checkpoint.Token = null;
            checkpoint.From = null;
            checkpoint.Until = null;
            checkpoint.HarvestedUntil = harvestedUntil ?? checkpoint.HarvestedUntil;
        }, cancellationToken);

    private async Task SaveAsync(string sourceKey, Action<HarvestCheckpoint> update, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.HarvestCheckpoints.SingleOrDefaultAsync(c => c.SourceKey == sourceKey, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new HarvestCheckpoint { SourceKey = sourceKey };
            db.HarvestCheckpoints.Add(checkpoint);
        }

        update(checkpoint);
        checkpoint.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
