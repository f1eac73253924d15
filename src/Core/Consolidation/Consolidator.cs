using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Consolidation;

/// <summary>
/// Forms values from other values: a parent unit from its children (sums, or summed parts divided, never
/// an average of percentages), and a period from its months (flows summed, stocks taken at the latest month).
/// </summary>
public static class Consolidator
{
    /// <summary>
    /// Consolidates an indicator across child units. Counts are summed; percentages and ratios divide summed
    /// numerators by summed denominators; rates divide summed numerators by summed populations (the
    /// observation's denominator when given, else <paramref name="populations"/>); levels have no value.
    /// A child that reported a percentage, ratio or rate without its parts is left out and named in
    /// <see cref="ConsolidatedValue.WithoutPartsUnits"/>, apart from those that have not reported.
    /// </summary>
    /// <param name="indicator">The indicator being consolidated.</param>
    /// <param name="childUnitCodes">The children expected to report, in display order.</param>
    /// <param name="byUnit">The children's observations by unit code; others are ignored.</param>
    /// <param name="populations">Population by unit code for the year, the fallback denominator of rates.</param>
    public static ConsolidatedValue AcrossUnits(
        Indicator indicator,
        IReadOnlyList<string> childUnitCodes,
        IReadOnlyDictionary<string, Observation> byUnit,
        IReadOnlyDictionary<string, long> populations)
    {
        var included = new List<string>();
        var missing = new List<string>();
        var withoutParts = new List<string>();
        decimal sum = 0, numerator = 0, denominator = 0;
        foreach (var unit in childUnitCodes.Distinct())
        {
            var observation = byUnit.GetValueOrDefault(unit);
            var parts = observation is null ? null : PartsOf(indicator, observation, populations.TryGetValue(unit, out var p) ? p : null);
            var usable = indicator.HasParts ? parts is not null : observation?.Value is not null;
            (usable ? included : missing).Add(unit);
            if (!usable && indicator.HasParts && observation?.Value is not null) withoutParts.Add(unit);
            if (!usable) continue;
            if (parts is (var n, var d)) { numerator += n; denominator += d; }
            else sum += observation!.Value!.Value;
        }

        if (included.Count == 0 || indicator.Kind == IndicatorKind.Level)
            return new(null, null, null, included, missing) { WithoutPartsUnits = withoutParts };
        if (!indicator.HasParts)
            return new(sum, null, null, included, missing);
        decimal? value = denominator == 0 ? null : numerator / denominator * indicator.Scale;
        return new(value, numerator, denominator, included, missing) { WithoutPartsUnits = withoutParts };
    }

    /// <summary>
    /// A unit's value for <paramref name="period"/> from its monthly observations, or null when no month
    /// had one. Missing months are named in the result's note; <see cref="OverTimeWithGaps"/> lists them.
    /// </summary>
    public static Observation? OverTime(Indicator indicator, Period period, IEnumerable<Observation> months) =>
        OverTimeWithGaps(indicator, period, months).Observation;

    /// <summary>
    /// A unit's value for <paramref name="period"/> from its monthly observations. Flows sum the months the
    /// period covers (6 and 9 months are cumulative from January): counts add values, percentages and ratios
    /// add numerators and denominators, rates add numerators over the latest population. Stocks and levels
    /// take the latest month with a value. Observations of other indicators or outside the period are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The months belong to several units, a month appears twice, or the period is a plan period.</exception>
    public static PeriodValue OverTimeWithGaps(Indicator indicator, Period period, IEnumerable<Observation> months)
    {
        if (period.Kind == PeriodKind.PlanPeriod)
            throw new ArgumentException($"A plan period ({period.Code}) is not formed from months; use its milestone years.", nameof(period));
        var byMonth = new SortedDictionary<int, Observation>();
        foreach (var m in months.Where(o => o.IndicatorCode == indicator.Code && o.Period.Kind == PeriodKind.Month && period.Contains(o.Period)))
        {
            if (byMonth.Count > 0 && byMonth.First().Value.UnitCode != m.UnitCode)
                throw new ArgumentException($"Months of {indicator.Code} belong to several units ({byMonth.First().Value.UnitCode}, {m.UnitCode}).", nameof(months));
            if (!byMonth.TryAdd(m.Period.Index, m))
                throw new ArgumentException($"Month {m.Period.Code} of {indicator.Code} for {m.UnitCode} appears twice.", nameof(months));
        }

        if (period.Kind == PeriodKind.Month)
        {
            // A month is its own observation, whether or not it carries parts.
            var own = byMonth.Values.FirstOrDefault(o => o.Value is not null || o.Numerator is not null);
            return new(own, own is null ? [period] : []);
        }
        var result = indicator.Time == TimeBehaviour.Stock || indicator.Kind == IndicatorKind.Level
            ? Latest(indicator, period, byMonth)
            : Summed(indicator, period, byMonth);
        if (result.Observation is { } o && result.MissingMonths.Count > 0)
            result = result with { Observation = o with { Note = MissingNote(result.MissingMonths) } };
        return result;
    }

    static PeriodValue Summed(Indicator indicator, Period period, SortedDictionary<int, Observation> byMonth)
    {
        var usable = byMonth.Values.Where(o => indicator.HasParts ? o.Numerator is not null && (indicator.Kind == IndicatorKind.Rate || o.Denominator is not null) : o.Value is not null).ToList();
        var missing = period.Months().Where(m => !usable.Any(o => o.Period == m)).ToList();
        if (usable.Count == 0) return new(null, missing);
        var template = new Observation(usable[0].UnitCode, indicator.Code, period, null);
        if (!indicator.HasParts)
            return new(template with { Value = usable.Sum(o => o.Value!.Value) }, missing);

        var numerator = usable.Sum(o => o.Numerator!.Value);
        // Population is a stock: a quarter's rate is its cases over the latest population, not over three populations.
        var denominator = indicator.Kind == IndicatorKind.Rate
            ? usable.LastOrDefault(o => o.Denominator is not null)?.Denominator
            : usable.Sum(o => o.Denominator!.Value);
        decimal? value = denominator is { } d && d != 0 ? numerator / d * indicator.Scale : null;
        return new(template with { Value = value, Numerator = numerator, Denominator = denominator }, missing);
    }

    static PeriodValue Latest(Indicator indicator, Period period, SortedDictionary<int, Observation> byMonth)
    {
        var latest = byMonth.Values.LastOrDefault(o => o.Value is not null || (indicator.HasParts && o.Numerator is not null));
        var after = latest?.Period.Index ?? period.FirstMonth - 1;
        var missing = period.Months().Where(m => m.Index > after).ToList();
        return new(latest is null ? null : latest with { Period = period }, missing);
    }

    /// <summary>The numerator and denominator a child contributes, or null when it lacks them.</summary>
    static (decimal Numerator, decimal Denominator)? PartsOf(Indicator indicator, Observation observation, long? population)
    {
        if (!indicator.HasParts || observation.Numerator is not { } numerator) return null;
        var denominator = observation.Denominator ?? (indicator.Kind == IndicatorKind.Rate ? population : null);
        return denominator is { } d ? (numerator, d) : null;
    }

    static string MissingNote(IReadOnlyList<Period> months) =>
        $"Chưa có số liệu tháng {string.Join(", ", months.Select(m => $"{m.Index}/{m.Year}"))}.";
}
