using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Targets;

/// <summary>
/// How a change target's amount is taken, in words, and whether the wording left it open.
/// </summary>
/// <param name="Reading">Points (the indicator's own unit) or relative (% of the baseline).</param>
/// <param name="Ambiguous">True when the plan's wording allows both ("giảm 2%" on a percentage or rate).</param>
/// <param name="ChosenByAdmin">True when an administrator fixed the reading for this target.</param>
/// <param name="Words">The reading in Vietnamese: "giảm 10% tương đối so với cùng kỳ", "giảm 2 điểm %".</param>
/// <param name="Why">Why the rule took this reading when the wording was open (null otherwise).</param>
public sealed record ChangeInterpretation(ChangeReading Reading, bool Ambiguous, bool ChosenByAdmin, string Words, string? Why);

/// <summary>
/// The rule for change targets (docs/attainment.md, "Change targets"): "giảm/tăng N%" on a percentage,
/// rate or ratio is N points unless points would give an impossible level (below 0, above 100 for a
/// percentage that cannot exceed it, or a change larger than the baseline), then N % of the baseline;
/// "N%" on a count is always relative; a number without "%" is in the indicator's own unit. An
/// administrator's choice (<see cref="TargetExpression.Reading"/>) replaces the rule where the wording is open.
/// </summary>
public static class ChangeReadings
{
    /// <summary>True when the wording of <paramref name="target"/> allows both readings for <paramref name="indicator"/>.</summary>
    public static bool IsOpen(TargetExpression target, Indicator indicator) =>
        target is { Form: TargetForm.Change, Symbol: "%" } && indicator.Kind != IndicatorKind.Count;

    /// <summary>
    /// The reading of a change target; with <paramref name="baseline"/> the impossible-level test is applied,
    /// without it (a read-out before any result) the reading the rule gives when points are possible.
    /// Null for targets that are not changes.
    /// </summary>
    public static ChangeInterpretation? Of(TargetExpression target, Indicator indicator, decimal? baseline = null)
    {
        if (target.Form != TargetForm.Change || target.Change is not { } sign || (target.Value ?? target.High) is not { } largest) return null;
        var open = IsOpen(target, indicator);
        ChangeReading reading;
        string? why = null;
        if (!open)
            reading = target.Symbol == "%" ? ChangeReading.Relative : ChangeReading.Points;
        else if (target.Reading is { } chosen)
            reading = chosen;
        else if (baseline is { } b && Impossible(indicator, sign, b, largest) is { } impossible)
        {
            reading = ChangeReading.Relative;
            why = $"{Amount(target, sign)} điểm % từ {Figures.Vi(b)} sẽ {impossible}, nên đọc là mức thay đổi tương đối";
        }
        else
        {
            reading = ChangeReading.Points;
            why = baseline is null
                ? "“N%” trên một tỷ lệ được đọc là điểm %, trừ khi mức theo điểm không thể có (dưới 0, trên 100, thay đổi lớn hơn cùng kỳ) thì đọc là tương đối"
                : null;
        }
        return new(reading, open, open && target.Reading is not null, Words(target, indicator, sign, reading), why);
    }

    /// <summary>What would be impossible about a change of <paramref name="amount"/> points from <paramref name="baseline"/>, or null.</summary>
    public static string? Impossible(Indicator indicator, ChangeDirection sign, decimal baseline, decimal amount)
    {
        if (baseline == 0) return null; // no relative reading exists against zero
        if (sign == ChangeDirection.Decrease && baseline - amount < 0) return "dưới 0";
        if (sign == ChangeDirection.Increase && indicator is { Kind: IndicatorKind.Percentage, AllowsAbove100: false } && baseline + amount > 100) return "trên 100%";
        if (amount > baseline) return "thay đổi lớn hơn chính mức cùng kỳ";
        return null;
    }

    static string Words(TargetExpression t, Indicator indicator, ChangeDirection sign, ChangeReading reading)
    {
        var amount = Amount(t, sign);
        var against = t.BaselineYear is { } year ? $"so với năm {year}" : "so với cùng kỳ";
        var perYear = t.PerYear ? " mỗi năm" : "";
        if (reading == ChangeReading.Relative) return $"{amount}% tương đối {against}{perYear}";
        var unit = t.Symbol switch
        {
            "%" => " điểm %",
            "‰" => " điểm ‰",
            _ => indicator.Unit is "%" ? " điểm %" : indicator.Unit is "‰" ? " điểm ‰" : $" {indicator.Unit}",
        };
        return $"{amount}{unit} {against}{perYear}";
    }

    static string Amount(TargetExpression t, ChangeDirection sign)
    {
        var verb = sign == ChangeDirection.Decrease ? "giảm" : "tăng";
        var number = t.Value is { } v ? Figures.Vi(v) : $"{Figures.Vi(t.Low!.Value)}-{Figures.Vi(t.High!.Value)}";
        return $"{verb} {number}";
    }
}
