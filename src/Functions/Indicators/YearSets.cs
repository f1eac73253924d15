using System.Collections.Concurrent;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Indicators;

/// The indicator sets of one year for many units, as one request works them out (see <see cref="UnitIndicators"/>):
/// each unit's targets in force, each province's assigned set and the catalog's records are read at most once, so a
/// parent's consolidation costs one targets query per child, not one per child and per use. Opened per request, so
/// a changed plan or set still shows on the next one.
public sealed class YearSets(OrgTree tree, IReadOnlyDictionary<string, Indicator> catalog, int year,
    TargetStore targets, IndicatorSetStore sets, IndicatorStore indicators)
{
    // How many children's targets a parent's set reads at once.
    private const int ChildReads = 8;

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, Target>>>> _inForce = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> _assigned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Indicator>>>> _sets = new(StringComparer.Ordinal);
    private Lazy<Task<IReadOnlyList<StoredIndicator>>>? _records;

    public int Year => year;

    /// The unit's targets in force for the year (<see cref="TargetStore.GetInForceAsync"/>), read once.
    public Task<IReadOnlyDictionary<string, Target>> InForceAsync(string unitCode, CancellationToken cancellationToken = default) =>
        _inForce.GetOrAdd(unitCode, u => new(() => targets.GetInForceAsync(u, year, cancellationToken))).Value;

    /// The unit's set: its plan's rows, its province's set, else the catalog less what was retired by then.
    public Task<IReadOnlyList<Indicator>> ForAsync(string unitCode, CancellationToken cancellationToken = default) =>
        _sets.GetOrAdd(unitCode, u => new(() => WorkOutAsync(u, cancellationToken))).Value;

    /// What a parent's consolidated figures list: what it plans itself and what each child reports (their sets
    /// together); with none of those, its own set.
    public async Task<IReadOnlyList<Indicator>> ForParentAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var children = tree.ChildrenOf(unitCode, year);
        // The children's sets are worked out a few at a time, then put together in tree order.
        await Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = ChildReads, CancellationToken = cancellationToken },
            async (child, ct) => await ForAsync(child.Code, ct));
        var sequence = UnitIndicators.InPlanOrder((await InForceAsync(unitCode, cancellationToken)).Values, catalog).ToList();
        foreach (var child in children)
            sequence.AddRange((await ForAsync(child.Code, cancellationToken)).Select(i => i.Code));
        if (sequence.Count == 0) return await ForAsync(unitCode, cancellationToken);
        return IndicatorSet.InOrder(catalog.Values.ToList(), sequence.ToHashSet(StringComparer.Ordinal), sequence);
    }

    private async Task<IReadOnlyList<Indicator>> WorkOutAsync(string unitCode, CancellationToken cancellationToken)
    {
        var planned = UnitIndicators.InPlanOrder((await InForceAsync(unitCode, cancellationToken)).Values, catalog);
        var province = UnitIndicators.ProvinceOf(tree, unitCode, year);
        IReadOnlyList<string> assigned = province is null ? []
            : await _assigned.GetOrAdd(province, p => new(() => sets.GetAsync(p, year, cancellationToken))).Value;
        if (planned.Count > 0 || assigned.Count > 0) return IndicatorSet.For(catalog.Values.ToList(), planned, assigned);
        // Neither a plan nor a province set: the catalog, less what was retired by then.
        var records = LazyInitializer.EnsureInitialized(ref _records, () => new(() => indicators.GetRecordsAsync(cancellationToken)));
        return (await records.Value).Where(r => r.RetiredFrom is not { } y || y > year).Select(r => r.Indicator).ToList();
    }
}
