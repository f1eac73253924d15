using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Consolidation;

/// <summary>
/// Forms values from other values: a parent unit from its children (sums, or summed parts divided, never
/// an average of percentages), and a period from the periods reported inside it (flows summed, stocks taken
/// at the latest).
/// </summary>
public static partial class Consolidator
{
    /// <summary>
    /// Consolidates an indicator across child units. Counts are summed; percentages and ratios divide summed
    /// numerators by summed denominators; rates divide summed numerators by summed populations (the
    /// observation's denominator when given, else <paramref name="populations"/>); levels have no value.
    /// A child that reported a percentage, ratio or rate without its parts is left out and named in
    /// <see cref="ConsolidatedValue.WithoutPartsUnits"/>, apart from those that have not reported.
    /// </summary>
    /// <param name="indicator">The indicator being consolidated.</param>
    /// <param name="childUnitCodes">The children expected to report, in display order.</param>
    /// <param name="byUnit">The children's observations by unit code; others are ignored.</param>
    /// <param name="populations">Population by unit code for the year, the fallback denominator of rates.</param>
    public static ConsolidatedValue AcrossUnits(
        Indicator indicator,
        IReadOnlyList<string> childUnitCodes,
        IReadOnlyDictionary<string, Observation> byUnit,
        IReadOnlyDictionary<string, long> populations)
    {
        var included = new List<string>();
        var missing = new List<string>();
        var withoutParts = new List<string>();
        decimal sum = 0, numerator = 0, denominator = 0;
        foreach (var unit in childUnitCodes.Distinct())
        {
            var observation = byUnit.GetValueOrDefault(unit);
            var parts = observation is null ? null : PartsOf(indicator, observation, populations.TryGetValue(unit, out var p) ? p : null);
            var usable = indicator.HasParts ? parts is not null : observation?.Value is not null;
            (usable ? included : missing).Add(unit);
            if (!usable && indicator.HasParts && observation?.Value is not null) withoutParts.Add(unit);
            if (!usable) continue;
            if (parts is (var n, var d)) { numerator += n; denominator += d; }
            else sum += observation!.Value!.Value;
        }

        if (included.Count == 0 || indicator.Kind == IndicatorKind.Level)
            return new(null, null, null, included, missing) { WithoutPartsUnits = withoutParts };
        if (!indicator.HasParts)
            return new(sum, null, null, included, missing);
        decimal? value = denominator == 0 ? null : numerator / denominator * indicator.Scale;
        return new(value, numerator, denominator, included, missing) { WithoutPartsUnits = withoutParts };
    }

    /// <summary>The numerator and denominator a child contributes, or null when it lacks them.</summary>
    static (decimal Numerator, decimal Denominator)? PartsOf(Indicator indicator, Observation observation, long? population)
    {
        if (!indicator.HasParts || observation.Numerator is not { } numerator) return null;
        var denominator = observation.Denominator ?? (indicator.Kind == IndicatorKind.Rate ? population : null);
        return denominator is { } d ? (numerator, d) : null;
    }
}
