using System.Collections.Concurrent;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Attainment;

/// A parent unit's figures formed from its children for one period.
/// <see cref="MissingUnits"/>: children with no figure at all for the period.
public sealed record Consolidation(
    string UnitCode,
    Period Period,
    IReadOnlyList<string> Children,
    IReadOnlyList<string> MissingUnits,
    IReadOnlyDictionary<string, ConsolidatedValue> ByIndicator);

/// The figures of units for periods, read once per request. A unit's actual for an indicator is what it
/// submitted; for an indicator it did not submit, a unit with children gets its children's consolidated value
/// (recursively, under the parents of the period's year). Each unit costs one point read of its form and one
/// partition range query of its values: a consolidation reads the subtree's partitions, never the table.
public sealed class FigureBook(OrgTree tree, IReadOnlyDictionary<string, Indicator> indicators, CommittedValues committed, PopulationStore populations)
{
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<IReadOnlyDictionary<string, Observation>>>> _actuals = new();
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<Consolidation>>> _consolidations = new();
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyDictionary<string, long>>>> _populations = new();

    public OrgTree Tree => tree;

    public IReadOnlyDictionary<string, Indicator> Indicators => indicators;

    public Task<IReadOnlyDictionary<string, Observation>> ActualsAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        _actuals.GetOrAdd((unitCode, period.Code), _ => new(() => LoadActualsAsync(unitCode, period, cancellationToken))).Value;

    public Task<Consolidation> ConsolidateAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        _consolidations.GetOrAdd((unitCode, period.Code), _ => new(() => LoadConsolidationAsync(unitCode, period, cancellationToken))).Value;

    private async Task<IReadOnlyDictionary<string, Observation>> LoadActualsAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var own = (await committed.ReadAsync(unitCode, period, cancellationToken)).ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        if (tree.ChildrenOf(unitCode, period.Year).Count == 0) return own;
        var consolidation = await ConsolidateAsync(unitCode, period, cancellationToken);
        foreach (var (code, value) in consolidation.ByIndicator)
        {
            if (!own.ContainsKey(code) && value.Value is not null)
                own[code] = new Observation(unitCode, code, period, value.Value, value.Numerator, value.Denominator);
        }
        return own;
    }

    private async Task<Consolidation> LoadConsolidationAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var children = tree.ChildrenOf(unitCode, period.Year).Select(u => u.Code).ToList();
        var figures = await Task.WhenAll(children.Select(c => ActualsAsync(c, period, cancellationToken)));
        var pop = await _populations.GetOrAdd(period.Year, y => new(() => populations.GetYearAsync(y, cancellationToken))).Value;
        var byIndicator = new Dictionary<string, ConsolidatedValue>(StringComparer.Ordinal);
        foreach (var indicator in indicators.Values)
        {
            var byUnit = new Dictionary<string, Observation>(StringComparer.Ordinal);
            for (var i = 0; i < children.Count; i++)
                if (figures[i].TryGetValue(indicator.Code, out var o)) byUnit[children[i]] = o;
            if (byUnit.Count > 0) byIndicator[indicator.Code] = Consolidator.AcrossUnits(indicator, children, byUnit, pop);
        }
        var missing = children.Where((_, i) => figures[i].Count == 0).ToList();
        return new Consolidation(unitCode, period, children, missing, byIndicator);
    }
}

/// Opens a <see cref="FigureBook"/> for one request over the current catalog and tree.
public sealed class FigureBooks(UnitStore units, IndicatorStore indicators, CommittedValues committed, PopulationStore populations)
{
    public async Task<FigureBook> OpenAsync(CancellationToken cancellationToken = default) =>
        new(await units.GetTreeAsync(cancellationToken), await indicators.GetAllAsync(cancellationToken), committed, populations);
}
