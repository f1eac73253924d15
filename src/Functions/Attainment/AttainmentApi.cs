using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Attainment;

/// One indicator's verdict. <see cref="DerivedFrom"/>: the period codes the actual was formed from (empty when it
/// was reported for the period); <see cref="MissingPeriods"/>: the months it lacks. For a sub-year period with a
/// yearly target, <see cref="ProjectedYearEnd"/> and <see cref="ProjectedLabel"/> are the early warning.
public sealed record AttainmentRow(
    string IndicatorCode, string Name, string Unit, string Group, decimal? Actual, string? Target, decimal? Baseline,
    decimal? PercentOfPlan, decimal? ChangeFromBaseline, bool ChangeIsPoints, AttainmentStatus Status, string Label, string Reason,
    IReadOnlyList<string>? DerivedFrom = null, IReadOnlyList<string>? MissingPeriods = null,
    decimal? ProjectedYearEnd = null, string? ProjectedLabel = null, ProjectionBasis? ProjectionBasis = null);

public sealed record AttainmentReport(string UnitCode, string Period, IReadOnlyList<AttainmentRow> Rows);

/// MissingUnits lists every child left out of Value; Gaps says why for each: "WithoutParts" (thiếu tử số/mẫu số:
/// reported a rate without the numerator/denominator the total sums) or "NotReported" (chưa báo cáo).
public sealed record ConsolidatedRow(
    string IndicatorCode, decimal? Value, decimal? Numerator, decimal? Denominator, IReadOnlyList<string> IncludedUnits,
    IReadOnlyList<string> MissingUnits, AttainmentRow Attainment, IReadOnlyList<UnitGap>? Gaps = null,
    IReadOnlyList<string>? DerivedFrom = null, IReadOnlyList<string>? MissingPeriods = null, IReadOnlyList<string>? PartialUnits = null);

public enum GapKind { NotReported, WithoutParts }

/// A child left out of a consolidated value, and why, with the Vietnamese label the reports print.
public sealed record UnitGap(string UnitCode, GapKind Kind, string Label)
{
    public static IReadOnlyList<UnitGap> Of(Core.Consolidation.ConsolidatedValue c) => c.MissingUnits
        .Select(u => c.WithoutPartsUnits.Contains(u) ? new UnitGap(u, GapKind.WithoutParts, "thiếu tử số/mẫu số") : new UnitGap(u, GapKind.NotReported, "chưa báo cáo"))
        .ToList();
}

public sealed record ConsolidatedReport(string UnitCode, string Period, IReadOnlyList<string> MissingUnits, IReadOnlyList<ConsolidatedRow> Rows);

// GET /api/units/{unit}/periods/{period}/attainment     actual, target, baseline and verdict per indicator
// GET /api/units/{unit}/periods/{period}/consolidated   a parent's figures from its children, who is missing, and the verdict
public static class AttainmentApi
{
    public static RouteGroupBuilder MapAttainment(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/periods/{period}").WithTags("Attainment").RequireUnitAccess(UnitAccess.Read);
        group.MapGet("/attainment", AttainmentAsync).WithSummary("Actual against target: % of plan and verdict per indicator");
        group.MapGet("/consolidated", ConsolidatedAsync).WithSummary("A parent's figures summed from its children, and who is missing");
        return api;
    }

    // Both list the unit's indicator set for the year (its plan's, its province's; a parent's: its children's too), as its
    // forms and annexes do, with any figure reported outside it.
    private static async Task<Ok<AttainmentReport>> AttainmentAsync(string unit, string period, FigureBooks books, TargetStore targets, UnitIndicators sets,
        CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var book = await books.OpenAsync(cancellationToken);
        var actuals = await book.ActualsAsync(unit, p, cancellationToken);
        var inForce = await targets.GetInForceAsync(unit, p.Year, cancellationToken);
        var baselines = await Baselines.ForAsync(p, inForce, async q => Values(await book.ActualsAsync(unit, q, cancellationToken)));
        var outlook = new YearEndOutlook(book, p);
        var rows = new List<AttainmentRow>();
        var listed = UnitIndicators.WithReported(await sets.ForAsync(book.Tree, book.Indicators, unit, p.Year, cancellationToken),
            actuals.Where(kv => kv.Value.Observation is not null).Select(kv => kv.Key), book.Indicators);
        foreach (var i in listed)
        {
            var target = inForce.GetValueOrDefault(i.Code)?.Expression;
            rows.Add(Row(i, p, target, actuals.GetValueOrDefault(i.Code), baselines.GetValueOrDefault(i.Code),
                await outlook.ForUnitAsync(unit, i, target, cancellationToken)));
        }
        return TypedResults.Ok(new AttainmentReport(unit, p.Code, rows));
    }

