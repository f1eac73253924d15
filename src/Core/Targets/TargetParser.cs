using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Targets;

/// <summary>
/// Reads a target as plans write it ("≥95", "đạt trên 96,1%", "dưới 35%", "70 – 80", "Duy trì 100%",
/// "tăng 3-5%/năm", "đạt mức 4") into a <see cref="TargetExpression"/>; see DOMAIN.md.
/// </summary>
/// <remarks>
/// Matching is case-, white-space- and diacritic-tolerant ("Duy tri", "toi thieu 90%"), accepts the en dash,
/// "%o" for "‰", "≥"/">=" and "≤"/"&lt;=". Numbers follow <see cref="VietnameseNumber"/>.
/// Leading "đạt" and "phấn đấu" are read as no more than "the target is". The readings:
/// <list type="bullet">
/// <item>"≥", "tối thiểu", "ít nhất", "không dưới": AtLeast. "&gt;", "trên", "cao hơn": Above (strict).</item>
/// <item>"≤", "tối đa", "không quá": AtMost. "&lt;", "dưới", "thấp hơn": Below (strict).</item>
/// <item>A bare number: Point. Two numbers joined by "-", "–" or "đến" ("70 – 80", "3-5%", "từ 70 đến 80"), low before high: Band.</item>
/// <item>"Duy trì" alone: Maintain with no value (keep the baseline); "Duy trì 100%": Maintain with Value 100;
/// "Duy trì trên 95%": the comparison it names (Above 95).</item>
/// <item>"tăng" (or "nâng")/"giảm" with a number or a range, optionally followed by "điểm": Change; "/năm", "mỗi năm", "hàng năm" set PerYear.
/// "giảm xuống dưới 13%" and "giảm dưới 13%": Below; "giảm xuống 13%", "giảm còn 14,3‰": AtMost;
/// "còn 0,38%": AtMost; "còn dưới 35%": Below; "tăng lên 90%": AtLeast; "tăng lên trên 90%": Above. "tăng trên 5%" is TextOnly: it may mean
/// "by more than 5%" or "to above 5%".</item>
/// <item>"mức 3", "đạt mức 4", "tối thiểu mức 3": Level (a whole number, at least 1).</item>
/// </list>
/// Anything else, including a number followed by words ("33 cơ sở"), two numbers that are not a band,
/// "/năm" without "tăng"/"giảm", or a malformed number, is TextOnly with a Vietnamese reason naming what was
/// not understood. The original text is always kept in <see cref="TargetExpression.Text"/>.
/// </remarks>
public static partial class TargetParser
{
    /// <summary>Reads <paramref name="text"/>; never throws and never guesses.</summary>
    public static TargetExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return TargetExpression.TextOnly(text, "Ô chỉ tiêu để trống: không có gì để đọc.");

        var s = VietnameseText.Fold(text).TrimEnd('.', ';', ',', ':').TrimEnd();
        s = StripLeading(s, "phan dau ", "dat ");

        var perYear = false;
        if (PerYearPattern().Match(s) is { Success: true } perYearWords)
        {
            perYear = true;
            s = s.Remove(perYearWords.Index, perYearWords.Length).Trim();
        }

