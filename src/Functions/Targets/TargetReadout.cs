using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Functions.Targets;

/// A target as stored and as read: the original text, the form and numbers, and for a change the direction
/// and the reading in words ("giảm 10% tương đối so với cùng kỳ" / "giảm 2 điểm %"), whether the wording
/// allowed both readings, and whether an administrator fixed it. A text-only target says why in Reason.
public sealed record TargetItem(string IndicatorCode, int Year, string Text, TargetForm Form, decimal? Value, decimal? Low, decimal? High,
    string? PlanPeriod, string? Reason,
    string? Symbol = null, string? Subject = null, ChangeDirection? Direction = null, bool PerYear = false, int? BaselineYear = null,
    ChangeReading? Reading = null, string? ReadingText = null, bool Ambiguous = false, bool ReadingChosenByAdmin = false, string? ReadingNote = null);

/// One target of a PUT. Reading: "points" or "relative" fixes how "N%" is taken on a change whose wording allows
/// both; "rule" returns it to the stated rule; omitted keeps an earlier choice while the text is unchanged.
public sealed record TargetInput(string? IndicatorCode, string? Text, string? PlanPeriod, string? Reading = null);

public sealed record TargetsRequest(IReadOnlyList<TargetInput>? Targets);

internal static class TargetReadout
{
    public static TargetItem ToItem(Target t, Indicator? indicator)
    {
        var e = t.Expression;
        var change = indicator is null ? null : ChangeReadings.Of(e, indicator);
        return new(t.IndicatorCode, t.Year, e.Text, e.Form, e.Value, e.Low, e.High, t.PlanPeriod, e.Reason,
            e.Symbol, e.Subject, e.Change, e.PerYear, e.BaselineYear,
            change?.Reading, change?.Words, change?.Ambiguous ?? false, change?.ChosenByAdmin ?? false, change?.Why);
    }

    /// What the audit records for a target: its text, and the reading when an administrator fixed one.
    public static string Audited(Target t) => t.Expression.Reading is { } r
        ? $"{t.Expression.Text} (đọc: {(r == ChangeReading.Points ? "điểm" : "tương đối")})"
        : t.Expression.Text;

    /// Reads the "reading" member; false with nothing set when it is not one of the accepted words.
    public static bool TryReading(string? written, out ChangeReading? reading, out bool toRule)
    {
        (reading, toRule) = (null, false);
        switch (written?.Trim().ToLowerInvariant())
        {
            case null or "": return true;
            case "points": reading = ChangeReading.Points; return true;
            case "relative": reading = ChangeReading.Relative; return true;
            case "rule": toRule = true; return true;
            default: return false;
        }
    }
}
