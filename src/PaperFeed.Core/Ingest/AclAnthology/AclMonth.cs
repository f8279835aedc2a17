using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Core.Ingest.AclAnthology;

/// <summary>
/// The <c>&lt;month&gt;</c> of a volume, which is free text: "July", "6", "sEPTEMBER", "20 August",
/// "July-August", even "Septempber".
/// </summary>
internal static partial class AclMonth
{
    private static readonly FrozenDictionary<string, int> Abbreviations = Enumerable.Range(1, 12)
        .ToFrozenDictionary(month => DateTimeFormatInfo.InvariantInfo.GetAbbreviatedMonthName(month), month => month, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The first month named in the text (a range gives its start), in any case, by its first three letters
    /// so that abbreviations and misspellings count; else the first number from 1 to 12 ("6", "6-7"). Null when
    /// the text names no month.
    /// </summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int? firstNumber = null;
        foreach (Match token in Token().Matches(text))
        {
            if (char.IsAsciiDigit(token.Value[0]))
            {
                firstNumber ??= int.TryParse(token.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 12 ? number : null;
            }
            else if (token.Length >= 3 && Abbreviations.TryGetValue(token.Value[..3], out var month))
            {
                return month;
            }
        }

        return firstNumber;
    }

    [GeneratedRegex("[A-Za-z]+|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
