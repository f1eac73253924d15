using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Checks;

/// <summary>
/// Checks a batch of submitted numbers before anything is written: each row on its own (signs, whole
/// counts, percentages within 0..100, agreement with its own parts), breakdowns against their totals,
/// and each value against the unit's own history. The rules are listed in docs/attainment.md.
/// </summary>
public static class SubmissionChecks
{
    /// <summary>
    /// Returns every finding, errors and warnings, in the order of the batch; an empty list means the batch is clean.
    /// </summary>
    /// <param name="batch">The submitted observations (one or more units and periods).</param>
    /// <param name="indicators">The catalogue by code.</param>
    /// <param name="history">
    /// Stored observations of the same units: earlier periods for the history rule, and the stored values of
    /// the batch's own periods, which fill in a breakdown total or part the batch does not resend.
    /// </param>
    public static IReadOnlyList<CheckFinding> Check(
        IReadOnlyList<Observation> batch,
        IReadOnlyDictionary<string, Indicator> indicators,
        IReadOnlyList<Observation> history)
    {
        var findings = new List<CheckFinding>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var observation in batch)
        {
            if (!indicators.TryGetValue(observation.IndicatorCode, out var indicator))
            {
                findings.Add(Findings.UnknownIndicator(observation));
                continue;
            }
            if (!seen.Add((observation.UnitCode, observation.IndicatorCode, observation.Period.Code)))
            {
                findings.Add(Findings.Duplicate(indicator, observation));
                continue;
            }
            findings.AddRange(RowChecks.Of(indicator, observation));
            if (HistoryCheck.Of(indicator, observation, history) is { } far) findings.Add(far);
        }
        findings.AddRange(BreakdownCheck.Of(batch, indicators, history));
        return findings;
    }

    /// <summary>
    /// The warnings a stored figure carries by itself (a value that differs from its own numerator and denominator,
    /// a rate without its parts), so an annex can say so beside the figure it prints.
    /// </summary>
    public static IReadOnlyList<CheckFinding> WarningsOf(Indicator indicator, Observation observation) =>
        [.. RowChecks.Of(indicator, observation).Where(f => f.Severity == CheckSeverity.Warning)];
}
