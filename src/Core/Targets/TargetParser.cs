using System.Text;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Targets;

/// <summary>
/// Reads a target as plans write it ("≥95", "đạt trên 96,1%", "dưới 35%", "70 – 80", "Duy trì 100%",
/// "tăng 3-5%/năm", "đạt mức 4", "100% xã", "từ 95% trở lên", "giảm 5% so với năm 2020") into a
/// <see cref="TargetExpression"/>; see DOMAIN.md and docs/attainment.md.
/// </summary>
/// <remarks>
/// The text is first normalised: compatibility symbols (≧ ≦ ＞ ＜ and full-width digits) become ≥ ≤ &gt; &lt;,
/// case, white space and diacritics are folded ("Duy tri", "toi thieu 90%"), the en dash and "%o" read as "-"
/// and "‰". Then words are peeled off the ends, each setting one thing:
/// <list type="bullet">
/// <item>a leading "đạt" or "phấn đấu": nothing (they mean "the target is");</item>
/// <item>a trailing "so với cùng kỳ (năm trước)" or "so với năm 2020": the baseline of a change (the named year);</item>
/// <item>"/năm", "mỗi năm", "hàng năm": a change per year;</item>
/// <item>"từ … trở lên" / "… trở lên": at least; "từ … trở xuống" / "… trở xuống": at most.</item>
/// </list>
/// What remains is one of the forms (first match wins):
/// <list type="bullet">
/// <item>"tăng"/"nâng"/"giảm" with an amount or range ("tăng 3-5%", "giảm 0,2‰", "nâng 0,05 - 0,1 điểm"): Change;
/// with "lên"/"xuống"/"còn" they name the level to reach ("giảm xuống dưới 13%": Below; "giảm còn 14,3‰": AtMost;
/// "tăng lên 90%": AtLeast). "tăng trên 5%" is TextOnly: "by more than 5%" or "to above 5%".</item>
/// <item>"Duy trì" alone: keep the baseline; "Duy trì 100%": keep that value; "Duy trì trên 95%": the comparison named.</item>
/// <item>"còn", "xuống còn", "xuống": AtMost; "lên": AtLeast (each may name a comparison instead).</item>
/// <item>"mức 3", "đạt mức 4", "tối thiểu mức 3": Level.</item>
/// <item>A comparison: "≥", "tối thiểu", "ít nhất", "không dưới", "không thấp hơn": AtLeast; "&gt;", "trên", "cao hơn": Above;
/// "≤", "tối đa", "không quá", "không vượt quá": AtMost; "&lt;", "dưới", "thấp hơn": Below.</item>
/// <item>Two numbers joined by "-", "–" or "đến", low before high ("70 – 80", "3 đến 5%"): Band.</item>
/// <item>A number: Point.</item>
/// </list>
/// A number may be followed by "%" or "‰" and by words naming what is counted ("100% xã", "4.080 người",
/// "trên 95% trẻ em"), kept in <see cref="TargetExpression.Subject"/>. Given the indicator, numbers are read
/// with its <see cref="NumberSense"/> ("4,080" on a count is 4 080); a number that still reads two ways makes
/// the text TextOnly and is reported by <see cref="Read"/>. Anything else is TextOnly with a Vietnamese reason
/// naming what was not understood; the original text is always kept in <see cref="TargetExpression.Text"/>.
/// </remarks>
public static partial class TargetParser
{
    /// <summary>Reads <paramref name="text"/> without knowing its indicator; never throws and never guesses.</summary>
    public static TargetExpression Parse(string text) => Read(text, null).Expression;

    /// <summary>Reads <paramref name="text"/> for <paramref name="indicator"/>; never throws and never guesses.</summary>
    public static TargetExpression Parse(string text, Indicator? indicator) => Read(text, indicator).Expression;

