using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Observations;

/// <summary>
/// A reported value (thực hiện) of one indicator for one unit and period. For indicators with parts
/// (percentages, rates, ratios) the numerator and denominator travel with the value, so a parent can
/// consolidate from parts and a check can compare the value with its own parts.
/// For rates the denominator is the population.
/// </summary>
public sealed record Observation(
    string UnitCode,
    string IndicatorCode,
    Period Period,
    decimal? Value,
    decimal? Numerator = null,
    decimal? Denominator = null,
    string? Note = null);
