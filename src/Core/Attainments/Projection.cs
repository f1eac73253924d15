using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Attainments;

/// <summary>How a year-end value was projected.</summary>
public enum ProjectionBasis
{
    /// <summary>A flow count scaled by last year's shape: × (last year's year / last year's same period).</summary>
    LastYear,
    /// <summary>A flow count at this year's pace: × 12 / the months the figure covers.</summary>
    Pace,
    /// <summary>A stock, level, percentage, rate or ratio: the latest value stands for the year.</summary>
    Latest,
}

/// <summary>
/// The early warning for a sub-year period: where the year will end if it goes on as it has, and the verdict
/// that value would get against the year's target (the same words as <see cref="Labels"/>).
/// </summary>
/// <param name="Value">The projected year-end value.</param>
/// <param name="Status">The verdict the projected value gets against the year's target.</param>
/// <param name="Basis">Which rule projected it.</param>
/// <param name="Reason">The verdict's Vietnamese sentence, for the projected value.</param>
public sealed record Projection(decimal Value, AttainmentStatus Status, ProjectionBasis Basis, string Reason)
{
    /// <summary>The Vietnamese label of <see cref="Status"/>: "Vượt", "Đạt", "Không đạt"...</summary>
    public string Label => Labels.Of(Status);

    /// <summary>
    /// Projects the year-end value of a sub-year figure and judges it against the year's target; null for a
    /// year or plan period, without a target, or without a value. The rules are in docs/attainment.md.
    /// </summary>
    /// <param name="indicator">The indicator; flow counts are projected, everything else keeps its latest value.</param>
    /// <param name="period">The sub-year period of <paramref name="actual"/>.</param>
    /// <param name="target">The year's target.</param>
    /// <param name="actual">This year's figure for the period, with the months it covers.</param>
    /// <param name="lastYearSame">Last year's figure for the same period, if any.</param>
    /// <param name="lastYear">Last year's figure for the whole year, if any; also the baseline of the year's verdict.</param>
    public static Projection? Of(Indicator indicator, Period period, TargetExpression? target, PeriodValue? actual, PeriodValue? lastYearSame, PeriodValue? lastYear) =>
        target is not null && YearEnd(indicator, period, actual, lastYearSame, lastYear) is var (value, basis)
            ? Judge(indicator, period, target, value, basis, lastYear?.Observation?.Value)
            : null;

    /// <summary>The projected year-end value of a sub-year figure and how it was projected; null for a year or without a value.</summary>
    public static (decimal Value, ProjectionBasis Basis)? YearEnd(Indicator indicator, Period period, PeriodValue? actual, PeriodValue? lastYearSame, PeriodValue? lastYear)
    {
        if (period.Kind is PeriodKind.Year or PeriodKind.PlanPeriod || actual?.Observation?.Value is not { } value) return null;
        return indicator is { Kind: IndicatorKind.Count, Time: TimeBehaviour.Flow } ? Flow(period, value, actual, lastYearSame, lastYear) : (value, ProjectionBasis.Latest);
    }

    /// <summary>
    /// Judges a projected value as the year's figure: against the year's target, with last year's figure as the
    /// baseline of "Duy trì" and change targets.
    /// </summary>
    public static Projection Judge(Indicator indicator, Period period, TargetExpression target, decimal value, ProjectionBasis basis, decimal? lastYear)
    {
        var verdict = AttainmentRules.Evaluate(indicator, Period.FullYear(period.Year), target, value, lastYear);
        return new(value, verdict.Status, basis, verdict.Reason);
    }

    // Last year's shape needs all three figures whole: a partial figure on either side would distort the ratio.
    static (decimal, ProjectionBasis) Flow(Period period, decimal value, PeriodValue actual, PeriodValue? lastYearSame, PeriodValue? lastYear)
    {
        if (actual.IsComplete && lastYearSame is { IsComplete: true, Observation.Value: { } same and > 0 } && lastYear is { IsComplete: true, Observation.Value: { } whole })
            return (Whole(value * whole / same), ProjectionBasis.LastYear);
        var months = actual.MonthsCovered(period);
        return (Whole(months > 0 ? value * 12m / months : value), ProjectionBasis.Pace);
    }

    static decimal Whole(decimal count) => Math.Round(count, 0, MidpointRounding.AwayFromZero);
}
