using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Indicators;

/// A unit's indicator set for a year (see <see cref="IndicatorSet"/>): read from its targets in force
/// and the set its province assigns, on every call, so a changed plan or set shows on the next request.
public sealed class UnitIndicators(UnitStore units, IndicatorStore indicators, TargetStore targets, IndicatorSetStore sets)
{
    public async Task<IReadOnlyList<Indicator>> ForAsync(string unitCode, int year, CancellationToken cancellationToken = default) =>
        await ForAsync(await units.GetTreeAsync(cancellationToken), await indicators.GetAllAsync(cancellationToken), unitCode, year, cancellationToken);

    public async Task<IReadOnlyList<Indicator>> ForAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        CancellationToken cancellationToken = default)
    {
        var planned = (await targets.GetInForceAsync(unitCode, year, cancellationToken)).Keys;
        var province = ProvinceOf(tree, unitCode, year);
        IReadOnlyList<string> assigned = province is null ? [] : await sets.GetAsync(province, year, cancellationToken);
        if (planned.Any() || assigned.Count > 0) return IndicatorSet.For(catalog.Values.ToList(), planned, assigned);
        // Neither a plan nor a province set: the catalog, less what was retired by then.
        return (await indicators.GetRecordsAsync(cancellationToken)).Where(r => r.RetiredFrom is not { } y || y > year).Select(r => r.Indicator).ToList();
    }

    /// What a parent's consolidated figures list: what it plans itself and what each child reports (their sets
    /// together); with none of those, its own set.
    public async Task<IReadOnlyList<Indicator>> ForParentAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        CancellationToken cancellationToken = default)
    {
        var listed = (await targets.GetInForceAsync(unitCode, year, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var child in tree.ChildrenOf(unitCode, year))
            listed.UnionWith((await ForAsync(tree, catalog, child.Code, year, cancellationToken)).Select(i => i.Code));
        if (listed.Count == 0) return await ForAsync(tree, catalog, unitCode, year, cancellationToken);
        return [.. catalog.Values.Where(i => listed.Contains(i.Code))];
    }

    /// A set with the figures reported outside it: a figure sent is still shown and counted, never silently dropped.
    public static IReadOnlyList<Indicator> WithReported(IReadOnlyList<Indicator> listed, IEnumerable<string> reported, IReadOnlyDictionary<string, Indicator> catalog)
    {
        var codes = listed.Select(i => i.Code).Concat(reported).ToHashSet(StringComparer.Ordinal);
        return codes.Count == listed.Count ? listed : [.. catalog.Values.Where(i => codes.Contains(i.Code))];
    }

    /// The province a unit reports to in a year: the nearest province-level unit at or above it.
    public static string? ProvinceOf(OrgTree tree, string unitCode, int year) =>
        tree.AncestryOf(unitCode, year).FirstOrDefault(u => u.Level == UnitLevel.Province)?.Code;
}
