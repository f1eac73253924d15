using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Functions.Attainment;

/// The early warning for one sub-year period: each unit's figure projected to the year's end by Core's
/// Projection rules, from this year's figure and last year's same period and year (all read through the book,
/// so derived from months where needed). A parent's flow count is the sum of its children's projections, each
/// with its own history or pace; everything else projects the consolidated latest value. With
/// <paramref name="ownFiguresOnly"/> a unit is projected from its own figures only, as its annex prints them.
public sealed class YearEndOutlook(FigureBook book, Period period, bool ownFiguresOnly = false)
{
    public bool Applies => period.Kind is not (PeriodKind.Year or PeriodKind.PlanPeriod);

    public async Task<Projection?> ForUnitAsync(string unit, Indicator indicator, TargetExpression? target, CancellationToken cancellationToken = default)
    {
        if (!Applies || target is null) return null;
        // A parent without a figure of its own reads its children's: projected as the consolidated rows are.
        if (!ownFiguresOnly && !(await book.OwnAsync(unit, period, cancellationToken)).ContainsKey(indicator.Code) && book.Tree.ChildrenOf(unit, period.Year).Count > 0)
            return await ForConsolidatedAsync(await book.ConsolidateAsync(unit, period, cancellationToken), indicator, target, cancellationToken);
        if (await YearEndAsync(unit, indicator, cancellationToken) is not var (value, basis)) return null;
        return Projection.Judge(indicator, period, target, value, basis, await LastYearAsync(unit, indicator, cancellationToken));
    }

    public async Task<Projection?> ForConsolidatedAsync(Consolidation consolidation, Indicator indicator, TargetExpression? target, CancellationToken cancellationToken = default)
    {
        if (!Applies || target is null || !consolidation.ByIndicator.TryGetValue(indicator.Code, out var value) || value.Value is not { } total) return null;
        var lastYear = await LastYearAsync(consolidation.UnitCode, indicator, cancellationToken);
        if (indicator is not { Kind: IndicatorKind.Count, Time: TimeBehaviour.Flow })
            return Projection.Judge(indicator, period, target, total, ProjectionBasis.Latest, lastYear);
        var children = await Task.WhenAll(value.IncludedUnits.Select(c => YearEndAsync(c, indicator, cancellationToken)));
        if (children.Any(c => c is null)) return null;
        var basis = children.All(c => c!.Value.Basis == ProjectionBasis.LastYear) ? ProjectionBasis.LastYear : ProjectionBasis.Pace;
        return Projection.Judge(indicator, period, target, children.Sum(c => c!.Value.Value), basis, lastYear);
    }

    private async Task<(decimal Value, ProjectionBasis Basis)?> YearEndAsync(string unit, Indicator indicator, CancellationToken cancellationToken)
    {
        var actual = (await FiguresAsync(unit, period, cancellationToken)).GetValueOrDefault(indicator.Code);
        if (actual is null) return null;
        var same = (await FiguresAsync(unit, period.SamePeriodLastYear(), cancellationToken)).GetValueOrDefault(indicator.Code);
        var year = (await FiguresAsync(unit, Period.FullYear(period.Year - 1), cancellationToken)).GetValueOrDefault(indicator.Code);
        return Projection.YearEnd(indicator, period, actual, same, year);
    }

    private Task<IReadOnlyDictionary<string, PeriodValue>> FiguresAsync(string unit, Period p, CancellationToken cancellationToken) =>
        ownFiguresOnly ? book.OwnAsync(unit, p, cancellationToken) : book.ActualsAsync(unit, p, cancellationToken);

    private async Task<decimal?> LastYearAsync(string unit, Indicator indicator, CancellationToken cancellationToken) =>
        (await FiguresAsync(unit, Period.FullYear(period.Year - 1), cancellationToken)).GetValueOrDefault(indicator.Code)?.Observation?.Value;
}
