using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Jobs;

/// Gathers what a year's result annex and a province's consolidated workbook show, with the same
/// figures the attainment and consolidated endpoints give for the year (one FigureBook per run):
/// a unit's own year form, and for a unit with children the children's consolidated values where it
/// sent none. The annex carries no signing date, so it depends only on the stored figures.
public sealed class YearEndAnnexes(FigureBooks books, TargetStore targets)
{
    public Task<FigureBook> OpenAsync(CancellationToken ct) => books.OpenAsync(ct);

    public async Task<ResultAnnex> ResultAnnexAsync(FigureBook book, OrgUnit unit, int year, CancellationToken ct) =>
        new(Header(book.Tree, unit, year, $"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ NĂM {year}"), unit.Name, Period.FullYear(year),
            await LinesAsync(book, unit.Code, year, ct));

    public async Task<ProvinceWorkbook> ProvinceWorkbookAsync(FigureBook book, OrgUnit province, int year, CancellationToken ct)
    {
        var period = Period.FullYear(year);
        var consolidation = await book.ConsolidateAsync(province.Code, period, ct);
        var baselines = await book.ActualsAsync(province.Code, period.SamePeriodLastYear(), ct);
        var inForce = await targets.GetInForceAsync(province.Code, year, ct);
        var summary = Ordered(book.Indicators).Select(indicator =>
        {
            var target = inForce.GetValueOrDefault(indicator.Code);
            var c = consolidation.ByIndicator.GetValueOrDefault(indicator.Code);
            return new ProvinceFigure(indicator, target, c?.Value, c?.Numerator, c?.Denominator, c?.IncludedUnits.Count ?? 0,
                c?.MissingUnits ?? consolidation.Children,
                AttainmentRules.Evaluate(indicator, period, target?.Expression, c?.Value, baselines.GetValueOrDefault(indicator.Code)?.Value));
        }).ToList();
        var districts = new List<DistrictReport>();
        foreach (var child in book.Tree.ChildrenOf(province.Code, year))
            districts.Add(new DistrictReport(child, await LinesAsync(book, child.Code, year, ct)));
        var notReported = consolidation.MissingUnits.Select(code => book.Tree.Find(code)!).ToList();
        return new ProvinceWorkbook(Header(book.Tree, province, year, $"TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ NĂM {year}"),
            province.Name, period, summary, districts, notReported);
    }

    private async Task<List<ResultLine>> LinesAsync(FigureBook book, string unitCode, int year, CancellationToken ct)
    {
        var period = Period.FullYear(year);
        var inForce = await targets.GetInForceAsync(unitCode, year, ct);
        IReadOnlyDictionary<string, Observation> actual = await book.ActualsAsync(unitCode, period, ct);
        IReadOnlyDictionary<string, Observation> baseline = await book.ActualsAsync(unitCode, period.SamePeriodLastYear(), ct);
        return [.. Ordered(book.Indicators).Select(indicator =>
        {
            var target = inForce.GetValueOrDefault(indicator.Code);
            var a = actual.GetValueOrDefault(indicator.Code);
            var b = baseline.GetValueOrDefault(indicator.Code);
            return new ResultLine(indicator, target, a, b, AttainmentRules.Evaluate(indicator, period, target?.Expression, a?.Value, b?.Value));
        })];
    }

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
