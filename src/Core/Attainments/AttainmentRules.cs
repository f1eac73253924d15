using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Attainments;

/// <summary>
/// Judges an actual against its target (đánh giá). The rules, with an example and the test that pins
/// each, are written down in docs/attainment.md; this class is their only implementation.
/// </summary>
public static class AttainmentRules
{
    /// <summary>
    /// Evaluates one indicator for one unit and period.
    /// </summary>
    /// <param name="indicator">The indicator; its kind and direction decide what "better" means.</param>
    /// <param name="period">The reported period; sub-year periods of flow counts are judged pro rata.</param>
    /// <param name="target">The year's target as read from the plan, or null when none was set.</param>
    /// <param name="actual">The actual (thực hiện), or null when not reported.</param>
    /// <param name="baseline">The same period a year earlier (cùng kỳ năm trước), or null.</param>
    public static Attainment Evaluate(Indicator indicator, Period period, TargetExpression? target, decimal? actual, decimal? baseline)
    {
        var changeIsPoints = indicator.Kind != IndicatorKind.Count;
        var change = ChangeFromBaseline(indicator, actual, baseline);
        if (actual is not { } value)
            return new(AttainmentStatus.NoData, null, null, changeIsPoints, "Chưa có số liệu thực hiện.");
        if (target is null)
            return new(AttainmentStatus.NotAssessed, null, change, changeIsPoints, "Chưa có chỉ tiêu kế hoạch nên không đánh giá.");

        var verdict = Judge(new Judgement(indicator, period, target, value, baseline));
        // Taken from the actual as the report prints it (at the target's precision), so 83,870… of 83,9 is 100%.
        decimal? percentOfPlan = verdict.Plan is { } plan && plan != 0
            ? Math.Round(Judgement.Round(value, plan) / plan * 100m, 2, MidpointRounding.AwayFromZero)
            : null;
        return new(verdict.Status, percentOfPlan, change, changeIsPoints, verdict.Reason);
    }

    /// <summary>
    /// The period whose actual is the baseline: the same period a year earlier, or of the year a change target
    /// names ("giảm 5% so với năm 2020").
    /// </summary>
    public static Period BaselinePeriod(Period period, TargetExpression? target) =>
        target?.BaselineYear is { } year ? period with { Year = year, EndYear = period.EndYear - period.Year + year } : period.SamePeriodLastYear();

    /// <summary>
    /// So với cùng kỳ: points (actual − baseline) for percentages, rates, ratios and levels; for counts the
    /// change in % of the baseline. Rounded to 2 decimals; null without a baseline or against a zero count.
    /// </summary>
    public static decimal? ChangeFromBaseline(Indicator indicator, decimal? actual, decimal? baseline)
    {
        if (actual is not { } a || baseline is not { } b) return null;
        if (indicator.Kind != IndicatorKind.Count) return Math.Round(a - b, 2, MidpointRounding.AwayFromZero);
        return b == 0 ? null : Math.Round((a - b) / b * 100m, 2, MidpointRounding.AwayFromZero);
    }

    static Verdict Judge(Judgement j) => j.Target.Form switch
    {
        TargetForm.TextOnly => Verdict.NotAssessed($"Chỉ tiêu “{j.Target.Text}” không tính được thành số ({j.Target.Reason ?? "không rõ dạng"}) nên không đánh giá."),
        TargetForm.Point => OneNumber(j, (a, t) => ByDirection(j.Indicator.Direction, a, t, betterIsExceeded: true)),
        TargetForm.AtLeast => OneNumber(j, (a, t) => a > t ? AttainmentStatus.Exceeded : a == t ? AttainmentStatus.Met : AttainmentStatus.NotMet),
        TargetForm.AtMost => OneNumber(j, (a, t) => a < t ? AttainmentStatus.Exceeded : a == t ? AttainmentStatus.Met : AttainmentStatus.NotMet),
        TargetForm.Above => OneNumber(j, (a, t) => a > t ? AttainmentStatus.Met : AttainmentStatus.NotMet),
        TargetForm.Below => OneNumber(j, (a, t) => a < t ? AttainmentStatus.Met : AttainmentStatus.NotMet),
        TargetForm.Level => OneNumber(j, (a, t) => a > t ? AttainmentStatus.Exceeded : a == t ? AttainmentStatus.Met : AttainmentStatus.NotMet),
        TargetForm.Band => InBand(j),
        TargetForm.Maintain => Maintained(j),
        TargetForm.Change => ChangeRule.Judge(j),
        _ => Verdict.NotAssessed($"Dạng chỉ tiêu “{j.Target.Text}” chưa có quy tắc đánh giá."),
    };

    static Verdict OneNumber(Judgement j, Func<decimal, decimal, AttainmentStatus> rule)
    {
        if (j.Target.Value is not { } written) return j.MissingNumber();
        var required = j.ProRata(written);
        var status = rule(j.AtPrecisionOf(written), required);
        return new(status, written, j.Sentence(status, j.ProRataNote(written, required)));
    }

    static Verdict InBand(Judgement j)
    {
        if (j.Target.Low is not { } low || j.Target.High is not { } high) return j.MissingNumber();
        var (lo, hi) = (j.ProRata(low), j.ProRata(high));
        var a = j.AtPrecisionOf(low, high);
        var direction = j.Indicator.Direction;
        var status = a >= lo && a <= hi ? AttainmentStatus.Met
            : a > hi && direction == Direction.HigherIsBetter ? AttainmentStatus.Exceeded
            : a < lo && direction == Direction.LowerIsBetter ? AttainmentStatus.Exceeded
            : AttainmentStatus.NotMet;
        // A band has no single planned number, so % so với KH stays empty.
        return new(status, null, j.Sentence(status, j.ProRataNote(high, hi)));
    }

    static Verdict Maintained(Judgement j)
    {
        // "Duy trì 100%" keeps a written level; a bare "Duy trì" keeps the level of the same period last year.
        var reference = j.Target.Value is { } written ? j.ProRata(written) : j.Baseline;
        if (reference is not { } r)
            return Verdict.NotAssessed($"Chỉ tiêu “{j.Target.Text}” cần số liệu cùng kỳ năm trước; chưa có nên không đánh giá.");
        var a = j.AtPrecisionOf(j.Target.Value ?? r);
        var status = ByDirection(j.Indicator.Direction, a, r, betterIsExceeded: false);
        var note = j.Target.Value is { } v ? j.ProRataNote(v, r) : $" (cùng kỳ {Figures.Vi(r)})";
        return new(status, j.Target.Value ?? r, j.Sentence(status, note));
    }

    /// <summary>Point-like comparison by the indicator's direction; a band indicator must hit the number.</summary>
    internal static AttainmentStatus ByDirection(Direction direction, decimal actual, decimal target, bool betterIsExceeded)
    {
        if (actual == target) return AttainmentStatus.Met;
        var better = direction switch
        {
            Direction.HigherIsBetter => actual > target,
            Direction.LowerIsBetter => actual < target,
            _ => false,
        };
        return !better ? AttainmentStatus.NotMet : betterIsExceeded ? AttainmentStatus.Exceeded : AttainmentStatus.Met;
    }
}
