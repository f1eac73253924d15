namespace HealthFuncs.Core.Targets;

/// <summary>The forms a written target takes (DOMAIN.md, "Targets as the plans write them").</summary>
public enum TargetForm
{
    /// <summary>"100", "420", "260.000": the planned value.</summary>
    Point,
    /// <summary>"≥95", "tối thiểu 90%": at least.</summary>
    AtLeast,
    /// <summary>">90", "đạt trên 96,1%": strictly above.</summary>
    Above,
    /// <summary>"≤14,7", "tối đa": at most.</summary>
    AtMost,
    /// <summary>"&lt;8,5", "dưới 35%", "giảm xuống dưới 13%": strictly below.</summary>
    Below,
    /// <summary>"70 – 80", "3-5%": inside a band.</summary>
    Band,
    /// <summary>"Duy trì" (keep at least the baseline) or "Duy trì 100%" (keep at the value).</summary>
    Maintain,
    /// <summary>"giảm 0,2‰", "giảm 2%", "tăng 3-5%/năm": a change against the baseline.</summary>
    Change,
    /// <summary>"mức 3", "đạt mức 4": an ordinal level, at least.</summary>
    Level,
    /// <summary>Text that cannot be read as any of the above; <see cref="TargetExpression.Reason"/> says why.</summary>
    TextOnly,
}

/// <summary>The sign of a <see cref="TargetForm.Change"/> target.</summary>
public enum ChangeDirection
{
    /// <summary>tăng.</summary>
    Increase,
    /// <summary>giảm.</summary>
    Decrease,
}

/// <summary>How the amount of a <see cref="TargetForm.Change"/> written with "%" is taken (docs/attainment.md, "Change targets").</summary>
public enum ChangeReading
{
    /// <summary>In the indicator's own unit: "giảm 2%" on a percentage is 2 percentage points.</summary>
    Points,
    /// <summary>As a share of the baseline: "giảm 10%" from 8% leads to 7,2%.</summary>
    Relative,
}

/// <summary>
/// A target as written in a plan, read into a form. <see cref="Text"/> is always the original text, kept for display.
/// </summary>
/// <param name="Text">The original text, exactly as written.</param>
/// <param name="Form">What the text means.</param>
/// <param name="Value">The number of a one-number form (Point, AtLeast, Above, AtMost, Below, Level, a Maintain value, a one-number Change).</param>
/// <param name="Low">The lower end of a Band, or of a Change range ("3-5%").</param>
/// <param name="High">The upper end of a Band or of a Change range.</param>
/// <param name="Change">For Change targets: increase or decrease.</param>
/// <param name="Symbol">The unit symbol written with the number ("%", "‰"), if any. For a Change on a count, "%" means relative to the baseline.</param>
/// <param name="PerYear">True when the text says "/năm" or "mỗi năm".</param>
/// <param name="Reason">For TextOnly: why the text could not be read.</param>
/// <param name="Subject">Words written after the number, as written ("xã", "người", "trẻ em"): what is counted, kept for display.</param>
/// <param name="BaselineYear">For a Change written "so với năm 2020": the year compared with instead of the year before.</param>
/// <param name="Reading">For a Change: the reading an administrator fixed; null when the stated rule decides.</param>
public sealed record TargetExpression(
    string Text,
    TargetForm Form,
    decimal? Value = null,
    decimal? Low = null,
    decimal? High = null,
    ChangeDirection? Change = null,
    string? Symbol = null,
    bool PerYear = false,
    string? Reason = null,
    string? Subject = null,
    int? BaselineYear = null,
    ChangeReading? Reading = null)
{
    /// <summary>A text-only target with the reason it could not be read.</summary>
    public static TargetExpression TextOnly(string text, string reason) => new(text, TargetForm.TextOnly, Reason: reason);
}

/// <summary>
/// A target assigned to a unit for an indicator and a year. For a plan period the year is the
/// milestone year (2020, 2025, 2030) and <paramref name="PlanPeriod"/> names the period ("2021-2025").
/// <paramref name="Position"/> is the target's place among its plan's rows as written (0 first), so forms and annexes
/// list the plan in its own order; null when not known (then the catalog's order is used).
/// </summary>
public sealed record Target(string UnitCode, string IndicatorCode, int Year, TargetExpression Expression, string? PlanPeriod = null, int? Position = null);
