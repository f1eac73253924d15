using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Consolidation;

/// <summary>
/// A parent unit's value formed from its children. <see cref="Value"/> covers <see cref="IncludedUnits"/>
/// only; children in <see cref="MissingUnits"/> were left out, never counted as zero, so a caller can show
/// who has not reported next to the number.
/// </summary>
/// <param name="Value">The consolidated value; null for levels and when no child could be included.</param>
/// <param name="Numerator">Summed numerators, for indicators with parts.</param>
/// <param name="Denominator">Summed denominators (populations for rates), for indicators with parts.</param>
/// <param name="IncludedUnits">Children whose numbers went into the value, in the order given.</param>
/// <param name="MissingUnits">Children with no observation, or without the value or parts the kind needs.</param>
public sealed record ConsolidatedValue(
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    IReadOnlyList<string> IncludedUnits,
    IReadOnlyList<string> MissingUnits)
{
    /// <summary>True when every child was included.</summary>
    public bool IsComplete => MissingUnits.Count == 0;

    /// <summary>
    /// The children in <see cref="MissingUnits"/> that did report, but a percentage, ratio or rate without the
    /// numerator/denominator a parent sums ("thiếu tử số/mẫu số"); the others have not reported ("chưa báo cáo").
    /// </summary>
    public IReadOnlyList<string> WithoutPartsUnits { get; init; } = [];

    /// <summary>The children in <see cref="MissingUnits"/> with no value at all for the period ("chưa báo cáo").</summary>
    public IReadOnlyList<string> NotReportedUnits => MissingUnits.Except(WithoutPartsUnits, StringComparer.Ordinal).ToList();
}

/// <summary>
/// A unit's value for a period: reported for the period itself, or formed from the periods inside it.
/// </summary>
/// <param name="Observation">The value for the whole period; null when nothing inside it had one.</param>
/// <param name="MissingMonths">
/// For flows: months of the period no reported piece covers (the sum covers the others).
/// For stocks and levels: months after the latest reported piece, which would have replaced it.
/// </param>
public sealed record PeriodValue(Observation? Observation, IReadOnlyList<Period> MissingMonths)
{
    /// <summary>The reported periods the value was formed from, in order; empty when it was reported for the period itself.</summary>
    public IReadOnlyList<Period> DerivedFrom { get; init; } = [];

    /// <summary>True when the value was formed from other periods rather than reported for the period.</summary>
    public bool IsDerived => DerivedFrom.Count > 0;

    /// <summary>True when no month that matters is missing.</summary>
    public bool IsComplete => MissingMonths.Count == 0;

    /// <summary>How many months the value covers: the period's months less the missing ones.</summary>
    public int MonthsCovered(Period period) => period.Kind == PeriodKind.PlanPeriod ? 0 : period.LastMonth - period.FirstMonth + 1 - MissingMonths.Count;
}
