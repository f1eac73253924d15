using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Consolidation;

public static partial class Consolidator
{
    /// <summary>
    /// A unit's value for <paramref name="period"/>: the figure reported for the period itself, or else the
    /// one formed from the periods inside it (see <see cref="OverTimeWithGaps"/>); null when there is neither.
    /// </summary>
    public static Observation? OverTime(Indicator indicator, Period period, IEnumerable<Observation> reported) =>
        OverTimeWithGaps(indicator, period, reported).Observation;

    /// <summary>
    /// A unit's value for <paramref name="period"/> from the figures it reported in the year. A figure reported
    /// for the period itself wins. Otherwise the period is covered from January (or its first month) by the
    /// largest reported periods inside it: 9 months, then 6 months, a quarter, a month, so a reported quarter
    /// wins over its months as the period itself would. A flow sums the pieces (counts add values; percentages
    /// and ratios add numerators and denominators; rates add numerators over the latest population). A stock or
    /// a level takes the latest piece with a value. Figures of other indicators, outside the period or of a
    /// plan period are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The figures belong to several units, a period appears twice, or <paramref name="period"/> is a plan period.</exception>
    public static PeriodValue OverTimeWithGaps(Indicator indicator, Period period, IEnumerable<Observation> reported)
    {
        if (period.Kind == PeriodKind.PlanPeriod)
            throw new ArgumentException($"A plan period ({period.Code}) is not formed from months; use its milestone years.", nameof(period));
        var inside = new Dictionary<Period, Observation>();
        string? unit = null;
        foreach (var o in reported.Where(o => o.IndicatorCode == indicator.Code && o.Period.Kind != PeriodKind.PlanPeriod && period.Contains(o.Period)))
        {
            if (unit is not null && unit != o.UnitCode)
                throw new ArgumentException($"Figures of {indicator.Code} belong to several units ({unit}, {o.UnitCode}).", nameof(reported));
            unit = o.UnitCode;
            if (!inside.TryAdd(o.Period, o))
                throw new ArgumentException($"Period {o.Period.Code} of {indicator.Code} for {o.UnitCode} appears twice.", nameof(reported));
        }

        // The period's own figure, parts or not, is what was reported: never replaced by a sum of its months.
        if (inside.TryGetValue(period, out var own) && (own.Value is not null || own.Numerator is not null))
            return new(own, []);
        if (period.Kind == PeriodKind.Month) return new(null, [period]);

        var flow = indicator.Time == TimeBehaviour.Flow && indicator.Kind != IndicatorKind.Level;
        var (pieces, gaps) = Cover(period, inside.Values.Where(o => o.Period != period && (flow ? Summable(indicator, o) : HasLatest(indicator, o))).ToList());
        var result = flow ? Summed(indicator, period, pieces, gaps) : Latest(period, pieces);
        return result.Observation is { } o2
            ? result with { Observation = o2 with { Note = PeriodNote.Of(flow, result.DerivedFrom, result.MissingMonths) } }
            : result;
    }

    /// <summary>
    /// Covers the period from its first month with the largest usable pieces, month by month: a gap is a month
    /// no piece starts at. Reported periods start at month 1 (6, 9 months), at a quarter's start or anywhere (a
    /// month), so taking the largest piece at each step never leaves a month uncovered that another choice covers.
    /// </summary>
    static (List<Observation> Pieces, List<Period> Gaps) Cover(Period period, List<Observation> usable)
    {
        var pieces = new List<Observation>();
        var gaps = new List<Period>();
        for (var month = period.FirstMonth; month <= period.LastMonth;)
        {
            var piece = usable.Where(o => o.Period.FirstMonth == month && o.Period.LastMonth <= period.LastMonth)
                .MaxBy(o => o.Period.LastMonth);
            if (piece is null) { gaps.Add(Period.Month(period.Year, month)); month++; continue; }
            pieces.Add(piece);
            month = piece.Period.LastMonth + 1;
        }
        return (pieces, gaps);
    }

    static bool Summable(Indicator indicator, Observation o) => indicator.HasParts
        ? o.Numerator is not null && (indicator.Kind == IndicatorKind.Rate || o.Denominator is not null)
        : o.Value is not null;

    static bool HasLatest(Indicator indicator, Observation o) => o.Value is not null || (indicator.HasParts && o.Numerator is not null);

    static PeriodValue Summed(Indicator indicator, Period period, List<Observation> pieces, List<Period> gaps)
    {
        var from = pieces.Select(o => o.Period).ToList();
        if (pieces.Count == 0) return new(null, gaps);
        var template = new Observation(pieces[0].UnitCode, indicator.Code, period, null);
        if (!indicator.HasParts)
            return new(template with { Value = pieces.Sum(o => o.Value!.Value) }, gaps) { DerivedFrom = from };

        var numerator = pieces.Sum(o => o.Numerator!.Value);
        // Population is a stock: a quarter's rate is its cases over the latest population, not over three populations.
        var denominator = indicator.Kind == IndicatorKind.Rate
            ? pieces.LastOrDefault(o => o.Denominator is not null)?.Denominator
            : pieces.Sum(o => o.Denominator!.Value);
        decimal? value = denominator is { } d && d != 0 ? numerator / d * indicator.Scale : null;
        return new(template with { Value = value, Numerator = numerator, Denominator = denominator }, gaps) { DerivedFrom = from };
    }

    // Months after the latest piece would have replaced it; months before it no longer matter.
    static PeriodValue Latest(Period period, List<Observation> pieces)
    {
        var latest = pieces.LastOrDefault();
        var after = latest?.Period.LastMonth ?? period.FirstMonth - 1;
        var missing = period.Months().Where(m => m.Index > after).ToList();
        return latest is null
            ? new(null, missing)
            : new(latest with { Period = period }, missing) { DerivedFrom = [latest.Period] };
    }
}
