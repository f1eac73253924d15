using System.Text.RegularExpressions;
using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Targets;

// The reasons given for text-only targets. Each quotes the original text and says what kept it from being
// read, so whoever typed it can correct it.
public static partial class TargetParser
{
    private static TargetExpression BadNumber(Written w, string written) =>
        TargetExpression.TextOnly(w.Text, Unclear(w.Text, w.AmbiguousWritten == written && w.AmbiguousNumber is { } twoWays
            ? twoWays.AmbiguityVi(written)
            : $"không đọc được số \"{written}\" (dấu phẩy ngăn phần thập phân, dấu chấm ngăn hàng nghìn: \"83,9\", \"260.000\")."));

    // Says what kept the text from being read, from what is (and is not) in it.
    private static string Explain(Written w, string s)
    {
        var text = w.Text;
        if (s.Contains("muc", StringComparison.Ordinal) && !NumberToken().IsMatch(s))
            return Unclear(text, "có chữ \"mức\" nhưng không có số mức.");
        var numbers = NumberToken().Matches(s);
        if (numbers.Count == 0)
            return Unclear(text, "không có con số, khoảng, mức hay \"Duy trì\" nào để làm chỉ tiêu.");
        foreach (Match number in numbers)
            if (!w.TryNumber(number.Value, out _))
                return BadNumber(w, number.Value).Reason!;
        if (numbers.Count > 1)
            return Unclear(text, $"có {numbers.Count} số nhưng không viết thành một khoảng \"thấp - cao\", không rõ số nào là chỉ tiêu.");
        return Unclear(text, $"có số \"{numbers[0].Value}\" nhưng không hiểu phần chữ đi kèm.");
    }

    private static string Unclear(string text, string detail) => $"Không hiểu chỉ tiêu \"{text.Trim()}\": {detail}";
}