        var reading = ReadChange(text, s) ?? ReadMaintain(text, s) ?? ReadRemaining(text, s) ?? ReadSimple(text, s);
        if (reading is null)
            return TargetExpression.TextOnly(text, Explain(text, s));
        if (!perYear || reading.Form == TargetForm.TextOnly)
            return reading;
        return reading.Form == TargetForm.Change
            ? reading with { PerYear = true }
            : TargetExpression.TextOnly(text, Unclear(text, "\"/năm\" chỉ dùng cho chỉ tiêu tăng hoặc giảm (ví dụ \"tăng 3-5%/năm\")."));
    }

    // "tăng 3-5%", "giảm 0,2‰", and the phrasings that name a level to reach instead of an amount of change.
    private static TargetExpression? ReadChange(string text, string s)
    {
        ChangeDirection direction;
        if (s.StartsWith("tang ", StringComparison.Ordinal) || s.StartsWith("nang ", StringComparison.Ordinal)) direction = ChangeDirection.Increase;
        else if (s.StartsWith("giam ", StringComparison.Ordinal)) direction = ChangeDirection.Decrease;
        else return null;

        var rest = s[5..];
        var toLevel = rest.StartsWith("xuong ", StringComparison.Ordinal) || rest.StartsWith("con ", StringComparison.Ordinal)
            || rest.StartsWith("len ", StringComparison.Ordinal);
        if (toLevel)
        {
            rest = StripLeading(rest, "xuong ", "con ", "len ");
            if (ReadComparison(text, rest) is { } comparison) return comparison;
            if (ReadQuantity(text, rest) is { } level)
                return level.Form == TargetForm.TextOnly
                    ? level
                    : level with { Form = direction == ChangeDirection.Decrease ? TargetForm.AtMost : TargetForm.AtLeast };
            return null;
        }
        if (ReadComparison(text, rest) is { } bound)
        {
            // "giảm dưới 13%" can only mean "down to below 13%"; "tăng trên 5%" could also mean "by more than 5%".
            var toBelow = direction == ChangeDirection.Decrease && bound.Form is TargetForm.Below or TargetForm.AtMost;
            return toBelow || bound.Form == TargetForm.TextOnly
                ? bound
                : TargetExpression.TextOnly(text, Unclear(text,
                    "không rõ là mức cần đạt hay mức thay đổi; viết \"tăng lên trên 90%\" cho mức cần đạt, \"tăng 5%\" cho mức thay đổi."));
        }

        // "nâng 0,05 - 0,1 điểm": a change in points of a score is an absolute amount, like a change with no symbol.
        var inPoints = rest.EndsWith(" diem", StringComparison.Ordinal);
        if (inPoints) rest = rest[..^" diem".Length];
        var amount = ReadRange(text, StripLeading(rest, "tu ")) ?? ReadQuantity(text, rest);
        if (inPoints && amount?.Symbol is not null)
            return TargetExpression.TextOnly(text, Unclear(text, $"không rõ \"{amount.Symbol}\" đi cùng \"điểm\" là phần trăm hay điểm."));
        return amount is null || amount.Form == TargetForm.TextOnly
            ? amount
            : amount with { Form = TargetForm.Change, Change = direction };
    }

    // "còn 0,38%" (down to), "còn dưới 35%": the plans' way of naming a level that must not be exceeded.
    private static TargetExpression? ReadRemaining(string text, string s)
    {
        if (!s.StartsWith("con ", StringComparison.Ordinal)) return null;
        var rest = s[4..];
        if (ReadComparison(text, rest) is { } comparison) return comparison;
        var value = ReadQuantity(text, rest);
        return value is null || value.Form == TargetForm.TextOnly ? value : value with { Form = TargetForm.AtMost };
    }

    private static TargetExpression? ReadMaintain(string text, string s)
    {
        if (s == "duy tri") return new(text, TargetForm.Maintain);
        if (!s.StartsWith("duy tri ", StringComparison.Ordinal)) return null;
        var rest = StripLeading(s["duy tri ".Length..], "o muc ", "muc ");
        if (ReadComparison(text, rest) is { } comparison) return comparison;
        var value = ReadQuantity(text, rest);
        return value is null || value.Form == TargetForm.TextOnly ? value : value with { Form = TargetForm.Maintain };
    }

    private static TargetExpression? ReadSimple(string text, string s) =>
        ReadLevel(text, s) ?? ReadComparison(text, s) ?? ReadRange(text, s) ?? ReadQuantity(text, s);

    private static TargetExpression? ReadLevel(string text, string s)
    {
        if (LevelPattern().Match(s) is not { Success: true } match) return null;
        var comparator = match.Groups["comparator"];
        if (comparator.Success && Comparison(comparator.Value) != TargetForm.AtLeast)
            return TargetExpression.TextOnly(text, Unclear(text, "một mức chỉ được đặt là \"mức 3\" hoặc \"tối thiểu mức 3\" (đạt ít nhất mức đó)."));
        var written = match.Groups["level"].Value;
        if (!VietnameseNumber.TryParse(written, out var level) || level < 1 || level != decimal.Truncate(level))
            return TargetExpression.TextOnly(text, Unclear(text, $"mức \"{written}\" không phải là một số nguyên từ 1 trở lên."));
        return new(text, TargetForm.Level, Value: level);
    }

    private static TargetExpression? ReadComparison(string text, string s)
    {
        if (ComparisonPattern().Match(s) is not { Success: true } match) return null;
        var value = ReadQuantity(text, match.Groups["rest"].Value);
        return value is null || value.Form == TargetForm.TextOnly
            ? value
            : value with { Form = Comparison(match.Groups["comparator"].Value) };
    }

    private static TargetExpression? ReadRange(string text, string s)
    {
        if (RangePattern().Match(s) is not { Success: true } match) return null;
        var lowText = match.Groups["low"].Value;
        var highText = match.Groups["high"].Value;
        if (!VietnameseNumber.TryParse(lowText, out var low)) return BadNumber(text, lowText);
        if (!VietnameseNumber.TryParse(highText, out var high)) return BadNumber(text, highText);
        var lowSymbol = match.Groups["lowSymbol"] is { Success: true } l ? l.Value : null;
        var highSymbol = match.Groups["highSymbol"] is { Success: true } h ? h.Value : null;
        if (lowSymbol is not null && highSymbol is not null && lowSymbol != highSymbol)
            return TargetExpression.TextOnly(text, Unclear(text, $"hai đầu của khoảng có hai đơn vị khác nhau ({lowSymbol} và {highSymbol})."));
        if (low >= high)
            return TargetExpression.TextOnly(text, Unclear(text, $"khoảng \"{lowText} - {highText}\" phải viết số nhỏ trước, số lớn sau."));
        return new(text, TargetForm.Band, Low: low, High: high, Symbol: lowSymbol ?? highSymbol);
    }

    private static TargetExpression? ReadQuantity(string text, string s)
    {
        if (QuantityPattern().Match(s) is not { Success: true } match) return null;
        var written = match.Groups["number"].Value;
        if (!VietnameseNumber.TryParse(written, out var value)) return BadNumber(text, written);
        return new(text, TargetForm.Point, Value: value, Symbol: match.Groups["symbol"] is { Success: true } symbol ? symbol.Value : null);
    }

    private static TargetForm Comparison(string comparator) => comparator switch
    {
        "≥" or ">=" or "=>" or "toi thieu" or "it nhat" or "khong duoi" or "khong it hon" or "khong thap hon" => TargetForm.AtLeast,
        ">" or "tren" or "lon hon" or "cao hon" or "nhieu hon" => TargetForm.Above,
        "≤" or "<=" or "=<" or "toi da" or "khong vuot qua" or "khong qua" or "khong cao hon" => TargetForm.AtMost,
        _ => TargetForm.Below,
    };

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
