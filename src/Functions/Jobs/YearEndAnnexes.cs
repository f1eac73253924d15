using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Jobs;

/// Gathers what a year's result annex and the province's consolidated workbook show, from the stores.
/// A unit's year is its "Năm" form when it sent one, else formed from its months by Core's rules
/// (flows summed, stocks at the latest month). The annex carries no signing date, so it depends only
/// on the stored figures.
public sealed class YearEndAnnexes(IndicatorStore indicators, TargetStore targets, FormStore forms, ValueStore values, PopulationStore populations)
{
    public async Task<ResultAnnex> ResultAnnexAsync(OrgTree tree, OrgUnit unit, int year, CancellationToken ct)
    {
        var catalog = await indicators.GetAllAsync(ct);
        var lines = await LinesAsync(catalog, unit.Code, year, ct);
        return new ResultAnnex(Header(tree, unit, year, $"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ NĂM {year}"), unit.Name, Period.FullYear(year), lines);
    }

    public async Task<ProvinceWorkbook> ProvinceWorkbookAsync(OrgTree tree, OrgUnit province, int year, CancellationToken ct)
    {
        var catalog = await indicators.GetAllAsync(ct);
        var period = Period.FullYear(year);
        var children = tree.ChildrenOf(province.Code, year);
        var codes = children.Select(c => c.Code).ToList();
        var actual = new Dictionary<string, IReadOnlyDictionary<string, Observation>>(StringComparer.Ordinal);
        var baseline = new Dictionary<string, IReadOnlyDictionary<string, Observation>>(StringComparer.Ordinal);
        var districts = new List<DistrictReport>();
        foreach (var child in children)
        {
            actual[child.Code] = await YearValuesAsync(catalog, child.Code, year, ct);
            baseline[child.Code] = await YearValuesAsync(catalog, child.Code, year - 1, ct);
            districts.Add(new DistrictReport(child, await LinesAsync(catalog, child.Code, year, ct)));
        }
        var people = await populations.GetYearAsync(year, ct);
        var peopleBefore = await populations.GetYearAsync(year - 1, ct);
        var provinceTargets = await targets.GetInForceAsync(province.Code, year, ct);
        var summary = new List<ProvinceFigure>();
        foreach (var indicator in Ordered(catalog))
        {
            var now = Consolidator.AcrossUnits(indicator, codes, ByUnit(actual, indicator.Code), people);
            var before = Consolidator.AcrossUnits(indicator, codes, ByUnit(baseline, indicator.Code), peopleBefore);
            var target = provinceTargets.GetValueOrDefault(indicator.Code);
            summary.Add(new ProvinceFigure(indicator, target, now.Value, now.Numerator, now.Denominator, now.IncludedUnits.Count, now.MissingUnits,
                AttainmentRules.Evaluate(indicator, period, target?.Expression, now.Value, before.Value)));
        }
        var notReported = children.Where(c => actual[c.Code].Count == 0).ToList();
        return new ProvinceWorkbook(Header(tree, province, year, $"TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ NĂM {year}"),
            province.Name, period, summary, districts, notReported);
    }

    private async Task<List<ResultLine>> LinesAsync(IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year, CancellationToken ct)
    {
        var period = Period.FullYear(year);
        var inForce = await targets.GetInForceAsync(unitCode, year, ct);
        var actual = await YearValuesAsync(catalog, unitCode, year, ct);
        var baseline = await YearValuesAsync(catalog, unitCode, year - 1, ct);
        return [.. Ordered(catalog).Select(indicator =>
        {
            var target = inForce.GetValueOrDefault(indicator.Code);
            var a = actual.GetValueOrDefault(indicator.Code);
            var b = baseline.GetValueOrDefault(indicator.Code);
            return new ResultLine(indicator, target, a, b, AttainmentRules.Evaluate(indicator, period, target?.Expression, a?.Value, b?.Value));
        })];
    }

    private async Task<IReadOnlyDictionary<string, Observation>> YearValuesAsync(IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year, CancellationToken ct)
    {
        var period = Period.FullYear(year);
        var yearly = await ReadCommittedAsync(unitCode, period, ct);
        if (yearly.Count > 0) return yearly.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var months = new List<Observation>();
        foreach (var month in period.Months()) months.AddRange(await ReadCommittedAsync(unitCode, month, ct));
        var result = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var group in months.GroupBy(o => o.IndicatorCode))
            if (catalog.TryGetValue(group.Key, out var indicator) && Consolidator.OverTime(indicator, period, group) is { } formed)
                result[group.Key] = formed;
        return result;
    }

    private async Task<IReadOnlyList<Observation>> ReadCommittedAsync(string unitCode, Period period, CancellationToken ct) =>
        await forms.GetAsync(unitCode, period.Code, ct) is { CurrentVersion: > 0 } form
            ? await values.ReadAsync(unitCode, period, form.CurrentVersion, ct)
            : [];

    private static Dictionary<string, Observation> ByUnit(Dictionary<string, IReadOnlyDictionary<string, Observation>> byUnit, string indicatorCode) =>
        byUnit.Where(u => u.Value.ContainsKey(indicatorCode)).ToDictionary(u => u.Key, u => u.Value[indicatorCode], StringComparer.Ordinal);

    private static IEnumerable<Indicator> Ordered(IReadOnlyDictionary<string, Indicator> catalog) =>
        catalog.Values.OrderBy(i => i.Group, StringComparer.Ordinal).ThenBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal);

    private static AnnexHeader Header(OrgTree tree, OrgUnit unit, int year, string title)
    {
        var parent = unit.ParentIn(year) is { } p ? tree.Find(p)?.Name : null;
        return new AnnexHeader(
            IssuingParent: (parent ?? "UBND TỈNH").ToUpperInvariant(),
            IssuingBody: unit.Name.ToUpperInvariant(),
            AnnexNumber: "Biểu số 01",
            Title: title,
            Attachment: $"(Kèm theo Báo cáo tổng kết công tác y tế năm {year} của {unit.Name})",
            Place: unit.Name,
            Date: null);
    }
}