    /// <summary>Reads a target and reports a number in it that reads two ways, so an editor can refuse it.</summary>
    public static TargetReading Read(string text, Indicator? indicator)
    {
        ArgumentNullException.ThrowIfNull(text);
        var w = new Written(text, indicator is null ? null : SenseOf(indicator));
        if (string.IsNullOrWhiteSpace(text))
            return new(TargetExpression.TextOnly(text, "Ô chỉ tiêu để trống: không có gì để đọc."), null, null);
        var expression = ReadWhole(w);
        return new(expression, w.AmbiguousNumber, w.AmbiguousWritten);
    }

    /// <summary>What a number of the indicator can be: counts and levels are whole; a percentage stops at 100 unless allowed.</summary>
    public static NumberSense SenseOf(Indicator indicator) => new(
        indicator.Kind is IndicatorKind.Count or IndicatorKind.Level,
        indicator is { Kind: IndicatorKind.Percentage, AllowsAbove100: false } ? 100m : null);

    private static TargetExpression ReadWhole(Written w)
    {
        var s = VietnameseText.Fold(Compatible(w.Text)).TrimEnd('.', ';', ',', ':').TrimEnd();
        s = StripLeading(ListMarkerPattern().Replace(s, ""), "phan dau ", "dat ");

        int? baselineYear = null;
        var againstBaseline = false;
        if (BaselinePattern().Match(s) is { Success: true } baseline)
        {
            againstBaseline = true;
            if (baseline.Groups["year"] is { Success: true } year) baselineYear = int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture);
            s = s[..baseline.Index].TrimEnd();
        }

        var perYear = false;
        if (PerYearPattern().Match(s) is { Success: true } perYearWords)
        {
            perYear = true;
            s = s.Remove(perYearWords.Index, perYearWords.Length).Trim();
        }

