namespace HealthFuncs.Core.Checks;

/// <summary>How a finding affects a submission.</summary>
public enum CheckSeverity
{
    /// <summary>The row is rejected; nothing of the submission is written.</summary>
    Error,
    /// <summary>The row is accepted; the user is asked to look again.</summary>
    Warning,
}

/// <summary>
/// One problem found in submitted numbers, for one indicator, with what to do about it.
/// </summary>
/// <param name="Severity">Error (rejected) or Warning (accepted, shown).</param>
/// <param name="IndicatorCode">The indicator the finding is about (for a breakdown: the total).</param>
/// <param name="Rule">Which rule found it: one of <see cref="CheckRules"/>.</param>
/// <param name="MessageVi">The message in Vietnamese: the indicator, the numbers, what to do.</param>
/// <param name="MessageEn">The same message in English.</param>
public sealed record CheckFinding(CheckSeverity Severity, string IndicatorCode, string Rule, string MessageVi, string MessageEn);

/// <summary>The names of the rules <see cref="SubmissionChecks"/> applies (stable: clients may key on them).</summary>
public static class CheckRules
{
    /// <summary>The indicator code is not in the catalogue.</summary>
    public const string UnknownIndicator = nameof(UnknownIndicator);
    /// <summary>The same unit, indicator and period appear twice in one submission.</summary>
    public const string Duplicate = nameof(Duplicate);
    /// <summary>A value, numerator or denominator is below zero.</summary>
    public const string Negative = nameof(Negative);
    /// <summary>A count or level is not a whole number.</summary>
    public const string NotWhole = nameof(NotWhole);
    /// <summary>A percentage is above 100 where the indicator does not allow it.</summary>
    public const string AboveHundred = nameof(AboveHundred);
    /// <summary>A value outside the range an administrator set for the indicator.</summary>
    public const string OutsideRange = nameof(OutsideRange);
    /// <summary>A percentage's numerator is above its denominator.</summary>
    public const string NumeratorAboveDenominator = nameof(NumeratorAboveDenominator);
    /// <summary>A numerator is given over a zero denominator.</summary>
    public const string ZeroDenominator = nameof(ZeroDenominator);
    /// <summary>A percentage, rate or ratio does not agree with its own numerator and denominator (a warning: official figures may).</summary>
    public const string DisagreesWithParts = nameof(DisagreesWithParts);
    /// <summary>A percentage, rate or ratio reported without the parts a parent needs to include it (a warning).</summary>
    public const string WithoutParts = nameof(WithoutParts);
    /// <summary>The parts of a breakdown ("Trong đó") add up to more than the total.</summary>
    public const string BreakdownExceedsTotal = nameof(BreakdownExceedsTotal);
    /// <summary>A value far from the unit's own history (a warning).</summary>
    public const string FarFromHistory = nameof(FarFromHistory);
    /// <summary>A flow reported for a quarter, 6 or 9 months or the year differs from what its complete months add up to (a warning).</summary>
    public const string DisagreesWithMonths = nameof(DisagreesWithMonths);
    /// <summary>A flow count's cumulative figure is smaller than a period inside it (a warning).</summary>
    public const string CumulativeBelowPart = nameof(CumulativeBelowPart);
    /// <summary>A stock reported for a longer period differs from its last month (a warning).</summary>
    public const string StockDisagreesWithLastMonth = nameof(StockDisagreesWithLastMonth);
}
