namespace HealthFuncs.Core.Attainments;

/// <summary>The verdict on an actual against its target (đánh giá).</summary>
public enum AttainmentStatus
{
    /// <summary>Vượt: better than a point or ≥/≤ target, or a change achieved by more than required.</summary>
    Exceeded,
    /// <summary>Đạt: meets it exactly; any met strict or band target.</summary>
    Met,
    /// <summary>Không đạt.</summary>
    NotMet,
    /// <summary>Chưa có số liệu: no actual.</summary>
    NoData,
    /// <summary>Không đánh giá: no target that can be computed, or a change target with no baseline.</summary>
    NotAssessed,
}

/// <summary>
/// The attainment of one indicator for one unit and period.
/// </summary>
/// <param name="Status">The verdict.</param>
/// <param name="PercentOfPlan">% so với kế hoạch: actual / target × 100, when the target has one number.</param>
/// <param name="ChangeFromBaseline">So với cùng kỳ: percentage points for rates and percentages, % for counts.</param>
/// <param name="ChangeIsPoints">True when <paramref name="ChangeFromBaseline"/> is in points rather than %.</param>
/// <param name="Reason">A short Vietnamese explanation of the verdict, shown to users.</param>
public sealed record Attainment(
    AttainmentStatus Status,
    decimal? PercentOfPlan,
    decimal? ChangeFromBaseline,
    bool ChangeIsPoints,
    string Reason)
{
    /// <summary>The Vietnamese label the annexes print.</summary>
    public string Label => Labels.Of(Status);
}

/// <summary>Vietnamese labels of <see cref="AttainmentStatus"/>.</summary>
public static class Labels
{
    /// <summary>"Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Không đánh giá".</summary>
    public static string Of(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Exceeded => "Vượt",
        AttainmentStatus.Met => "Đạt",
        AttainmentStatus.NotMet => "Không đạt",
        AttainmentStatus.NoData => "Chưa có số liệu",
        _ => "Không đánh giá",
    };
}
