using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Attainments;

/// <summary>
/// Change targets ("giảm 0,5‰", "giảm 2%", "tăng 3-5%/năm") against the baseline, which is always the same
/// period one year earlier, so a "/năm" target is judged year on year exactly as written.
/// </summary>
internal static class ChangeRule
{
    public static Verdict Judge(Judgement j)
    {
        var t = j.Target;
        if (t.Change is not { } sign || (t.Value ?? t.Low) is not { } low) return j.MissingNumber();
        var high = t.Value is null ? t.High : null;
        if (j.Baseline is not { } b)
            return Verdict.NotAssessed($"Chỉ tiêu “{t.Text}” là mức thay đổi so với cùng kỳ; chưa có số liệu cùng kỳ năm trước nên không đánh giá.");

        // For a count, "%" means % of the baseline; for percentages, rates and ratios the number is in the
        // indicator's own unit (percentage points, ‰ points); a count without "%" changes by that many units.
        var relative = j.Indicator.Kind == IndicatorKind.Count && t.Symbol == "%";
        if (relative && b == 0)
            return Verdict.NotAssessed($"Không tính được mức thay đổi “{t.Text}” vì cùng kỳ năm trước bằng 0.");

        var delta = sign == ChangeDirection.Decrease ? b - j.Actual : j.Actual - b;
        var achieved = Judgement.Round(relative ? delta / b * 100m : delta, high is { } h ? [low, h] : [low]);
        var status = achieved < low ? AttainmentStatus.NotMet
            : achieved > (high ?? low) ? AttainmentStatus.Exceeded
            : AttainmentStatus.Met;

        // % so với KH is taken against the value the required change (its lower end) leads to.
        var step = relative ? b * low / 100m : low;
        var plan = sign == ChangeDirection.Decrease ? b - step : b + step;
        var verb = sign == ChangeDirection.Decrease ? "giảm" : "tăng";
        var unit = relative ? "%" : j.Indicator.Unit == "%" ? " điểm %" : j.Indicator.Unit is "‰" ? "‰" : $" {j.Indicator.Unit}";
        var note = $" (cùng kỳ {Figures.Vi(b)}, đã {verb} {Figures.Vi(achieved)}{unit})";
        return new(status, plan, j.Sentence(status, note));
    }
}
