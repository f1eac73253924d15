using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Attainments;

/// <summary>
/// Change targets ("giảm 0,5‰", "giảm 2%", "tăng 3-5%/năm") against the baseline: the same period one year
/// earlier, or of the year the target names ("so với năm 2020"), so a "/năm" target is judged year on year
/// exactly as written. Whether "%" means points or a share of the baseline is decided by
/// <see cref="ChangeReadings"/>, and the reason says which reading was taken.
/// </summary>
internal static class ChangeRule
{
    public static Verdict Judge(Judgement j)
    {
        var t = j.Target;
        if (t.Change is not { } sign || (t.Value ?? t.Low) is not { } low) return j.MissingNumber();
        var high = t.Value is null ? t.High : null;
        var against = t.BaselineYear is { } year ? $"năm {year}" : "cùng kỳ";
        if (j.Baseline is not { } b)
            return Verdict.NotAssessed($"Chỉ tiêu “{t.Text}” là mức thay đổi so với {against}; chưa có số liệu {(t.BaselineYear is null ? "cùng kỳ năm trước" : against)} nên không đánh giá.");

        var reading = ChangeReadings.Of(t, j.Indicator, b)!;
        var relative = reading.Reading == ChangeReading.Relative;
        if (relative && b == 0)
            return Verdict.NotAssessed($"Không tính được mức thay đổi “{t.Text}” vì số liệu {against} bằng 0.");
        // An administrator's "points" stands, but a level no official would accept is not judged.
        if (!relative && reading.ChosenByAdmin && ChangeReadings.Impossible(j.Indicator, sign, b, high ?? low) is { } impossible)
            return Verdict.NotAssessed($"Chỉ tiêu “{t.Text}” được đặt đọc là {reading.Words}; từ {Figures.Vi(b)} mức đó sẽ {impossible} nên không đánh giá.");

        // "tăng 10%" on a coverage of 95%: 105 in points and 104,5 relative; neither is a level a percentage can reach.
        if (relative && sign == ChangeDirection.Increase && j.Indicator is { Kind: Indicators.IndicatorKind.Percentage, AllowsAbove100: false }
            && b * (1 + (high ?? low) / 100m) > 100)
            return Verdict.NotAssessed($"Chỉ tiêu “{t.Text}” từ {Figures.Vi(b)}% cho mức trên 100% dù đọc theo điểm hay tương đối nên không đánh giá; sửa chỉ tiêu.");

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
        var why = reading.Why is { } w ? $" ({w})" : "";
        var note = $" (đọc là {reading.Words}{why}; {against} {Figures.Vi(b)}, đã {verb} {Figures.Vi(achieved)}{unit})";
        return new(status, plan, j.Sentence(status, note));
    }
}
