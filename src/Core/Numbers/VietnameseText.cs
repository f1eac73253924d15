using System.Globalization;
using System.Text;

namespace HealthFuncs.Core.Numbers;

/// <summary>
/// Folds Vietnamese text to a form for matching words, tolerant of what PDF conversion and typing do to it:
/// lower case, diacritics removed ("Quý" and "Quy", "Năm" and "Nam" match), "đ" read as "d",
/// en and em dashes and the minus sign read as "-", spaces around "-" and "/" removed, runs of
/// white space made one space, "%o" read as "‰".
/// </summary>
public static class VietnameseText
{
    /// <summary>The folded form of <paramref name="text"/>; digits, ".", "," and symbols are kept as they are.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            var c = raw switch
            {
                'đ' or 'Đ' => 'd',
                '–' or '—' or '−' or '‐' or '‑' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            var joins = c is '-' or '/';
            if (pendingSpace && !joins && !(folded.Length > 0 && folded[^1] is '-' or '/'))
                folded.Append(' ');
            pendingSpace = false;
            folded.Append(c);
        }
        return folded.Replace("%o", "‰").ToString();
    }
}
