using System.Globalization;
using System.Text.RegularExpressions;
using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Periods;

/// <summary>
/// Vietnamese period labels as reports and plans write them: "Tháng 3/2021", "Quý I/2021",
/// "6 tháng đầu năm 2021", "9 tháng năm 2021", "Năm 2021", "Giai đoạn 2021-2025".
/// </summary>
/// <remarks>
/// Reading is case- and white-space-tolerant, accepts the en dash, and matches text that lost its
/// diacritics ("Quy I/2021", "Nam 2021"). Accepted forms: "Tháng 3/2021", "Tháng 03/2021" and "Tháng 3 năm 2021";
/// "Quý I/2021" to "Quý IV/2021", "Quý 1/2021" and "Quý I năm 2021"; "6 tháng [đầu] [năm] 2021"; "9 tháng [đầu] [năm] 2021";
/// "Năm 2021" and a bare "2021"; "[Giai đoạn] 2021-2025" (the end after the start, at most 30 years,
/// as for codes); and the canonical codes themselves ("2021-Q1", "2021-M03"). Years run 1900-2200.
/// Anything else is refused.
/// </remarks>
public static partial class PeriodLabel
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>Reads a Vietnamese period label; false when the text is not one.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var folded = VietnameseText.Fold(text);

        if (MonthLabel().Match(folded) is { Success: true } month)
            return TryYear(month.Groups["year"].Value, out var y)
                && int.TryParse(month.Groups["month"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && m is >= 1 and <= 12
                && Set(Period.Month(y, m), out period);

        if (QuarterLabel().Match(folded) is { Success: true } quarter)
        {
            var q = QuarterNumber(quarter.Groups["quarter"].Value);
            return q > 0 && TryYear(quarter.Groups["year"].Value, out var y) && Set(Period.Quarter(y, q), out period);
        }

        if (CumulativeLabel().Match(folded) is { Success: true } cumulative)
            return TryYear(cumulative.Groups["year"].Value, out var y)
                && Set(cumulative.Groups["months"].Value == "6" ? Period.FirstHalf(y) : Period.NineMonths(y), out period);

        if (YearLabel().Match(folded) is { Success: true } year)
            return TryYear(year.Groups["year"].Value, out var y) && Set(Period.FullYear(y), out period);

        if (PlanLabel().Match(folded) is { Success: true } plan)
            return TryYear(plan.Groups["from"].Value, out var from)
                && TryYear(plan.Groups["to"].Value, out var to)
                && to > from && to - from <= 30
                && Set(Period.Plan(from, to), out period);

        return Period.TryParseCode(folded.ToUpperInvariant(), out period);
    }

    /// <summary>Reads a Vietnamese period label or throws <see cref="FormatException"/> naming the text.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' không phải là kỳ báo cáo (ví dụ: Tháng 3/2021, Quý I/2021, 6 tháng đầu năm 2021, 9 tháng năm 2021, Năm 2021, Giai đoạn 2021-2025). / '{text}' is not a period label.");

    /// <summary>The canonical Vietnamese label of a period.</summary>
    public static string Format(Period period) => period.Kind switch
    {
        PeriodKind.Month => $"Tháng {period.Index}/{period.Year}",
        PeriodKind.Quarter => $"Quý {Roman[period.Index - 1]}/{period.Year}",
        PeriodKind.FirstHalf => $"6 tháng đầu năm {period.Year}",
        PeriodKind.NineMonths => $"9 tháng năm {period.Year}",
        PeriodKind.Year => $"Năm {period.Year}",
        _ => $"Giai đoạn {period.Year}-{period.EndYear}",
    };

    private static int QuarterNumber(string written) =>
        written switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, "iv" or "4" => 4, _ => 0 };

    private static bool TryYear(string digits, out int year) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2200;

    private static bool Set(Period value, out Period period)
    {
        period = value;
        return true;
    }

    // Patterns run on folded text: lower case, no diacritics, no spaces around "/" and "-".
    [GeneratedRegex(@"^thang (?<month>\d{1,2})(?:/| nam )(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthLabel();

    [GeneratedRegex(@"^quy (?<quarter>[iv]{1,3}|\d)(?:/| nam )(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterLabel();

    [GeneratedRegex(@"^(?<months>6|9) thang(?: dau)?(?: nam)? (?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex CumulativeLabel();

    [GeneratedRegex(@"^(?:nam )?(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearLabel();

    [GeneratedRegex(@"^(?:giai doan )?(?<from>\d{4})-(?<to>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanLabel();
}
