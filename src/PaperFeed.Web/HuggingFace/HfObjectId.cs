using System.Security.Cryptography;
using System.Text;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// 24-hex ids in the place of the Hub's MongoDB ObjectIds (<c>_id</c>, <c>discussionId</c>), which PaperFeed does
/// not have. Each is the first 12 bytes of SHA-256 over the kind of thing and its PaperFeed key, so the same paper
/// gets the same ids on every instance and after every re-ingest, and ids of different kinds never collide.
/// </summary>
public static class HfObjectId
{
    public static string For(string kind, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"paperfeed:{kind}:{key}"), hash);
        return Convert.ToHexStringLower(hash[..12]);
    }

    public static string Discussion(string paperId) => For("discussion", paperId);

    /// <param name="position">The author's place in the list, from 0.</param>
    public static string Author(string paperId, int position) => For("author", $"{paperId}#{position}");
}
