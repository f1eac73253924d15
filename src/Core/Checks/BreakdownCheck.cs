using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Checks;

/// <summary>
/// "Trong đó" rows: the parts of a count (indicators whose ParentCode is the total) add up to no more than
/// the total, per unit and period. Parts may cover only some of the total ("of which 1 new"), so less is fine.
/// Percentages and rates are not additive and are not checked this way.
/// </summary>
internal static class BreakdownCheck
{
    public static IEnumerable<CheckFinding> Of(
        IReadOnlyList<Observation> batch,
        IReadOnlyDictionary<string, Indicator> indicators,
        IReadOnlyList<Observation> history)
    {
        var partsOf = indicators.Values
            .Where(i => i.ParentCode is not null && i.Kind == IndicatorKind.Count)
            .GroupBy(i => i.ParentCode!)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).ToList());

        foreach (var form in batch.GroupBy(o => (o.UnitCode, o.Period)))
        {
            // The batch wins over stored values of the same form; stored values fill in rows not resent.
            decimal? ValueOf(string code) =>
                form.FirstOrDefault(o => o.IndicatorCode == code)?.Value
                ?? history.FirstOrDefault(o => o.UnitCode == form.Key.UnitCode && o.Period == form.Key.Period && o.IndicatorCode == code)?.Value;

            var touched = form.Select(o => o.IndicatorCode).ToHashSet();
            foreach (var (totalCode, parts) in partsOf)
            {
                if (!indicators.TryGetValue(totalCode, out var total) || total.Kind != IndicatorKind.Count) continue;
                if (!touched.Contains(totalCode) && !parts.Any(p => touched.Contains(p.Code))) continue;
                if (ValueOf(totalCode) is not { } totalValue) continue;
                var reported = parts.Select(p => (Part: p, Value: ValueOf(p.Code))).Where(p => p.Value is not null).ToList();
                if (reported.Count == 0) continue;
                var sum = reported.Sum(p => p.Value!.Value);
                if (sum > totalValue)
                    yield return Findings.BreakdownExceedsTotal(total, totalValue, reported.Select(p => (p.Part, p.Value!.Value)).ToList(), sum);
            }
        }
    }
}
