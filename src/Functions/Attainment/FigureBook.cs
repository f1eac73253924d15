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
/// <see cref="Derivations"/>: per indicator, which periods the children's figures were formed from, which
/// months they lack, and which children's figures are partial.
public sealed record Consolidation(
    string UnitCode,
    Period Period,
    IReadOnlyList<string> Children,
    IReadOnlyList<string> MissingUnits,
    IReadOnlyDictionary<string, ConsolidatedValue> ByIndicator,
    IReadOnlyDictionary<string, Derivation> Derivations);

/// Where the children's figures of one indicator came from: period codes, in order, without repeats.
public sealed record Derivation(IReadOnlyList<Period> DerivedFrom, IReadOnlyList<Period> MissingPeriods, IReadOnlyList<string> PartialUnits);

/// The figures of units for periods, read once per request. A unit's actual for an indicator is the figure it
/// submitted for the period, else the one formed from what it submitted inside the period (months summed for
/// flows, the latest for stocks: Core's Consolidator.OverTime); for an indicator it has neither, a unit with
/// children gets its children's consolidated value, each child's figure formed the same way (recursively,
/// under the parents of the period's year). Each unit's year and the year before it cost together one query of its forms
/// and one of its values partitions, however many periods are asked of them: a consolidation reads the subtree's
/// partitions, never the table.
public sealed class FigureBook(OrgTree tree, IReadOnlyDictionary<string, Indicator> indicators, CommittedValues committed, PopulationStore populations)
{
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<ILookup<string, Observation>>>> _years = new();
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<ILookup<int, Observation>>>> _pairs = new();
    private readonly ConcurrentDictionary<(string, string), FormState> _forms = new();
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<IReadOnlyDictionary<string, PeriodValue>>>> _own = new();
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<IReadOnlyDictionary<string, PeriodValue>>>> _actuals = new();
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<Consolidation>>> _consolidations = new();
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyDictionary<string, long>>>> _populations = new();
    private readonly SemaphoreSlim _reads = new(8);

    public OrgTree Tree => tree;

    public IReadOnlyDictionary<string, Indicator> Indicators => indicators;

    /// The unit's figures for the period by indicator; each has an observation, and says what it was formed from.
    public Task<IReadOnlyDictionary<string, PeriodValue>> ActualsAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        _actuals.GetOrAdd((unitCode, period.Code), _ => new(() => LoadActualsAsync(unitCode, period, cancellationToken))).Value;

    /// The unit's own figures for the period: reported for it, or formed from what the unit reported inside it;
    /// never its children's. The annexes print these, as the unit's own report.
    public Task<IReadOnlyDictionary<string, PeriodValue>> OwnAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        _own.GetOrAdd((unitCode, period.Code), _ => new(() => LoadOwnAsync(unitCode, period, cancellationToken))).Value;

    public Task<Consolidation> ConsolidateAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        _consolidations.GetOrAdd((unitCode, period.Code), _ => new(() => LoadConsolidationAsync(unitCode, period, cancellationToken))).Value;

    /// The population of every unit in a year, read once per book.
    public Task<IReadOnlyDictionary<string, long>> PopulationsAsync(int year, CancellationToken cancellationToken = default) =>
        _populations.GetOrAdd(year, y => new(() => populations.GetYearAsync(y, cancellationToken))).Value;

    // A unit's year is read together with the year before it: every report judges a period against the same period
    // last year, and the two years cost one query of forms and one of values, as one year alone does. The pair is
    // shared through _pairs, so units asked for at once never read a year twice.
    private Task<ILookup<string, Observation>> YearAsync(string unitCode, int year, CancellationToken cancellationToken)
    {
        if (_years.TryGetValue((unitCode, year), out var known)) return known.Value;
        var pair = _pairs.GetOrAdd((unitCode, year), _ => new(() => ReadYearsAsync(unitCode, year - 1, year, cancellationToken)));
        _years.TryAdd((unitCode, year - 1), new(async () => ByIndicator((await pair.Value)[year - 1])));
        return _years.GetOrAdd((unitCode, year), _ => new(async () => ByIndicator((await pair.Value)[year]))).Value;
    }

    private async Task<ILookup<int, Observation>> ReadYearsAsync(string unitCode, int first, int last, CancellationToken cancellationToken)
    {
        // Bounded where storage is read, never around the recursion above it: a province's children (and theirs)
        // are asked for at once, but no more than a few of their years are read at a time.
        await _reads.WaitAsync(cancellationToken);
        try
        {
            var read = await committed.ReadYearsAsync(unitCode, first, last, cancellationToken);
            foreach (var form in read.Forms) _forms.TryAdd((unitCode, form.PeriodCode), form);
            return read.Values.ToLookup(o => o.Period.Year);
        }
        finally { _reads.Release(); }
    }

