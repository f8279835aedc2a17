using System.Security.Cryptography;
using System.Text;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PaperFeed.Core.Papers;

/// <summary>
/// Which row a record belongs to. A paper is identified by its arXiv id when the source knows it, else by its
/// normalised title and first author. The public id is derived from that key, so the same data gives the same ids in any database.
/// </summary>
public static class PaperIdentity
{
    private const string TitleIdPrefix = "pf-";

    /// <summary>
    /// The stable id of a new row: the arXiv id (old-style ids have '/' replaced by '_' so that they fit in one
    /// URL segment), else <c>pf-</c> and 16 hex digits of the title key's SHA-256.
    /// </summary>
    public static string IdFor(PaperRecord record) =>
        record.ArxivId is { } arxivId ? IdForArxivId(arxivId) : IdForTitleKey(TitleKeyFor(record));

    public static string IdForArxivId(string arxivId) => arxivId.Replace('/', '_');

    /// <summary>
    /// The normalised title, and the first author's surname when the source names authors: two papers that share
    /// a title ("Introduction", or the same title at two workshops) stay apart when their authors differ. Sources
    /// that show no author names (the daily-papers page) identify by title alone. A title derived from the
    /// abstract says little (many abstracts open alike), so such papers are identified by their whole abstract.
    /// </summary>
    public static string TitleKeyFor(PaperRecord record)
    {
        if (record.TitleIsDerived)
        {
            var abstractHash = SHA256.HashData(Encoding.UTF8.GetBytes(TextNormalizer.NormalizeTitleKey(record.Abstract)));
            return "abstract " + Convert.ToHexStringLower(abstractHash);
        }

        var title = TextNormalizer.NormalizeTitleKey(record.Title);
        var surname = record.Authors.Count > 0 ? TextNormalizer.NormalizeTitleKey(Surname(record.Authors[0])) : "";
        return surname.Length == 0 ? title : $"{title} | {surname}";
    }

    // Authors are stored as display names ("First Last"): the last word is the surname.
    private static string Surname(string author) =>
        author.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : author;

    private static string IdForTitleKey(string titleKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(titleKey));
        return TitleIdPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>
    /// SHA-256 of everything a record says. Equal fingerprints mean an identical record, which lets a re-ingest
    /// skip the merge without comparing field by field. Every field is length-prefixed, so that no two different
    /// records hash the same text.
    /// </summary>
    public static byte[] FingerprintOf(PaperRecord record)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[8];
        void AddNumber(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        void AddText(string? text)
        {
            AddNumber(text?.Length ?? -1);
            if (text is not null)
            {
                hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
            }
        }

        AddText(record.ArxivId);
        AddNumber(record.ArxivVersion ?? -1);
        AddText(record.Title);
        AddNumber(record.TitleIsDerived ? 1 : 0);
        AddText(record.Abstract);
        AddNumber(record.Authors.Count);
        foreach (var author in record.Authors)
        {
            AddText(author);
        }

        AddNumber(record.AuthorCount ?? -1);
        AddNumber(record.PublishedAt?.UtcTicks ?? -1);
        AddNumber((long)record.DatePrecision);
        AddNumber(record.Categories.Count);
        foreach (var category in record.Categories)
        {
            AddText(category);
        }

        AddNumber(record.Upvotes ?? -1);
        AddText(record.Url);
        AddText(record.PdfUrl);
        AddText(record.Source);
        return hash.GetHashAndReset();
    }
}
