using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The note on a province figure of "Tổng hợp": how it was formed from the children (summed, or summed parts
/// divided), from how many, who is missing, and for children's figures formed from months, which months and which
/// are lacking: what the API's consolidated answer gives as includedUnits, missingUnits, derivedFrom and missingPeriods.
/// </summary>
public static class SummaryProvenance
{
    /// <summary>The note for <paramref name="figure"/>; <paramref name="names"/> maps child codes to names.</summary>
    public static string Of(ProvinceFigure figure, IReadOnlyDictionary<string, string> names)
    {
        var indicator = figure.Indicator;
        string Names(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => names.GetValueOrDefault(c, c)));
        var lines = new List<string>
        {
            indicator.Kind == IndicatorKind.Level ? "Mức (xếp hạng) không cộng gộp được giữa các đơn vị."
            : figure.IncludedUnits == 0 ? "Chưa có đơn vị nào có số liệu để tổng hợp."
            : indicator.HasParts ? $"Tổng tử số chia tổng mẫu số của {figure.IncludedUnits} đơn vị (không lấy trung bình các tỷ lệ)."
            : $"Cộng số liệu của {figure.IncludedUnits} đơn vị.",
        };
        var silent = figure.MissingUnits.Except(figure.WithoutPartsUnits, StringComparer.Ordinal).ToList();
        if (silent.Count > 0) lines.Add($"Chưa có số liệu ({silent.Count} đơn vị, không tính là 0): {Names(silent)}.");
        if (figure.WithoutPartsUnits.Count > 0) lines.Add($"Thiếu tử số/mẫu số, không tính: {Names(figure.WithoutPartsUnits)}.");
        if (figure.DerivedFrom.Count > 0)
        {
            var months = PeriodNote.Of(indicator.Time == TimeBehaviour.Flow, figure.DerivedFrom, figure.MissingPeriods);
            lines.Add($"Số liệu các đơn vị: {months.TrimEnd('.')}" + (figure.PartialUnits.Count > 0 ? $" (đơn vị thiếu tháng: {Names(figure.PartialUnits)})." : "."));
        }
        return string.Join("\n", lines);
    }
}
