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
        var updated = await update.ExecuteNonQueryAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(PaperMergeSql.InsertNew, connection);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        return (inserted, updated);
    }

    private static async Task CopyIntoStagingAsync(
        NpgsqlConnection connection, List<PaperRecord> papers, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(PaperMergeSql.CopyIntoStaging, cancellationToken);
        for (var ordinal = 0; ordinal < papers.Count; ordinal++)
        {
            var paper = papers[ordinal];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(PaperIdentity.IdFor(paper), NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, paper.ArxivId, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, paper.ArxivVersion, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(PaperIdentity.TitleKeyFor(paper), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(paper.Title, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(paper.TitleIsDerived, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(paper.Abstract, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(paper.Authors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, paper.AuthorCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, paper.PublishedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync((short)paper.DatePrecision, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(paper.Categories.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, paper.Upvotes, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, paper.Url, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, paper.PdfUrl, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(paper.Source, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(PaperIdentity.FingerprintOf(paper), NpgsqlDbType.Bytea, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(
        NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

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

    public BatchCounts Add(BatchCounts other) => this + other;
}