        var reading = ReadOpenEnded(w, s) ?? ReadChange(w, s) ?? ReadMaintain(w, s) ?? ReadRemaining(w, s) ?? ReadSimple(w, s);
        if (reading is null)
            return TargetExpression.TextOnly(w.Text, Explain(w, s));
        if (reading.Form == TargetForm.TextOnly)
            return reading;
        if (againstBaseline && reading.Form != TargetForm.Change)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, "\"so với ...\" chỉ dùng cho chỉ tiêu tăng hoặc giảm (ví dụ \"giảm 5% so với năm 2020\")."));
        if (perYear && reading.Form != TargetForm.Change)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, "\"/năm\" chỉ dùng cho chỉ tiêu tăng hoặc giảm (ví dụ \"tăng 3-5%/năm\")."));
        return reading with { PerYear = perYear, BaselineYear = baselineYear };
    }

    // "từ 95% trở lên", "90% trở xuống": an open end written after the number.
    private static TargetExpression? ReadOpenEnded(Written w, string s)
    {
        TargetForm form;
        if (s.EndsWith(" tro len", StringComparison.Ordinal)) form = TargetForm.AtLeast;
        else if (s.EndsWith(" tro xuong", StringComparison.Ordinal)) form = TargetForm.AtMost;
        else return null;
        var rest = StripLeading(s[..s.LastIndexOf(" tro ", StringComparison.Ordinal)], "tu ");
        var value = ReadQuantity(w, rest);
        return value is null || value.Form == TargetForm.TextOnly ? value : value with { Form = form };
    }

    // "tăng 3-5%", "giảm 0,2‰", and the phrasings that name a level to reach instead of an amount of change.
    private static TargetExpression? ReadChange(Written w, string s)
    {
        ChangeDirection direction;
        if (s.StartsWith("tang ", StringComparison.Ordinal) || s.StartsWith("nang ", StringComparison.Ordinal)) direction = ChangeDirection.Increase;
        else if (s.StartsWith("giam ", StringComparison.Ordinal)) direction = ChangeDirection.Decrease;
        else return null;

        var rest = s[5..];
        if (rest.StartsWith("xuong ", StringComparison.Ordinal) || rest.StartsWith("con ", StringComparison.Ordinal)
            || rest.StartsWith("len ", StringComparison.Ordinal))
        {
            rest = StripLeading(rest, "xuong ", "con ", "len ");
            if (ReadComparison(w, rest) is { } comparison) return comparison;
            var level = ReadQuantity(w, rest);
            return level is null || level.Form == TargetForm.TextOnly
                ? level
                : level with { Form = direction == ChangeDirection.Decrease ? TargetForm.AtMost : TargetForm.AtLeast };
        }
        if (ReadComparison(w, rest) is { } bound)
        {
            // "giảm dưới 13%" can only mean "down to below 13%"; "tăng trên 5%" could also mean "by more than 5%".
            var toBelow = direction == ChangeDirection.Decrease && bound.Form is TargetForm.Below or TargetForm.AtMost;
            return toBelow || bound.Form == TargetForm.TextOnly
                ? bound
                : TargetExpression.TextOnly(w.Text, Unclear(w.Text,
                    "không rõ là mức cần đạt hay mức thay đổi; viết \"tăng lên trên 90%\" cho mức cần đạt, \"tăng 5%\" cho mức thay đổi."));
        }

        // "nâng 0,05 - 0,1 điểm": a change in points of a score is an absolute amount, like a change with no symbol.
        var inPoints = rest.EndsWith(" diem", StringComparison.Ordinal);
        if (inPoints) rest = rest[..^" diem".Length];
        var amount = ReadRange(w, StripLeading(rest, "tu ")) ?? ReadQuantity(w, rest);
        if (inPoints && amount?.Symbol is not null)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, $"không rõ \"{amount.Symbol}\" đi cùng \"điểm\" là phần trăm hay điểm."));
        return amount is null || amount.Form == TargetForm.TextOnly
            ? amount
            : amount with { Form = TargetForm.Change, Change = direction };
    }

    // "còn 0,38%", "xuống còn 13%" (down to), "còn dưới 35%", "lên 90%" (up to): a level to reach.
    private static TargetExpression? ReadRemaining(Written w, string s)
    {
        TargetForm form;
        string rest;
        if (s.StartsWith("con ", StringComparison.Ordinal) || s.StartsWith("xuong ", StringComparison.Ordinal))
            (form, rest) = (TargetForm.AtMost, StripLeading(s, "xuong ", "con "));
        else if (s.StartsWith("len ", StringComparison.Ordinal))
            (form, rest) = (TargetForm.AtLeast, s[4..]);
        else return null;
        if (ReadComparison(w, rest) is { } comparison) return comparison;
        var value = ReadQuantity(w, rest);
        return value is null || value.Form == TargetForm.TextOnly ? value : value with { Form = form };
    }

    private static TargetExpression? ReadMaintain(Written w, string s)
    {
        if (s == "duy tri") return new(w.Text, TargetForm.Maintain);
        if (!s.StartsWith("duy tri ", StringComparison.Ordinal)) return null;
        var rest = StripLeading(s["duy tri ".Length..], "o muc ", "muc ");
        if (ReadComparison(w, rest) is { } comparison) return comparison;
        var value = ReadQuantity(w, rest);
        return value is null || value.Form == TargetForm.TextOnly ? value : value with { Form = TargetForm.Maintain };
    }

    private static TargetExpression? ReadSimple(Written w, string s) =>
        ReadLevel(w, s) ?? ReadComparison(w, s) ?? ReadRange(w, s) ?? ReadQuantity(w, s);

    // Symbols typed from a Japanese or Chinese input method, or pasted from a PDF, as the ASCII the patterns know.
    private static string Compatible(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        return s.Replace('≧', '≥').Replace('≦', '≤').Replace('⩾', '≥').Replace('⩽', '≤');
    }

    private static string StripLeading(string s, params string[] words)
    {
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var word in words)
                if (s.StartsWith(word, StringComparison.Ordinal))
                {
                    s = s[word.Length..];
                    stripped = true;
                }
        }
        return s;
    }
}

/// <summary>A target read, with a number in it that reads two ways (both readings), if any.</summary>
/// <param name="Expression">The reading; TextOnly when a number was ambiguous.</param>
/// <param name="AmbiguousNumber">The two readings of an ambiguous number, or null.</param>
/// <param name="AmbiguousWritten">That number as written.</param>
public sealed record TargetReading(TargetExpression Expression, NumberReading? AmbiguousNumber, string? AmbiguousWritten);
