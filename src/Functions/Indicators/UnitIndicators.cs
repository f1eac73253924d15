using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Indicators;

/// A unit's indicator set for a year (see <see cref="IndicatorSet"/>): read from its targets in force
/// and the set its province assigns, on every call, so a changed plan or set shows on the next request.
public sealed class UnitIndicators(UnitStore units, IndicatorStore indicators, TargetStore targets, IndicatorSetStore sets)
{
    public async Task<IReadOnlyList<Indicator>> ForAsync(string unitCode, int year, CancellationToken cancellationToken = default) =>
        await ForAsync(await units.GetTreeAsync(cancellationToken), await indicators.GetAllAsync(cancellationToken), unitCode, year, cancellationToken);

    public Task<IReadOnlyList<Indicator>> ForAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        CancellationToken cancellationToken = default) =>
        Of(tree, catalog, year).ForAsync(unitCode, cancellationToken);

    /// What a parent's consolidated figures list: what it plans itself and what each child reports (their sets
    /// together); with none of those, its own set.
    public Task<IReadOnlyList<Indicator>> ForParentAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        CancellationToken cancellationToken = default) =>
        Of(tree, catalog, year).ForParentAsync(unitCode, cancellationToken);

    /// The sets of one year for a request that asks for many units' (a consolidation): each thing read once.
    public YearSets Of(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, int year) => new(tree, catalog, year, targets, sets, indicators);

    /// The codes of targets in the order their plan lists them: the yearly plan's rows, then a plan period's milestones;
    /// a target stored without its place (before places were kept) in the catalog's order.
    public static IReadOnlyList<string> InPlanOrder(IEnumerable<Core.Targets.Target> inForce, IReadOnlyDictionary<string, Indicator> catalog)
    {
        var catalogPlace = catalog.Keys.Select((code, n) => (code, n)).ToDictionary(x => x.code, x => x.n, StringComparer.Ordinal);
        return [.. inForce.OrderBy(t => t.PlanPeriod is null ? 0 : 1).ThenBy(t => t.Position ?? int.MaxValue)
            .ThenBy(t => catalogPlace.GetValueOrDefault(t.IndicatorCode, int.MaxValue)).Select(t => t.IndicatorCode).Distinct(StringComparer.Ordinal)];
    }

    /// A set with the figures reported outside it: a figure sent is still shown and counted, never silently dropped.
    /// The set keeps its order; the others follow in the catalog's.
    public static IReadOnlyList<Indicator> WithReported(IReadOnlyList<Indicator> listed, IEnumerable<string> reported, IReadOnlyDictionary<string, Indicator> catalog)
    {
        var codes = listed.Select(i => i.Code).Concat(reported).ToHashSet(StringComparer.Ordinal);
        return codes.Count == listed.Count ? listed
            : IndicatorSet.InOrder(catalog.Values.ToList(), codes.Where(catalog.ContainsKey).ToHashSet(StringComparer.Ordinal), [.. listed.Select(i => i.Code)]);
    }

    /// The province a unit reports to in a year: the nearest province-level unit at or above it.
    public static string? ProvinceOf(OrgTree tree, string unitCode, int year) =>
        tree.AncestryOf(unitCode, year).FirstOrDefault(u => u.Level == UnitLevel.Province)?.Code;
}
