using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Attainments.Figures;

namespace HealthFuncs.Core.Checks;

/// <summary>The warnings of <see cref="PeriodChecks"/>: each names both periods and both numbers, in Vietnamese and English.</summary>
internal static class PeriodFindings
{
    static string Named(Indicator i) => $"“{i.Name}” ({i.Code})";

    // Mid-sentence: "quý I/2024", "tháng 3/2024", "9 tháng năm 2024"; the quarter's numeral stays upper case.
    static string Label(Period p) => PeriodLabel.Format(p) is var label ? char.ToLowerInvariant(label[0]) + label[1..] : "";

    static CheckFinding Warning(Indicator i, string rule, string vi, string en) => new(CheckSeverity.Warning, i.Code, rule, vi, en);

    public static CheckFinding DisagreesWithMonths(Indicator i, Observation reported, decimal derived, IReadOnlyList<Period> from) =>
        Warning(i, CheckRules.DisagreesWithMonths,
            $"{Named(i)}: số báo cáo {Label(reported.Period)} là {Vi(reported.Value!.Value)}, nhưng cộng dồn {PeriodNote.Pieces(from)} được {Vi(derived)}. " +
            $"Số báo cáo trực tiếp cho {Label(reported.Period)} được dùng; kiểm tra lại số nào đúng.",
            $"{Named(i)}: {reported.Period.Code} was reported as {En(reported.Value!.Value)}, but {Codes(from)} add up to {En(derived)}. " +
            $"The figure reported for {reported.Period.Code} is the one used; check which is right.");

    public static CheckFinding CumulativeBelowPart(Indicator i, Observation reported, Observation part) =>
        Warning(i, CheckRules.CumulativeBelowPart,
            $"{Named(i)}: số {Label(reported.Period)} là {Vi(reported.Value!.Value)}, nhỏ hơn số {Label(part.Period)} ({Vi(part.Value!.Value)}) nằm trong kỳ đó. " +
            "Số cộng dồn không thể nhỏ hơn một kỳ bên trong; kiểm tra lại.",
            $"{Named(i)}: {reported.Period.Code} is {En(reported.Value!.Value)}, less than {part.Period.Code} ({En(part.Value!.Value)}) inside it. " +
            "A cumulative figure cannot be smaller than a period inside it; check both.");

    public static CheckFinding StockDisagreesWithLastMonth(Indicator i, Observation reported, Observation last) =>
        Warning(i, CheckRules.StockDisagreesWithLastMonth,
            $"{Named(i)}: số {Label(reported.Period)} là {Vi(reported.Value!.Value)}, khác số tháng cuối kỳ ({Label(last.Period)}: {Vi(last.Value!.Value)}). " +
            "Chỉ tiêu thời điểm lấy số của tháng cuối kỳ; kiểm tra lại.",
            $"{Named(i)}: {reported.Period.Code} is {En(reported.Value!.Value)}, not the {En(last.Value!.Value)} of its last month {last.Period.Code}. " +
            "A stock is its value at the period's end; check both.");

    static string Codes(IReadOnlyList<Period> from) =>
        from.Count > 2 && from.All(p => p.Kind == PeriodKind.Month) && from[^1].Index - from[0].Index == from.Count - 1
            ? $"{from[0].Code}…{from[^1].Code}"
            : string.Join(", ", from.Select(p => p.Code));
}