    private static async Task<Results<Ok<ConsolidatedReport>, ValidationProblem>> ConsolidatedAsync(
        string unit, string period, FigureBooks books, UnitIndicators sets, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var book = await books.OpenAsync(cancellationToken);
        if (book.Tree.ChildrenOf(unit, p.Year).Count == 0)
            return Problems.Invalid("unit", $"Đơn vị {unit} không có đơn vị trực thuộc trong năm {p.Year} để tổng hợp.",
                $"Unit {unit} has no child units in {p.Year} to consolidate.");
        var consolidation = await book.ConsolidateAsync(unit, p, cancellationToken);
        // The parent's targets are read once, for its verdicts and its set; each child's once, for its set.
        var year = sets.Of(book.Tree, book.Indicators, p.Year);
        var inForce = await year.InForceAsync(unit, cancellationToken);
        var baselines = await Baselines.ForAsync(p, inForce, async q => Values(await book.ActualsAsync(unit, q, cancellationToken)));
        var outlook = new YearEndOutlook(book, p);
        var rows = new List<ConsolidatedRow>();
        var listed = UnitIndicators.WithReported(await year.ForParentAsync(unit, cancellationToken), consolidation.ByIndicator.Keys, book.Indicators);
        foreach (var i in listed)
        {
            // An indicator no child has a figure for: every child missing.
            var c = consolidation.ByIndicator.GetValueOrDefault(i.Code) ?? Consolidator.AcrossUnits(i, consolidation.Children, new Dictionary<string, Observation>(), new Dictionary<string, long>());
            var d = consolidation.Derivations.GetValueOrDefault(i.Code) ?? new Derivation([], [], []);
            var target = inForce.GetValueOrDefault(i.Code)?.Expression;
            var actual = c.Value is null ? null : new PeriodValue(new Observation(unit, i.Code, p, c.Value, c.Numerator, c.Denominator), d.MissingPeriods) { DerivedFrom = d.DerivedFrom };
            var row = Row(i, p, target, actual, baselines.GetValueOrDefault(i.Code), await outlook.ForConsolidatedAsync(consolidation, i, target, cancellationToken));
            rows.Add(new ConsolidatedRow(i.Code, c.Value, c.Numerator, c.Denominator, c.IncludedUnits, c.MissingUnits, row, UnitGap.Of(c),
                Codes(d.DerivedFrom), Codes(d.MissingPeriods), d.PartialUnits));
        }
        return TypedResults.Ok(new ConsolidatedReport(unit, p.Code, consolidation.MissingUnits, rows));
    }

    private static IReadOnlyDictionary<string, decimal?> Values(IReadOnlyDictionary<string, PeriodValue> figures) =>
        figures.ToDictionary(kv => kv.Key, kv => kv.Value.Observation?.Value, StringComparer.Ordinal);

    public static AttainmentRow Row(Indicator indicator, Period period, TargetExpression? target, decimal? actual, decimal? baseline)
    {
        var a = AttainmentRules.Evaluate(indicator, period, target, actual, baseline);
        return new AttainmentRow(indicator.Code, indicator.Name, indicator.Unit, indicator.Group, actual, target?.Text, baseline,
            a.PercentOfPlan, a.ChangeFromBaseline, a.ChangeIsPoints, a.Status, a.Label, a.Reason);
    }

    /// A row with the actual's provenance and, for a sub-year period, the projection.
    public static AttainmentRow Row(Indicator indicator, Period period, TargetExpression? target, PeriodValue? actual, decimal? baseline, Projection? projection) =>
        Row(indicator, period, target, actual?.Observation?.Value, baseline) with
        {
            DerivedFrom = Codes(actual?.DerivedFrom ?? []),
            MissingPeriods = Codes(actual?.MissingMonths ?? []),
            ProjectedYearEnd = projection?.Value,
            ProjectedLabel = projection?.Label,
            ProjectionBasis = projection?.Basis,
        };

    private static List<string> Codes(IReadOnlyList<Period> periods) => periods.Select(p => p.Code).ToList();
}
