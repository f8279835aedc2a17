using System.Text;

namespace PaperFeed.Core.Latex;

/// <summary>
/// A single pass over LaTeX source that writes <see cref="LatexRun"/>s: a small recursive reader of groups, math
/// and commands. Deep nesting is read flat past <see cref="MaxDepth"/>, so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class LatexReader(string source)
{
    private const int MaxDepth = 24;

    private readonly List<LatexRun> _runs = [];
    private readonly StringBuilder _pending = new();
    private LatexStyle _pendingStyle;
    private int _pos;
    private int _depth;

    // Runs before this index are finished: an argument read on its own (ReadArgumentText) must not merge into them.
    private int _floor;

    private enum Until
    {
        End,
        Brace,
        Dollar,
        DoubleDollar,
        ParenMath,
        BracketMath,
    }

    public IReadOnlyList<LatexRun> ReadAll()
    {
        ReadSequence(LatexStyle.None, Until.End);
        Flush();
        TrimEnds();
        return _runs;
    }

    private bool AtEnd => _pos >= source.Length;

    private char Current => source[_pos];

    private char Peek(int offset = 1) => _pos + offset < source.Length ? source[_pos + offset] : '\0';

    private void ReadSequence(LatexStyle style, Until until)
    {
        while (!AtEnd)
        {
            if (IsTerminator(until))
            {
                return;
            }

            var math = style.HasFlag(LatexStyle.Math);
            var c = Current;
            switch (c)
            {
                case '\\':
                    style = ReadCommand(style);
                    break;
                case '{':
                    _pos++;
                    ReadGroup(style);
                    break;
                case '}':
                    _pos++; // unbalanced: dropped
                    break;
                case '$':
                    ReadDollarMath(style);
                    break;
                case '^' when math && source.AsSpan(_pos).StartsWith(@"^\circ", StringComparison.Ordinal):
                    _pos += 6;
                    Emit("°", style);
                    break;
                case '^' or '_' when math:
                    _pos++;
                    ReadArgument(style | (c == '^' ? LatexStyle.Superscript : LatexStyle.Subscript));
                    break;
                case ' ' or '\n' or '\t' or '\r' when math:
                    // TeX ignores spaces in math (its own spacing has no plain-text equivalent), but sets one after a comma.
                    _pos++;
                    if (LastChar() is ',' or ';')
                    {
                        Emit(" ", style);
                    }

                    break;
                case '~':
                    _pos++;
                    Emit(math ? " " : "\u00A0", style);
                    break;
                case '&' when math:
                    _pos++;
                    Emit(" ", style);
                    break;
                case '\'' when math:
                    _pos++;
                    Emit("′", style);
                    break;
                case '-' when !math && Peek() == '-':
                    var em = Peek(2) == '-';
                    _pos += em ? 3 : 2;
                    Emit(em ? "—" : "–", style);
                    break;
                case '`' when !math && Peek() == '`':
                    _pos += 2;
                    Emit("“", style);
                    break;
                case '\'' when !math && Peek() == '\'':
                    _pos += 2;
                    Emit("”", style);
                    break;
                default:
                    _pos++;
                    Emit(c.ToString(), style);
                    break;
            }
        }
    }

    private bool IsTerminator(Until until) => until switch
    {
        Until.Brace => Current == '}',
        Until.Dollar => Current == '$',
        Until.DoubleDollar => Current == '$' && Peek() == '$',
        Until.ParenMath => Current == '\\' && Peek() == ')',
        Until.BracketMath => Current == '\\' && Peek() == ']',
        _ => false,
    };

    /// <summary>Reads a group whose '{' was consumed, up to and past its '}'.</summary>
    private void ReadGroup(LatexStyle style)
    {
        if (_depth >= MaxDepth)
        {
            return; // read on flat: the group's content follows as ordinary text, its braces dropped
        }

        _depth++;
        ReadSequence(style, Until.Brace);
        _depth--;
        if (!AtEnd)
        {
            _pos++;
        }
    }

    private void ReadMath(LatexStyle style, Until until, int delimiterLength)
    {
        _pos += delimiterLength;
        _depth++;
        ReadSequence(style | LatexStyle.Math, until);
        _depth--;
        _pos = Math.Min(source.Length, _pos + delimiterLength);
    }

    private void ReadDollarMath(LatexStyle style)
    {
        if (style.HasFlag(LatexStyle.Math) || _depth >= MaxDepth)
        {
            _pos++; // a stray '$' inside math closes nothing we track
            return;
        }

        // A '$' opens math only when a closing one follows; a lone dollar ("costs $5") is text.
        var display = Peek() == '$';
        var close = display ? source.IndexOf("$$", _pos + 2, StringComparison.Ordinal) : FindClosingDollar(_pos + 1);
        if (close < 0)
        {
            _pos += display ? 2 : 1;
            Emit(display ? "$$" : "$", style);
            return;
        }

        ReadMath(style, display ? Until.DoubleDollar : Until.Dollar, display ? 2 : 1);
    }

    private int FindClosingDollar(int from)
    {
        for (var i = from; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == '$')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One argument: a group, a command, or a single character; a missing one reads as nothing.</summary>
    private void ReadArgument(LatexStyle style)
    {
        SkipSpaces();
        if (AtEnd)
        {
            return;
        }

        switch (Current)
        {
            case '{':
                _pos++;
                ReadGroup(style);
                break;
            case '\\':
                ReadCommand(style);
                break;
            case '}' or '$':
                break;
            default:
                Emit(Current.ToString(), style);
                _pos++;
                break;
        }
    }

    /// <summary>The text of one argument, read into its own runs (for accents, fractions and the like).</summary>
    private string ReadArgumentText(LatexStyle style)
    {
        Flush();
        var (start, floor) = (_runs.Count, _floor);
        _floor = start;
        ReadArgument(style);
        Flush();
        _floor = floor;
        var text = string.Concat(_runs.Skip(start).Select(r => r.Text));
        _runs.RemoveRange(start, _runs.Count - start);
        return text;
    }

    /// <summary>A verbatim argument such as a URL: the characters up to the matching '}'.</summary>
    private string ReadRawArgument()
    {
        SkipSpaces();
        if (AtEnd || Current != '{')
        {
            return "";
        }

        var close = source.IndexOf('}', _pos);
        var end = close < 0 ? source.Length : close;
        var raw = source[(_pos + 1)..end];
        _pos = Math.Min(source.Length, end + 1);
        return raw;
    }

    private void SkipOptionalArgument()
    {
        SkipSpaces();
        if (!AtEnd && Current == '[')
        {
            var close = source.IndexOf(']', _pos);
            _pos = close < 0 ? source.Length : close + 1;
        }
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Current is ' ' or '\n' or '\t' or '\r')
        {
            _pos++;
        }
    }

    /// <summary>Reads a command at '\'; returns the style for the rest of the group (switches such as <c>\bf</c> change it).</summary>
    private LatexStyle ReadCommand(LatexStyle style)
    {
        _pos++; // the backslash
        if (AtEnd)
        {
            return style;
        }

        if (Current is '(' or '[' && !style.HasFlag(LatexStyle.Math))
        {
            var paren = Current == '(';
            _pos--;
            ReadMath(style, paren ? Until.ParenMath : Until.BracketMath, 2);
            return style;
        }

        var name = ReadCommandName();
        if (char.IsAsciiLetter(name[0]) && style.HasFlag(LatexStyle.Math))
        {
            SkipSpaces();
        }

        return LatexCommands.Apply(this, name, style);
    }

    private string ReadCommandName()
    {
        var start = _pos;
        if (!char.IsAsciiLetter(Current))
        {
            _pos++;
            return source.Substring(start, 1);
        }

        while (!AtEnd && char.IsAsciiLetter(Current))
        {
            _pos++;
        }

        return source[start.._pos];
    }

    // The operations LatexCommands builds its commands from.
    internal void EmitText(string text, LatexStyle style) => Emit(text, style);

    internal void Argument(LatexStyle style) => ReadArgument(style);

    internal string ArgumentText(LatexStyle style) => ReadArgumentText(style);

    internal string RawArgument() => ReadRawArgument();

    internal void OptionalArgument() => SkipOptionalArgument();

    internal bool NextIs(char c)
    {
        return !AtEnd && Current == c;
    }

    internal bool NextIsGroup()
    {
        var at = _pos;
        while (at < source.Length && source[at] == ' ')
        {
            at++;
        }

        return at < source.Length && source[at] == '{';
    }

    internal void Skip(int count) => _pos = Math.Min(source.Length, _pos + count);

    private void Emit(string text, LatexStyle style)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_pending.Length > 0 && style != _pendingStyle)
        {
            Flush();
        }

        _pendingStyle = style;
        foreach (var c in text)
        {
            var ch = c is '\n' or '\r' or '\t' ? ' ' : c;
            if (ch == ' ' && (LastChar() is ' ' or '\0'))
            {
                continue; // collapse runs of whitespace, and drop it at the start
            }

            _pending.Append(ch);
        }
    }

    private char LastChar() =>
        _pending.Length > 0 ? _pending[^1] : _runs.Count > 0 ? _runs[^1].Text[^1] : '\0';

    private void Flush()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        var text = _pending.ToString().Normalize(NormalizationForm.FormC);
        _pending.Clear();
        if (_runs.Count > _floor && _runs[^1].Style == _pendingStyle)
        {
            _runs[^1] = _runs[^1] with { Text = _runs[^1].Text + text };
        }
        else
        {
            _runs.Add(new LatexRun(text, _pendingStyle));
        }
    }

    private void TrimEnds()
    {
        while (_runs.Count > 0 && _runs[^1].Text.TrimEnd().Length == 0)
        {
            _runs.RemoveAt(_runs.Count - 1);
        }

        if (_runs.Count > 0)
        {
            _runs[^1] = _runs[^1] with { Text = _runs[^1].Text.TrimEnd() };
        }
    }
}
