using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Checks;

/// <summary>
/// Checks a submission against the other periods of the same year: a figure reported for a quarter, 6 or 9
/// months or the year against what the periods inside it give, and the figures reported for the periods
/// around a new one against what they now give. Every finding is a warning: the figure reported directly is
/// the one used, and offices do correct months after a cumulative report was sent.
/// </summary>
public static class PeriodChecks
{
    /// <summary>Warnings for <paramref name="batch"/> (one unit, one period) against the unit's stored figures of the year.</summary>
    /// <param name="batch">The submitted observations, all for one unit and period.</param>
    /// <param name="indicators">The catalogue by code.</param>
    /// <param name="year">The unit's stored figures of the batch's year, any period; those of the batch's period are replaced by the batch.</param>
    public static IReadOnlyList<CheckFinding> Of(IReadOnlyList<Observation> batch, IReadOnlyDictionary<string, Indicator> indicators, IReadOnlyList<Observation> year)
    {
        var findings = new List<CheckFinding>();
        var stored = year.ToLookup(y => (y.UnitCode, y.IndicatorCode));
        foreach (var o in batch)
        {
            if (!indicators.TryGetValue(o.IndicatorCode, out var indicator) || o.Period.Kind == PeriodKind.PlanPeriod) continue;
            var figures = stored[(o.UnitCode, o.IndicatorCode)].Where(y => y.Period.Year == o.Period.Year && y.Period != o.Period && y.Period.Kind != PeriodKind.PlanPeriod)
                .Append(o).DistinctBy(y => y.Period).ToList();
            // The period itself, then each stored period around it, whose figure the new one may now contradict.
            foreach (var reported in figures.Where(f => f.Period == o.Period || f.Period.Contains(o.Period)).OrderBy(f => f.Period != o.Period))
                if (Check(indicator, reported, figures) is { } finding) findings.Add(finding);
        }
        return findings;
    }

    static CheckFinding? Check(Indicator indicator, Observation reported, List<Observation> figures)
    {
        var period = reported.Period;
        if (period.Kind == PeriodKind.Month || reported.Value is not { } value) return null;
        var inside = figures.Where(f => f.Period != period && period.Contains(f.Period)).ToList();
        if (indicator.Time == TimeBehaviour.Stock || indicator.Kind == IndicatorKind.Level)
        {
            var last = inside.FirstOrDefault(f => f.Period == Period.Month(period.Year, period.LastMonth));
            return last?.Value is { } end && !Same(indicator, value, end) ? PeriodFindings.StockDisagreesWithLastMonth(indicator, reported, last) : null;
        }
        if (indicator.Kind == IndicatorKind.Count && inside.Where(f => f.Value > value).MaxBy(f => f.Value) is { } larger)
            return PeriodFindings.CumulativeBelowPart(indicator, reported, larger);
        var derived = Consolidator.OverTimeWithGaps(indicator, period, inside);
        return derived is { IsComplete: true, Observation.Value: { } sum } && !Same(indicator, value, sum)
            ? PeriodFindings.DisagreesWithMonths(indicator, reported, sum, derived.DerivedFrom)
            : null;
    }

    // Counts must match exactly; a percentage or rate matches when the reported one is the other at its own decimals.
    static bool Same(Indicator indicator, decimal reported, decimal other) =>
        indicator.Kind is IndicatorKind.Count or IndicatorKind.Level ? reported == other : RowChecks.Agrees(reported, other, out _);
}
