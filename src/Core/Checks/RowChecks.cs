using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Checks;

/// <summary>The rules one row can break on its own.</summary>
internal static class RowChecks
{
    /// <summary>Decimals beyond this come from formulas (26/31 computed in a cell) and are compared at this many.</summary>
    const int MaxCountedDecimals = 6;

    public static IEnumerable<CheckFinding> Of(Indicator indicator, Observation o)
    {
        var errors = Errors(indicator, o).ToList();
        foreach (var error in errors) yield return error;
        if (errors.Count > 0) yield break;
        if (WithoutParts(indicator, o)) yield return Findings.WithoutParts(indicator, o.Value!.Value);
        // An office's official rate may differ from its own parts (a denominator estimated at the start of the
        // year): it is taken as reported, with a warning naming both numbers.
        if (indicator.HasParts && o is { Value: { } reported, Numerator: { } numerator, Denominator: { } denominator }
            && denominator > 0 && numerator >= 0 && !Agrees(reported, numerator / denominator * indicator.Scale, out var expected))
            yield return Findings.DisagreesWithParts(indicator, reported, numerator, denominator, expected, o.Note is not null);
    }

    /// <summary>
    /// A percentage, ratio or rate reported as a value only: the province sums parts, so it cannot include it.
    /// A rate needs its numerator (the unit's population is the fallback denominator); the others need both.
    /// </summary>
    public static bool WithoutParts(Indicator indicator, Observation o) =>
        indicator.HasParts && o.Value is not null
        && (o.Numerator is null || (o.Denominator is null && indicator.Kind != IndicatorKind.Rate));

    static IEnumerable<CheckFinding> Errors(Indicator indicator, Observation o)
    {
        foreach (var (field, number) in new[] { ("value", o.Value), ("numerator", o.Numerator), ("denominator", o.Denominator) })
            if (number < 0) yield return Findings.Negative(indicator, field, number.Value);

        if (o.Value is { } value && indicator.Kind is IndicatorKind.Count or IndicatorKind.Level && value != decimal.Truncate(value))
            yield return Findings.NotWhole(indicator, value);

        // The range an administrator set is checked once the kind's own limits (not negative, not above 100) pass,
        // so one wrong number gets one finding.
        if (o.Value is { } ranged && ranged >= 0 && !(ranged > indicator.KindMaximum) && indicator.IsOutsideSetRange(ranged))
            yield return Findings.OutsideRange(indicator, ranged);

        if (indicator.Kind == IndicatorKind.Percentage && !indicator.AllowsAbove100)
        {
            if (o.Value > 100) yield return Findings.AboveHundred(indicator, o.Value.Value);
            if (o.Numerator > o.Denominator) yield return Findings.NumeratorAboveDenominator(indicator, o.Numerator!.Value, o.Denominator!.Value);
        }

        if (!indicator.HasParts || o.Numerator is not { } numerator || o.Denominator is not { } denominator) yield break;
        if (denominator == 0 && (numerator != 0 || o.Value is not null))
            yield return Findings.ZeroDenominator(indicator, numerator);
    }

    /// <summary>
    /// The reported value must be the exact ratio rounded, or truncated, at the decimals it is written with:
    /// for 26/31 = 83,870…, "83,9", "83,8", "84" and "83" pass; "85" and "83,5" do not.
    /// </summary>
    internal static bool Agrees(decimal reported, decimal exact, out decimal expected)
    {
        var decimals = Math.Min(Figures.Decimals(reported), MaxCountedDecimals);
        var value = Math.Round(reported, decimals, MidpointRounding.AwayFromZero);
        expected = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
        return value == expected || value == Math.Round(exact, decimals, MidpointRounding.ToZero);
    }
}
