using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Targets;

// The smallest pieces: one quantity (a number, its symbol, what it counts), a range, a comparison, a level.
public static partial class TargetParser
{
    // One reading's context: the original text, the indicator's number sense, and a number found ambiguous.
    private sealed class Written(string text, NumberSense? sense)
    {
        public string Text { get; } = text;
        public NumberReading? AmbiguousNumber { get; private set; }
        public string? AmbiguousWritten { get; private set; }

        // Reads a number by the indicator's sense when known, else by the plain Vietnamese rules; remembers an ambiguity.
        public bool TryNumber(string written, out decimal value)
        {
            value = 0;
            if (sense is null) return VietnameseNumber.TryParse(written, out value);
            var reading = VietnameseNumber.Read(written, sense);
            if (reading.IsAmbiguous)
            {
                AmbiguousNumber ??= reading;
                AmbiguousWritten ??= written;
            }
            if (reading.Value is not { } v) return false;
            value = v;
            return true;
        }
    }

    private static TargetExpression? ReadLevel(Written w, string s)
    {
        if (LevelPattern().Match(s) is not { Success: true } match) return null;
        var comparator = match.Groups["comparator"];
        if (comparator.Success && Comparison(comparator.Value) != TargetForm.AtLeast)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, "một mức chỉ được đặt là \"mức 3\" hoặc \"tối thiểu mức 3\" (đạt ít nhất mức đó)."));
        var written = match.Groups["level"].Value;
        if (!VietnameseNumber.TryParse(written, out var level) || level < 1 || level != decimal.Truncate(level))
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, $"mức \"{written}\" không phải là một số nguyên từ 1 trở lên."));
        return new(w.Text, TargetForm.Level, Value: level);
    }

    private static TargetExpression? ReadComparison(Written w, string s)
    {
        if (ComparisonPattern().Match(s) is not { Success: true } match) return null;
        var rest = match.Groups["rest"].Value;
        var value = ReadRange(w, rest) is { Form: not TargetForm.TextOnly }
            ? TargetExpression.TextOnly(w.Text, Unclear(w.Text, $"\"{match.Groups["comparator"].Value}\" đi với một khoảng; viết một số (\"trên 90%\") hoặc một khoảng (\"70 - 80\")."))
            : ReadQuantity(w, rest);
        return value is null || value.Form == TargetForm.TextOnly
            ? value
            : value with { Form = Comparison(match.Groups["comparator"].Value) };
    }

    private static TargetExpression? ReadRange(Written w, string s)
    {
        if (RangePattern().Match(s) is not { Success: true } match) return null;
        var lowText = match.Groups["low"].Value;
        var highText = match.Groups["high"].Value;
        if (!w.TryNumber(lowText, out var low)) return BadNumber(w, lowText);
        if (!w.TryNumber(highText, out var high)) return BadNumber(w, highText);
        var lowSymbol = match.Groups["lowSymbol"] is { Success: true } l ? l.Value : null;
        var highSymbol = match.Groups["highSymbol"] is { Success: true } h ? h.Value : null;
        if (lowSymbol is not null && highSymbol is not null && lowSymbol != highSymbol)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, $"hai đầu của khoảng có hai đơn vị khác nhau ({lowSymbol} và {highSymbol})."));
        if (low >= high)
            return TargetExpression.TextOnly(w.Text, Unclear(w.Text, $"khoảng \"{lowText} - {highText}\" phải viết số nhỏ trước, số lớn sau."));
        return new(w.Text, TargetForm.Band, Low: low, High: high, Symbol: lowSymbol ?? highSymbol, Subject: SubjectOf(w, match.Groups["subject"]));
    }

    private static TargetExpression? ReadQuantity(Written w, string s)
    {
        if (QuantityPattern().Match(s) is not { Success: true } match) return null;
        var written = match.Groups["number"].Value;
        if (!w.TryNumber(written, out var value)) return BadNumber(w, written);
        return new(w.Text, TargetForm.Point, Value: value, Symbol: match.Groups["symbol"] is { Success: true } symbol ? symbol.Value : null,
            Subject: SubjectOf(w, match.Groups["subject"]));
    }

    // The subject as the user wrote it (with its diacritics): the same number of words at the end of the original text.
    private static string? SubjectOf(Written w, System.Text.RegularExpressions.Group subject)
    {
        if (!subject.Success) return null;
        var words = subject.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        // Fold joins nothing inside a subject (no "-" or "/"), so its words are the original's last words.
        var original = w.Text.Trim().TrimEnd('.', ';', ',', ':').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var tail = original.Skip(original.Length - words).ToArray();
        return VietnameseText.Fold(string.Join(' ', tail)) == subject.Value ? string.Join(' ', tail) : subject.Value;
    }

    private static TargetForm Comparison(string comparator) => comparator switch
    {
        "≥" or ">=" or "=>" or "toi thieu" or "it nhat" or "khong duoi" or "khong it hon" or "khong thap hon" => TargetForm.AtLeast,
        ">" or "tren" or "lon hon" or "cao hon" or "nhieu hon" => TargetForm.Above,
        "≤" or "<=" or "=<" or "toi da" or "khong vuot qua" or "khong qua" or "khong cao hon" => TargetForm.AtMost,
        _ => TargetForm.Below,
    };
}
