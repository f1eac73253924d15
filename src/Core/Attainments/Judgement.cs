using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Attainments;

/// <summary>The status, the number % so với KH is taken against, and the Vietnamese reason.</summary>
internal sealed record Verdict(AttainmentStatus Status, decimal? Plan, string Reason)
{
    public static Verdict NotAssessed(string reason) => new(AttainmentStatus.NotAssessed, null, reason);
}

/// <summary>One evaluation's inputs, with the precision and pro-rata rules every form shares.</summary>
internal sealed record Judgement(Indicator Indicator, Period Period, TargetExpression Target, decimal Actual, decimal? Baseline)
{
    /// <summary>
    /// The actual rounded to the decimals the target is written with (at least one), so that 26/31 = 83,870…
    /// is judged as the 83,9 the report prints, not as a miss of a 83,9 target.
    /// </summary>
    public decimal AtPrecisionOf(params decimal[] written) => Round(Actual, written);

    public static decimal Round(decimal value, params decimal[] written) =>
        Math.Round(value, Math.Max(1, written.Max(Figures.Decimals)), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Yearly targets of flow counts (260.000 lượt khám) are judged pro rata for sub-year periods:
    /// 6 months against 6/12 of the year. Stocks, percentages and rates compare directly.
    /// </summary>
    public decimal ProRata(decimal yearly) => ProRataMonths is { } months ? yearly * months / 12m : yearly;

    int? ProRataMonths =>
        Indicator is { Kind: IndicatorKind.Count, Time: TimeBehaviour.Flow }
        && Period.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.FirstHalf or PeriodKind.NineMonths
            ? Period.LastMonth - Period.FirstMonth + 1
            : null;

    public string ProRataNote(decimal yearly, decimal share) =>
        ProRataMonths is { } months ? $" (tính theo {months}/12 tháng của {Figures.Vi(yearly)}: {Figures.Vi(Math.Round(share, 2))})" : "";

    public string Sentence(AttainmentStatus status, string note = "") =>
        $"Thực hiện {Figures.Vi(Actual)}{UnitSuffix} so với chỉ tiêu “{Target.Text}”{note}: {Labels.Of(status).ToLowerInvariant()}.";

    public Verdict MissingNumber() =>
        Verdict.NotAssessed($"Chỉ tiêu “{Target.Text}” thiếu con số để so sánh nên không đánh giá.");

    string UnitSuffix => Indicator.Unit is "%" or "‰" ? Indicator.Unit : $" {Indicator.Unit}";
}
