namespace HealthFuncs.Core.Indicators;

/// <summary>How an indicator's value is formed, and so how a parent unit's value is formed from its children.</summary>
public enum IndicatorKind
{
    /// <summary>A count (giường, lượt, người, xã): a parent's value is the sum of its children.</summary>
    Count,
    /// <summary>Numerator / denominator × 100: a parent sums numerators and denominators, then divides.</summary>
    Percentage,
    /// <summary>Numerator per <see cref="Indicator.RatePer"/> people (10.000 dân, ‰ with 1.000): a parent sums numerators and populations.</summary>
    Rate,
    /// <summary>Numerator / denominator × <see cref="Indicator.RatePer"/> (bé trai / 100 bé gái): formed from summed parts.</summary>
    Ratio,
    /// <summary>An ordinal level (mức 3): never summed, shown per unit.</summary>
    Level,
}

/// <summary>Which way is better for an indicator.</summary>
public enum Direction
{
    /// <summary>More is better (coverage, beds, visits).</summary>
    HigherIsBetter,
    /// <summary>Less is better (malnutrition, out-of-pocket spending).</summary>
    LowerIsBetter,
    /// <summary>Inside a band is best (a growth rate to keep between two values).</summary>
    Band,
}

/// <summary>How an indicator behaves over time within a year.</summary>
public enum TimeBehaviour
{
    /// <summary>Accumulates (visits, births): a quarter is the sum of its months; 6 and 9 months are cumulative from January.</summary>
    Flow,
    /// <summary>A level at a moment (beds, doctors): a period's value is the latest one in it.</summary>
    Stock,
}

/// <summary>
/// An indicator (chỉ tiêu) of a plan or report. <see cref="ParentCode"/> makes it a breakdown row
/// ("Trong đó: ...") of another indicator, whose parts must not exceed the parent's value.
/// </summary>
/// <param name="Code">Stable code; the key used in forms, the API and storage.</param>
/// <param name="Name">Vietnamese name exactly as the plans write it.</param>
/// <param name="Unit">Unit of measure (Đơn vị tính) as written: "%", "giường", "lượt", "‰".</param>
/// <param name="Kind">How values are formed and consolidated.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Time">Flow or stock.</param>
/// <param name="Group">The annex group's Roman numeral ("I", "II").</param>
/// <param name="GroupName">The annex group's title ("Khám chữa bệnh").</param>
/// <param name="Order">Position inside the group; breakdown rows follow their parent.</param>
/// <param name="ParentCode">The indicator this one is a breakdown part of, if any.</param>
/// <param name="RatePer">For <see cref="IndicatorKind.Rate"/> and <see cref="IndicatorKind.Ratio"/>: the N of "per N" (10000, 1000, 100000, 100).</param>
/// <param name="AllowsAbove100">For percentages: whether a value above 100 is possible (bed occupancy can be).</param>
/// <param name="Minimum">The smallest value an administrator allows, narrower than the kind's own range (never below 0); null: 0.</param>
/// <param name="Maximum">The largest value an administrator allows (a percentage never above 100 unless <paramref name="AllowsAbove100"/>); null: the kind's own.</param>
public sealed record Indicator(
    string Code,
    string Name,
    string Unit,
    IndicatorKind Kind,
    Direction Direction,
    TimeBehaviour Time,
    string Group,
    string GroupName,
    int Order,
    string? ParentCode = null,
    int? RatePer = null,
    bool AllowsAbove100 = false,
    decimal? Minimum = null,
    decimal? Maximum = null)
{
    /// <summary>The lowest value the kind allows, before an administrator narrows it: no figure is negative.</summary>
    public const decimal KindMinimum = 0m;

    /// <summary>The highest value the kind allows: 100 for a percentage that cannot exceed it, none otherwise.</summary>
    public decimal? KindMaximum => KindMaximumOf(Kind, AllowsAbove100);

    /// <summary>The highest value an indicator of <paramref name="kind"/> allows before an administrator narrows it.</summary>
    public static decimal? KindMaximumOf(IndicatorKind kind, bool allowsAbove100) => kind == IndicatorKind.Percentage && !allowsAbove100 ? 100m : null;

    /// <summary>True when an administrator narrowed the range and <paramref name="value"/> falls outside it.</summary>
    public bool IsOutsideSetRange(decimal value) => value < Minimum || value > Maximum;

    /// <summary>True when the value is formed from a numerator and a denominator (or a population).</summary>
    public bool HasParts => Kind is IndicatorKind.Percentage or IndicatorKind.Rate or IndicatorKind.Ratio;

    /// <summary>The multiplier applied to numerator / denominator: 100 for percentages, N for rates and ratios, 1 otherwise.</summary>
    public decimal Scale => Kind switch
    {
        IndicatorKind.Percentage => 100m,
        IndicatorKind.Rate or IndicatorKind.Ratio => RatePer ?? throw new InvalidOperationException($"Indicator {Code} is a {Kind} without RatePer."),
        _ => 1m,
    };
}
