using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Checks;

/// <summary>
/// A value far from the unit's own history is a warning, never a rejection: more than 3 times, or less
/// than a third of, the median of the same indicator in earlier periods of the same kind (months with
/// months, 6-month reports with 6-month reports). A median resists one odd past value, and "3 times" is a
/// rule a user can check by eye. Needs at least 3 past values and a median above zero.
/// </summary>
internal static class HistoryCheck
{
    const int MinimumHistory = 3;
    const decimal Factor = 3m;

    public static CheckFinding? Of(Indicator indicator, Observation observation, IReadOnlyList<Observation> history)
    {
        if (indicator.Kind == IndicatorKind.Level || observation.Value is not { } value) return null;
        var past = history
            .Where(h => h.UnitCode == observation.UnitCode && h.IndicatorCode == observation.IndicatorCode
                        && h.Period.Kind == observation.Period.Kind && h.Period != observation.Period && h.Value is not null)
            .Select(h => h.Value!.Value)
            .Order()
            .ToList();
        if (past.Count < MinimumHistory) return null;
        var median = past.Count % 2 == 1 ? past[past.Count / 2] : (past[past.Count / 2 - 1] + past[past.Count / 2]) / 2;
        if (median <= 0 || (value <= median * Factor && value >= median / Factor)) return null;
        return Findings.FarFromHistory(indicator, value, median, past.Count);
    }
}
