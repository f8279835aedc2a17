using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// The corpus model as bytes (stored in <c>embedding_models.artifact</c>): a fixed header, the vocabulary as
/// length-prefixed UTF-8, the unigram probabilities (float32), the word vectors as float16 (half the size, and
/// cosine rankings do not move at that precision) and the principal component (float32). Little-endian.
/// </summary>
public static class CorpusModelFormat
{
    private static ReadOnlySpan<byte> Magic => "PFSIF\0\0\0"u8;

    private const int Version = 1;

    public static byte[] Serialize(CorpusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(model.Dimensions);
            writer.Write(model.Words.Count);
            writer.Write(model.SifA);
            foreach (var word in model.Words)
            {
                writer.Write(word);
            }

            writer.Write(MemoryMarshal.AsBytes(model.Probabilities.AsSpan()));
            var halves = new Half[model.Vectors.Length];
            for (var i = 0; i < halves.Length; i++)
            {
                halves[i] = (Half)model.Vectors[i];
            }

            writer.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(model.PrincipalComponent.AsSpan()));
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a corpus model of a version this code reads.</exception>
    public static CorpusModel Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new SpanReader(bytes);
        if (!reader.Take(Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a PaperFeed corpus model (bad magic).");
        }

        var version = reader.Int32();
        if (version != Version)
        {
            throw new InvalidDataException($"Corpus model format version {version} is not supported (expected {Version}).");
        }

        var dimensions = reader.Int32();
        var count = reader.Int32();
        if (dimensions is < 1 or > 65_536 || count is < 0 or > 50_000_000)
        {
            throw new InvalidDataException($"Corpus model header is implausible: {count} words of {dimensions} dimensions.");
        }

        var sifA = reader.Single();
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = reader.String();
        }

        var probabilities = MemoryMarshal.Cast<byte, float>(reader.Take(checked(count * sizeof(float)))).ToArray();
        var halves = MemoryMarshal.Cast<byte, Half>(reader.Take(checked(count * dimensions * 2)));
        var vectors = new float[halves.Length];
        for (var i = 0; i < halves.Length; i++)
        {
            vectors[i] = (float)halves[i];
        }

        var component = MemoryMarshal.Cast<byte, float>(reader.Take(dimensions * sizeof(float))).ToArray();
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Corpus model has trailing bytes.");
        }

        return new CorpusModel(words, vectors, probabilities, dimensions, sifA, component);
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || length > _rest.Length)
            {
                throw new InvalidDataException("Corpus model is truncated.");
            }

            var taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        /// <summary>BinaryWriter's string: a 7-bit encoded byte length, then UTF-8.</summary>
        public string String()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("Corpus model has a malformed string length.");
                }

                var b = Take(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return Encoding.UTF8.GetString(Take(length));
        }
    }
}
