using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace PaperFeed.Core.Papers;

/// <summary>
/// Puts titles and abstracts from every source into one plain form, so that the same paper read from the
/// daily-papers page, the arXiv API or a snapshot compares equal.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Decodes HTML entities once, collapses every whitespace run (hard line wraps, tabs, no-break spaces) into
    /// one space and trims. LaTeX is kept as written; markup such as <c>&lt;script&gt;</c> stays text, because
    /// encoding for display is the UI's job.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Once only: a title about HTML may legitimately contain "&amp;lt;", which must stay "&lt;".
        var decoded = WebUtility.HtmlDecode(text);
        var result = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// A key that identifies a paper by its title when there is no arXiv id: lower-case, without diacritics,
    /// every run of characters other than letters and digits turned into one space, trimmed.
    /// "Nyström-Initiated  Low-Rank" and "nystrom initiated low rank" give the same key.
    /// </summary>
    public static string NormalizeTitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);

        var key = new StringBuilder(title.Length);
        var pendingSpace = false;
        foreach (Rune rune in Normalize(title).EnumerateRunes())
        {
            if (IsDiacriticMark(rune))
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(Rune.ToLowerInvariant(WithoutDiacritic(rune)).ToString());
        }

        return key.ToString();
    }

    private static bool IsDiacriticMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark;

    private static Rune WithoutDiacritic(Rune rune) =>
        rune.IsBmp && BaseLetters.TryGetValue((char)rune.Value, out var baseLetter) ? new Rune(baseLetter) : rune;

    // string.Normalize(NormalizationForm.FormD) would do this, but Directory.Build.props sets
    // InvariantGlobalization, and in that mode .NET ships no normalization data: Normalize returns non-ASCII
    // text unchanged. So the decompositions are listed here: each pair is a precomposed letter and the base
    // letter its canonical decomposition (NFD, Unicode 14) starts with, for the blocks paper titles and author
    // names use. Letters already decomposed (e + U+0301) lose their marks through IsDiacriticMark.
    private static readonly FrozenDictionary<char, char> BaseLetters = ParsePairs(
        // Latin-1 Supplement, Latin Extended-A and -B
        "ÀA ÁA ÂA ÃA ÄA ÅA ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÑN "
        + "ÒO ÓO ÔO ÕO ÖO ÙU ÚU ÛU ÜU ÝY àa áa âa ãa äa åa "
        + "çc èe ée êe ëe ìi íi îi ïi ñn òo óo ôo õo öo ùu "
        + "úu ûu üu ýy ÿy ĀA āa ĂA ăa ĄA ąa ĆC ćc ĈC ĉc ĊC "
        + "ċc ČC čc ĎD ďd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG "
        + "ĝg ĞG ğg ĠG ġg ĢG ģg ĤH ĥh ĨI ĩi ĪI īi ĬI ĭi ĮI "
        + "įi İI ĴJ ĵj ĶK ķk ĹL ĺl ĻL ļl ĽL ľl ŃN ńn ŅN ņn "
        + "ŇN ňn ŌO ōo ŎO ŏo ŐO őo ŔR ŕr ŖR ŗr ŘR řr ŚS śs "
        + "ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT ťt ŨU ũu ŪU ūu ŬU ŭu "
        + "ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ "
        + "žz ƠO ơo ƯU ưu ǍA ǎa ǏI ǐi ǑO ǒo ǓU ǔu ǕU ǖu ǗU "
        + "ǘu ǙU ǚu ǛU ǜu ǞA ǟa ǠA ǡa ǢÆ ǣæ ǦG ǧg ǨK ǩk ǪO "
        + "ǫo ǬO ǭo ǮƷ ǯʒ ǰj ǴG ǵg ǸN ǹn ǺA ǻa ǼÆ ǽæ ǾØ ǿø "
        + "ȀA ȁa ȂA ȃa ȄE ȅe ȆE ȇe ȈI ȉi ȊI ȋi ȌO ȍo ȎO ȏo "
        + "ȐR ȑr ȒR ȓr ȔU ȕu ȖU ȗu ȘS șs ȚT țt ȞH ȟh ȦA ȧa "
        + "ȨE ȩe ȪO ȫo ȬO ȭo ȮO ȯo ȰO ȱo ȲY ȳy "
        // Greek
        + "ΆΑ ΈΕ ΉΗ ΊΙ ΌΟ ΎΥ ΏΩ ΐι ΪΙ ΫΥ άα έε ήη ίι ΰυ "
        + "ϊι ϋυ όο ύυ ώω ϓϒ ϔϒ "
        // Cyrillic
        + "ЀЕ ЁЕ ЃГ ЇІ ЌК ЍИ ЎУ ЙИ йи ѐе ёе ѓг їі ќк ѝи ўу "
        + "ѶѴ ѷѵ ӁЖ ӂж ӐА ӑа ӒА ӓа ӖЕ ӗе ӚӘ ӛә ӜЖ ӝж ӞЗ ӟз "
        + "ӢИ ӣи ӤИ ӥи ӦО ӧо ӪӨ ӫө ӬЭ ӭэ ӮУ ӯу ӰУ ӱу ӲУ ӳу "
        + "ӴЧ ӵч ӸЫ ӹы "
        // Latin Extended Additional (Vietnamese and others)
        + "ḀA ḁa ḂB ḃb ḄB ḅb ḆB ḇb ḈC ḉc ḊD ḋd ḌD ḍd ḎD ḏd "
        + "ḐD ḑd ḒD ḓd ḔE ḕe ḖE ḗe ḘE ḙe ḚE ḛe ḜE ḝe ḞF ḟf "
        + "ḠG ḡg ḢH ḣh ḤH ḥh ḦH ḧh ḨH ḩh ḪH ḫh ḬI ḭi ḮI ḯi "
        + "ḰK ḱk ḲK ḳk ḴK ḵk ḶL ḷl ḸL ḹl ḺL ḻl ḼL ḽl ḾM ḿm "
        + "ṀM ṁm ṂM ṃm ṄN ṅn ṆN ṇn ṈN ṉn ṊN ṋn ṌO ṍo ṎO ṏo "
        + "ṐO ṑo ṒO ṓo ṔP ṕp ṖP ṗp ṘR ṙr ṚR ṛr ṜR ṝr ṞR ṟr "
        + "ṠS ṡs ṢS ṣs ṤS ṥs ṦS ṧs ṨS ṩs ṪT ṫt ṬT ṭt ṮT ṯt "
        + "ṰT ṱt ṲU ṳu ṴU ṵu ṶU ṷu ṸU ṹu ṺU ṻu ṼV ṽv ṾV ṿv "
        + "ẀW ẁw ẂW ẃw ẄW ẅw ẆW ẇw ẈW ẉw ẊX ẋx ẌX ẍx ẎY ẏy "
        + "ẐZ ẑz ẒZ ẓz ẔZ ẕz ẖh ẗt ẘw ẙy ẛſ ẠA ạa ẢA ảa ẤA "
        + "ấa ẦA ầa ẨA ẩa ẪA ẫa ẬA ậa ẮA ắa ẰA ằa ẲA ẳa ẴA "
        + "ẵa ẶA ặa ẸE ẹe ẺE ẻe ẼE ẽe ẾE ếe ỀE ềe ỂE ểe ỄE "
        + "ễe ỆE ệe ỈI ỉi ỊI ịi ỌO ọo ỎO ỏo ỐO ốo ỒO ồo ỔO "
        + "ổo ỖO ỗo ỘO ộo ỚO ớo ỜO ờo ỞO ởo ỠO ỡo ỢO ợo ỤU "
        + "ụu ỦU ủu ỨU ứu ỪU ừu ỬU ửu ỮU ữu ỰU ựu ỲY ỳy ỴY "
        + "ỵy ỶY ỷy ỸY ỹy ");

    private static FrozenDictionary<char, char> ParsePairs(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenDictionary(pair => pair[0], pair => pair[1]);
}
