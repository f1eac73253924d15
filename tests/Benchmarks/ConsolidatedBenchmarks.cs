using BenchmarkDotNet.Attributes;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Benchmarks;

/// The province workbook for 30 districts × 300 indicators: summary, 30 district sheets, the matrix, the missing list.
[MemoryDiagnoser]
public class ConsolidatedBenchmarks
{
    private readonly MemoryStream _buffer = Cells.Buffer();
    private ProvinceWorkbook _book = null!;

    [GlobalSetup]
    public void Build()
    {
        var period = Period.FirstHalf(2021);
        var indicators = Enumerable.Range(1, 300).Select(n => new Indicator($"CT{n:000}", $"Chỉ tiêu thử nghiệm số {n} của nhóm {1 + n / 40}",
            n % 3 == 0 ? "%" : "lượt", n % 3 == 0 ? IndicatorKind.Percentage : IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow,
            AnnexFrame.Roman(1 + n / 40), $"Nhóm {1 + n / 40}", n)).ToList();
        var statuses = Enum.GetValues<AttainmentStatus>();
        Attainment Verdict(int n) => new(statuses[n % statuses.Length], 100, null, false, "");
        Target TargetOf(Indicator i) => new("P", i.Code, 2021, new TargetExpression("100", TargetForm.Point, 100));
        var districts = Enumerable.Range(1, 30).Select(d =>
        {
            var unit = new OrgUnit($"D{d:00}", $"Huyện thử nghiệm {d}", UnitLevel.District, [new ParentLink(2000, "P")]);
            return new DistrictReport(unit, indicators.Select((i, n) => new ResultLine(i, TargetOf(i),
                new Observation(unit.Code, i.Code, period, 90 + (n + d) % 20), new Observation(unit.Code, i.Code, period, 88), Verdict(n + d))).ToList());
        }).ToList();
        var summary = indicators.Select((i, n) => new ProvinceFigure(i, TargetOf(i), 95, null, null, 30, [], Verdict(n))).ToList();
        var header = new AnnexHeader("UBND tỉnh Thử nghiệm", "Sở Y tế", "Biểu số 01", "Tổng hợp", "(Kèm theo ...)", "Thử nghiệm", null);
        _book = new ProvinceWorkbook(header, "Tỉnh Thử nghiệm", period, summary, districts, []);
    }

    [IterationSetup]
    public void Reset() => _buffer.SetLength(0);

    [Benchmark]
    public long Province_30_districts_by_300_indicators()
    {
        ProvinceWorkbookWriter.Write(_book, _buffer);
        return _buffer.Length;
    }
}
