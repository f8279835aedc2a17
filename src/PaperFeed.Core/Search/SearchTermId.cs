using System.IO.Hashing;
using System.Text;

namespace PaperFeed.Core.Search;

/// <summary>
/// The id of a stem in the lexical index: XxHash32 of its UTF-8 bytes, folded into [1, <see cref="Dimensions"/>).
/// A fixed hash rather than a vocabulary table: the same stem has the same id in every process, machine and
/// database, and indexing needs no shared dictionary (parallel workers never coordinate on ids).
/// </summary>
/// <remarks>
/// Two different stems may share an id. With V distinct stems about V²/2·10⁹ pairs collide: a few at this
/// corpus's ~100,000 stems, some hundreds at millions. The cost is small and bounded: the two stems share one
/// document frequency, and a query for one also matches papers that contain the other, which its other terms then
/// outrank. Nothing is ever lost or mis-stored.
/// </remarks>
public static class SearchTermId
{
    /// <summary>
    /// The dimension of the stored weight vectors: pgvector's largest sparsevec dimension (10⁹), so every id is a
    /// valid index. Ids start at 1, keeping 0 free.
    /// </summary>
    public const int Dimensions = 1_000_000_000;

    public static int For(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetMaxByteCount(stem.Length) <= buffer.Length
            ? Encoding.UTF8.GetBytes(stem, buffer)
            : -1;
        var hash = byteCount >= 0
            ? XxHash32.HashToUInt32(buffer[..byteCount])
            : XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(stem));
        return (int)(hash % (Dimensions - 1)) + 1;
    }
}
