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

    public async Task<IReadOnlyList<Indicator>> ForAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        CancellationToken cancellationToken = default) =>
        await ForAsync(tree, catalog, unitCode, year, await targets.GetInForceAsync(unitCode, year, cancellationToken), cancellationToken);

    /// The same, for a caller that has read the unit's targets in force for the year already.
    public async Task<IReadOnlyList<Indicator>> ForAsync(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, string unitCode, int year,
        IReadOnlyDictionary<string, Target> inForce, CancellationToken cancellationToken = default)
    {
        var planned = inForce.Keys;
        var province = ProvinceOf(tree, unitCode, year);
        IReadOnlyList<string> assigned = province is null ? [] : await sets.GetAsync(province, year, cancellationToken);
        if (planned.Any() || assigned.Count > 0) return IndicatorSet.For(catalog.Values.ToList(), planned, assigned);
        // Neither a plan nor a province set: the catalog, less what was retired by then.
        return (await indicators.GetRecordsAsync(cancellationToken)).Where(r => r.RetiredFrom is not { } y || y > year).Select(r => r.Indicator).ToList();
    }

    /// The province a unit reports to in a year: the nearest province-level unit at or above it.
    public static string? ProvinceOf(OrgTree tree, string unitCode, int year) =>
        tree.AncestryOf(unitCode, year).FirstOrDefault(u => u.Level == UnitLevel.Province)?.Code;
}
