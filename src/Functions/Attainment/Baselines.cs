using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Functions.Attainment;

/// The baseline of each indicator for a verdict: the same period last year, or for a change written
/// "so với năm 2020" the same period of that year. Each period is read once.
public static class Baselines
{
    public static async Task<IReadOnlyDictionary<string, decimal?>> ForAsync(
        Period period, IReadOnlyDictionary<string, Target> inForce, Func<Period, Task<IReadOnlyDictionary<string, decimal?>>> valuesOf)
    {
        var read = new Dictionary<Period, IReadOnlyDictionary<string, decimal?>>();
        async Task<IReadOnlyDictionary<string, decimal?>> Of(Period p) => read.TryGetValue(p, out var v) ? v : read[p] = await valuesOf(p);

        var result = new Dictionary<string, decimal?>(await Of(period.SamePeriodLastYear()), StringComparer.Ordinal);
        foreach (var t in inForce.Values.Where(t => t.Expression.BaselineYear is not null))
            result[t.IndicatorCode] = (await Of(AttainmentRules.BaselinePeriod(period, t.Expression))).GetValueOrDefault(t.IndicatorCode);
        return result;
    }
}
