using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// Writes one batch of parsed entries atomically: accepted records are merged into <c>papers</c>
/// (<see cref="PaperMergeSql"/>), rejected ones land in <c>rejected_records</c>; all in one transaction.
/// </summary>
public sealed class PaperBatchWriter(NpgsqlDataSource dataSource)
{
    public async Task<BatchCounts> WriteAsync(
        long ingestRunId, string sourceName, IReadOnlyList<SourceEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var papers = entries.Where(e => e.Paper is not null).Select(e => e.Paper!).ToList();
        var (inserted, updated) = papers.Count == 0 ? (0, 0) : await MergeAsync(connection, papers, cancellationToken);
        var rejected = await RecordRejectionsAsync(connection, ingestRunId, sourceName, entries, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new BatchCounts(inserted, updated, papers.Count - inserted - updated, rejected);
    }

    private static async Task<(int Inserted, int Updated)> MergeAsync(
        NpgsqlConnection connection, List<PaperRecord> papers, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(PaperMergeSql.CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyIntoStagingAsync(connection, papers, cancellationToken);

        await using var update = new NpgsqlCommand(PaperMergeSql.UpdateExisting, connection);
        var updated = (int)(long)(await update.ExecuteScalarAsync(cancellationToken))!;
        await using var insert = new NpgsqlCommand(PaperMergeSql.InsertNew, connection);
        var inserted = (int)(long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return (inserted, updated);
    }

    private static async Task CopyIntoStagingAsync(
        NpgsqlConnection connection, List<PaperRecord> papers, CancellationToken cancellationToken)
    {
        // Identity and fingerprint cost more CPU than the COPY itself: compute them on every core first.
        var staged = new (string Id, string TitleKey, byte[] Fingerprint)[papers.Count];
        Parallel.For(0, papers.Count, i => staged[i] = (
            PaperIdentity.IdFor(papers[i]), PaperIdentity.TitleKeyFor(papers[i]), PaperIdentity.FingerprintOf(papers[i])));

        await using var importer = await connection.BeginBinaryImportAsync(PaperMergeSql.CopyIntoStaging, cancellationToken);
        for (var ordinal = 0; ordinal < papers.Count; ordinal++)
        {
            // Synchronous writes: they only fill Npgsql's buffer, and an await per field costs more than the write.
            var paper = papers[ordinal];
            importer.StartRow();
            importer.Write(ordinal, NpgsqlDbType.Integer);
            importer.Write(staged[ordinal].Id, NpgsqlDbType.Text);
            WriteNullable(importer, paper.ArxivId, NpgsqlDbType.Text);
            WriteNullable(importer, paper.ArxivVersion, NpgsqlDbType.Integer);
            importer.Write(staged[ordinal].TitleKey, NpgsqlDbType.Text);
            importer.Write(paper.Title, NpgsqlDbType.Text);
            importer.Write(paper.TitleIsDerived, NpgsqlDbType.Boolean);
            importer.Write(paper.Abstract, NpgsqlDbType.Text);
            importer.Write(paper.Authors as string[] ?? [.. paper.Authors], NpgsqlDbType.Array | NpgsqlDbType.Text);
            WriteNullable(importer, paper.AuthorCount, NpgsqlDbType.Integer);
            WriteNullable(importer, paper.PublishedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            importer.Write((short)paper.DatePrecision, NpgsqlDbType.Smallint);
            importer.Write(paper.Categories as string[] ?? [.. paper.Categories], NpgsqlDbType.Array | NpgsqlDbType.Text);
            WriteNullable(importer, paper.Upvotes, NpgsqlDbType.Integer);
            WriteNullable(importer, paper.Url, NpgsqlDbType.Text);
            WriteNullable(importer, paper.PdfUrl, NpgsqlDbType.Text);
            importer.Write(paper.Source, NpgsqlDbType.Text);
            importer.Write(staged[ordinal].Fingerprint, NpgsqlDbType.Bytea);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static async Task<int> RecordRejectionsAsync(
        NpgsqlConnection connection, long ingestRunId, string sourceName, IReadOnlyList<SourceEntry> entries,
        CancellationToken cancellationToken)
    {
        var rejections = entries.Where(e => e.Rejection is not null).ToList();
        if (rejections.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in rejections)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO rejected_records (ingest_run_id, source, line, byte_offset, entry, reason) VALUES ($1, $2, $3, $4, $5, $6)")
            {
                Parameters =
                {
                    new() { Value = ingestRunId },
                    new() { Value = sourceName },
                    new() { Value = (object?)entry.Position.Line ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                    new() { Value = (object?)entry.Position.ByteOffset ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                    new() { Value = (object?)entry.Position.Entry ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                    new() { Value = entry.Rejection! },
                },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return rejections.Count;
    }
}

/// <summary>What one batch, or a whole source, did to the store.</summary>
public readonly record struct BatchCounts(int Inserted, int Updated, int Unchanged, int Rejected)
{
    public long Records => (long)Inserted + Updated + Unchanged + Rejected;

    public static BatchCounts operator +(BatchCounts a, BatchCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Rejected + b.Rejected);

    // The named alternative to the + operator, for languages without operator overloading (CA2225).
    public BatchCounts Add(BatchCounts other) => this + other;
}
