using BenchmarkDotNet.Attributes;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Benchmarks;

/// A province's 9 months from 30 districts × 300 indicators, as the server forms it: each district's figures of the
/// year grouped by indicator, each indicator's 9 months formed from its months (Consolidator.OverTime), then
/// consolidated across districts; next to the same from 9-month figures the districts reported directly.
[MemoryDiagnoser]
public class PeriodConsolidationBenchmarks
{
    private static readonly Period Nine = Period.NineMonths(2024);
    private List<Indicator> _indicators = null!;
    private Dictionary<string, Indicator> _catalog = null!;
    private List<string> _districts = null!;
    private Dictionary<string, List<Observation>> _months = null!;
    private Dictionary<string, List<Observation>> _reported = null!;
    private readonly Dictionary<string, long> _populations = [];

    [GlobalSetup]
    public void Build()
    {
        // A third each: flow counts (visits), flow percentages with parts (immunisation), stocks (beds).
        _indicators = Enumerable.Range(1, 300).Select(n => new Indicator($"CT{n:000}", $"Chỉ tiêu {n}", n % 3 == 1 ? "%" : "lượt",
            n % 3 == 1 ? IndicatorKind.Percentage : IndicatorKind.Count, Direction.HigherIsBetter, n % 3 == 2 ? TimeBehaviour.Stock : TimeBehaviour.Flow,
            "I", "Nhóm", n)).ToList();
        _catalog = _indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        _districts = Enumerable.Range(1, 30).Select(d => $"D{d:00}").ToList();
        Observation Figure(string unit, Indicator i, Period p, int scale) => i.HasParts
            ? new(unit, i.Code, p, 90, 90 * scale, 100 * scale)
            : new(unit, i.Code, p, 1_000 * scale);
        _months = _districts.ToDictionary(d => d, d => _indicators.SelectMany(i => Enumerable.Range(1, 9).Select(m => Figure(d, i, Period.Month(2024, m), 1))).ToList());
        _reported = _districts.ToDictionary(d => d, d => _indicators.Select(i => Figure(d, i, Nine, 9)).ToList());
        foreach (var d in _districts) _populations[d] = 100_000;
    }

    [Benchmark(Baseline = true)]
    public int From_reported_9_month_figures() => Consolidate(unit => _reported[unit].ToLookup(o => o.IndicatorCode, StringComparer.Ordinal));

    [Benchmark]
    public int Derived_from_9_months_each() => Consolidate(unit => _months[unit].ToLookup(o => o.IndicatorCode, StringComparer.Ordinal));

    private int Consolidate(Func<string, ILookup<string, Observation>> year)
    {
        var byUnit = new Dictionary<string, Dictionary<string, Observation>>(StringComparer.Ordinal);
        foreach (var unit in _districts)
        {
            var figures = new Dictionary<string, Observation>(StringComparer.Ordinal);
            foreach (var group in year(unit))
                if (Consolidator.OverTimeWithGaps(_catalog[group.Key], Nine, group).Observation is { } o) figures[group.Key] = o;
            byUnit[unit] = figures;
        }
        var formed = 0;
        foreach (var indicator in _indicators)
        {
            var children = _districts.Where(d => byUnit[d].ContainsKey(indicator.Code)).ToDictionary(d => d, d => byUnit[d][indicator.Code], StringComparer.Ordinal);
            if (Consolidator.AcrossUnits(indicator, _districts, children, _populations).Value is not null) formed++;
        }
        return formed;
    }
}
