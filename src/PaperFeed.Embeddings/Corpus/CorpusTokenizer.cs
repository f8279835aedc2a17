namespace PaperFeed.Embeddings.Corpus;

/// <summary>
/// Splits text into the words the corpus model knows: lowercase runs of letters and digits (like the regex
/// <c>\w+</c> on lowercased text, without the underscore). Training and embedding use this one definition, so a word
/// seen in a query is spelled exactly as it was in the training corpus.
/// </summary>
public static class CorpusTokenizer
{
    /// <summary>Longer runs are not words (hashes, base64, runs of digits from tables): they are skipped.</summary>
    public const int MaxTokenLength = 40;

    /// <summary>Calls <paramref name="onToken"/> with each token, lowercased, in order.</summary>
    public static void ForEachToken<TState>(ReadOnlySpan<char> text, ref TState state, TokenAction<TState> onToken)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(onToken);
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var length = 0;
        var overlong = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxTokenLength)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    overlong = true;
                }

                continue;
            }

            Flush(buffer, ref length, ref overlong, ref state, onToken);
        }

        Flush(buffer, ref length, ref overlong, ref state, onToken);
    }

    /// <summary>The tokens as strings: for tests and the training corpus, where allocation does not matter.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        ForEachToken(text, ref tokens, static (scoped ReadOnlySpan<char> token, ref List<string> list) => list.Add(token.ToString()));
        return tokens;
    }

    private static void Flush<TState>(scoped Span<char> buffer, ref int length, ref bool overlong, ref TState state, TokenAction<TState> onToken)
        where TState : allows ref struct
    {
        if (length > 0 && !overlong)
        {
            onToken(buffer[..length], ref state);
        }

        length = 0;
        overlong = false;
    }
}

/// <summary>Receives one token; the span is only valid during the call.</summary>
public delegate void TokenAction<TState>(scoped ReadOnlySpan<char> token, ref TState state)
    where TState : allows ref struct;