    /// The unit's form for a period of a year (not a plan period) as read with its figures, the workflow state in its
    /// entity included; null when it was never stored. No storage call of its own once the unit's year is read.
    public async Task<FormState?> FormAsync(string unitCode, Period period, CancellationToken cancellationToken = default)
    {
        if (period.Kind == PeriodKind.PlanPeriod) throw new ArgumentException("Plan periods are not read by year.", nameof(period));
        await YearAsync(unitCode, period.Year, cancellationToken);
        return _forms.GetValueOrDefault((unitCode, period.Code));
    }

    private static ILookup<string, Observation> ByIndicator(IEnumerable<Observation> year) => year.ToLookup(o => o.IndicatorCode, StringComparer.Ordinal);

    private async Task<IReadOnlyDictionary<string, PeriodValue>> LoadOwnAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var own = new Dictionary<string, PeriodValue>(StringComparer.Ordinal);
        if (period.Kind == PeriodKind.PlanPeriod)
        {
            // Plan periods are not reported in months; their form, if any, is read as it stands.
            foreach (var o in await committed.ReadAsync(unitCode, period, cancellationToken)) own[o.IndicatorCode] = new(o, []);
            return own;
        }
        foreach (var figures in await YearAsync(unitCode, period.Year, cancellationToken))
        {
            if (!indicators.TryGetValue(figures.Key, out var indicator)) continue;
            var value = Consolidator.OverTimeWithGaps(indicator, period, figures);
            if (value.Observation is not null) own[figures.Key] = value;
        }
        return own;
    }

    private async Task<IReadOnlyDictionary<string, PeriodValue>> LoadActualsAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var own = new Dictionary<string, PeriodValue>(await OwnAsync(unitCode, period, cancellationToken), StringComparer.Ordinal);
        if (tree.ChildrenOf(unitCode, period.Year).Count == 0) return own;
        var consolidation = await ConsolidateAsync(unitCode, period, cancellationToken);
        foreach (var (code, value) in consolidation.ByIndicator)
        {
            if (own.ContainsKey(code) || value.Value is null) continue;
            var derivation = consolidation.Derivations[code];
            own[code] = new PeriodValue(new Observation(unitCode, code, period, value.Value, value.Numerator, value.Denominator), derivation.MissingPeriods)
            { DerivedFrom = derivation.DerivedFrom };
        }
        return own;
    }

    private async Task<Consolidation> LoadConsolidationAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var children = tree.ChildrenOf(unitCode, period.Year).Select(u => u.Code).ToList();
        var figures = await Task.WhenAll(children.Select(c => ActualsAsync(c, period, cancellationToken)));
        var pop = await PopulationsAsync(period.Year, cancellationToken);
        var byIndicator = new Dictionary<string, ConsolidatedValue>(StringComparer.Ordinal);
        var derivations = new Dictionary<string, Derivation>(StringComparer.Ordinal);
        foreach (var indicator in indicators.Values)
        {
            var byUnit = new Dictionary<string, Observation>(StringComparer.Ordinal);
            var used = new List<PeriodValue>();
            var partial = new List<string>();
            for (var i = 0; i < children.Count; i++)
            {
                if (!figures[i].TryGetValue(indicator.Code, out var v)) continue;
                byUnit[children[i]] = v.Observation!;
                used.Add(v);
                if (!v.IsComplete) partial.Add(children[i]);
            }
            if (byUnit.Count == 0) continue;
            byIndicator[indicator.Code] = Consolidator.AcrossUnits(indicator, children, byUnit, pop);
            derivations[indicator.Code] = new Derivation(Union(used.SelectMany(v => v.DerivedFrom)), Union(used.SelectMany(v => v.MissingMonths)), partial);
        }
        var missing = children.Where((_, i) => figures[i].Count == 0).ToList();
        return new Consolidation(unitCode, period, children, missing, byIndicator, derivations);
    }

    private static List<Period> Union(IEnumerable<Period> periods) =>
        periods.Distinct().OrderBy(p => p.FirstMonth).ThenBy(p => p.LastMonth).ToList();
}

/// Opens a <see cref="FigureBook"/> for one request over the current catalog and tree.
public sealed class FigureBooks(UnitStore units, IndicatorStore indicators, CommittedValues committed, PopulationStore populations)
{
    public async Task<FigureBook> OpenAsync(CancellationToken cancellationToken = default) =>
        new(await units.GetTreeAsync(cancellationToken), await indicators.GetAllAsync(cancellationToken), committed, populations);
}
