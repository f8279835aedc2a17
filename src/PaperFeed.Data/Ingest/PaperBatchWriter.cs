using Npgsql;
using NpgsqlTypes;
using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.Data.Ingest;

/// <summary>
/// Writes batches of parsed entries: accepted records are merged into <c>papers</c> (<see cref="PaperMergeSql"/>),
/// rejected ones land in <c>rejected_records</c>. Large batches are split by paper id into <see cref="Lanes"/> parts
/// written at once on their own connections, each part one transaction (<see cref="BatchPipeline"/>).
/// </summary>
/// <remarks>
/// One connection keeps one PostgreSQL backend busy on one core while the other idles (docs/benchmarks.md). Every
/// record of a paper goes to the same lane, and a lane writes its parts in order, so no two concurrent transactions
/// touch the same row and a later record of a paper never overtakes an earlier one. A crash between the lanes'
/// commits keeps whole papers from both: each paper is written completely or not at all.
/// </remarks>
public sealed class PaperBatchWriter(NpgsqlDataSource dataSource)
{
    /// <summary>Connections a large batch is written on at once.</summary>
    public int Lanes { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Papers per lane in a stream's first batch (<see cref="LanesFor"/>): a smaller stream goes on fewer connections,
    /// as splitting it costs more than it overlaps.
    /// </summary>
    public int MinimumLaneSize { get; init; } = 1_000;

    /// <summary>
    /// Starts writing a stream of batches into one run (<see cref="BatchPipeline"/>): each lane commits its part of a
    /// batch and goes on with its part of the next, without waiting for the other lanes.
    /// </summary>
    public BatchPipeline Start(long ingestRunId, string sourceName, CancellationToken cancellationToken) =>
        new(this, ingestRunId, sourceName, cancellationToken);

    /// <summary>How many lanes a stream whose first batch is <paramref name="firstBatch"/> entries long is written on.</summary>
    internal int LanesFor(int firstBatch) => Math.Clamp(firstBatch / MinimumLaneSize, 1, Lanes);

    /// <summary>
    /// Identity and fingerprint of every accepted record, then the records split by paper id into
    /// <paramref name="lanes"/> parts: every record of a paper lands in the same part. Rejections are returned apart.
    /// </summary>
    internal static (List<StagedPaper>[] Parts, List<SourceEntry> Rejections) Split(IReadOnlyList<SourceEntry> entries, int lanes)
    {
        var papers = Stage(entries.Where(e => e.Paper is not null).Select(e => e.Paper!).ToList());
        var rejections = entries.Where(e => e.Rejection is not null).ToList();
        var parts = Enumerable.Range(0, lanes).Select(_ => new List<StagedPaper>(papers.Count / lanes + 16)).ToArray();
        foreach (var paper in papers)
        {
            parts[(int)((uint)StringComparer.Ordinal.GetHashCode(paper.Id) % (uint)lanes)].Add(paper);
        }

        return (parts, rejections);
    }

    internal NpgsqlDataSource DataSource => dataSource;

    /// <summary>Writes one lane's part of a batch in one transaction on the lane's connection.</summary>
    internal static async Task<BatchCounts> WriteLaneAsync(
        NpgsqlConnection connection, long ingestRunId, string sourceName, List<StagedPaper> papers, IReadOnlyList<SourceEntry> rejections,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var (inserted, updated) = papers.Count == 0 ? (0, 0) : await MergeAsync(connection, papers, cancellationToken);
        var rejected = await RecordRejectionsAsync(connection, ingestRunId, sourceName, rejections, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new BatchCounts(inserted, updated, papers.Count - inserted - updated, rejected);
    }

    // Identity and fingerprint cost more CPU than the COPY itself: compute them on every core first.
    private static List<StagedPaper> Stage(List<PaperRecord> papers)
    {
        var staged = new StagedPaper[papers.Count];
        Parallel.For(0, papers.Count, i => staged[i] = new StagedPaper(
            papers[i], PaperIdentity.IdFor(papers[i]), PaperIdentity.TitleKeyFor(papers[i]), PaperIdentity.FingerprintOf(papers[i])));
        return [.. staged];
    }

    private static async Task<(int Inserted, int Updated)> MergeAsync(
        NpgsqlConnection connection, List<StagedPaper> papers, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(PaperMergeSql.CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyIntoStagingAsync(connection, papers, cancellationToken);

        var idsAreDistinct = papers.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() == papers.Count;
        await using var update = new NpgsqlCommand(PaperMergeSql.UpdateExisting(idsAreDistinct), connection);
        var updated = (int)(long)(await update.ExecuteScalarAsync(cancellationToken))!;
        await using var insert = new NpgsqlCommand(PaperMergeSql.InsertNew(idsAreDistinct), connection);
        var inserted = (int)(long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return (inserted, updated);
    }

    private static async Task CopyIntoStagingAsync(
        NpgsqlConnection connection, List<StagedPaper> papers, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(PaperMergeSql.CopyIntoStaging, cancellationToken);
        for (var ordinal = 0; ordinal < papers.Count; ordinal++)
        {
            // Synchronous writes: they only fill Npgsql's buffer, and an await per field costs more than the write.
            var (paper, id, titleKey, fingerprint) = papers[ordinal];
            importer.StartRow();
            importer.Write(ordinal, NpgsqlDbType.Integer);
            importer.Write(id, NpgsqlDbType.Text);
            WriteNullable(importer, paper.ArxivId, NpgsqlDbType.Text);
            WriteNullable(importer, paper.ArxivVersion, NpgsqlDbType.Integer);
            importer.Write(titleKey, NpgsqlDbType.Text);
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
            importer.Write(fingerprint, NpgsqlDbType.Bytea);
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
        NpgsqlConnection connection, long ingestRunId, string sourceName, IReadOnlyList<SourceEntry> rejections,
        CancellationToken cancellationToken)
    {
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

/// <summary>A record with its identity and fingerprint, computed before the batch is split and written.</summary>
internal readonly record struct StagedPaper(PaperRecord Paper, string Id, string TitleKey, byte[] Fingerprint);

/// <summary>What one batch, or a whole source, did to the store.</summary>
public readonly record struct BatchCounts(int Inserted, int Updated, int Unchanged, int Rejected)
{
    public long Records => (long)Inserted + Updated + Unchanged + Rejected;

    public static BatchCounts operator +(BatchCounts a, BatchCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Rejected + b.Rejected);

    // The named alternative to the + operator, for languages without operator overloading (CA2225).
    public BatchCounts Add(BatchCounts other) => this + other;
}
