using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workflow;

/// <summary>
/// When a level must report and when its forms lock, both counted in working days after the
/// period ends. <paramref name="LockWorkingDays"/> is not before <paramref name="DeadlineWorkingDays"/>:
/// between the two a form can still arrive, late.
/// </summary>
public sealed record LevelSchedule(int DeadlineWorkingDays, int LockWorkingDays)
{
    /// <summary>Throws when the numbers cannot describe a schedule.</summary>
    public LevelSchedule Validated(UnitLevel level) =>
        DeadlineWorkingDays < 0 || LockWorkingDays < DeadlineWorkingDays
            ? throw new ArgumentException($"The schedule for {level} needs 0 <= deadline ({DeadlineWorkingDays}) <= lock ({LockWorkingDays}) working days.")
            : this;
}

/// <summary>The deadlines and lock dates of every level, over one working calendar.</summary>
public sealed class ReportingRules
{
    private readonly Dictionary<UnitLevel, LevelSchedule> _levels;

    /// <summary>Builds the rules; every level that reports must have a schedule.</summary>
    public ReportingRules(IReadOnlyDictionary<UnitLevel, LevelSchedule> levels, WorkingCalendar calendar)
    {
        _levels = levels.ToDictionary(l => l.Key, l => l.Value.Validated(l.Key));
        Calendar = calendar;
    }

    /// <summary>
    /// Defaults: communes report first so districts can check them; districts and facilities next;
    /// a province's own form last. Each level locks two working weeks after its deadline.
    /// </summary>
    public static ReportingRules Default { get; } = new(new Dictionary<UnitLevel, LevelSchedule>
    {
        [UnitLevel.Commune] = new(3, 13),
        [UnitLevel.District] = new(5, 15),
        [UnitLevel.Facility] = new(5, 15),
        [UnitLevel.Province] = new(10, 20),
    }, new WorkingCalendar());

    /// <summary>The working calendar deadlines are counted on.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The schedule of a level.</summary>
    public LevelSchedule For(UnitLevel level) =>
        _levels.TryGetValue(level, out var schedule) ? schedule : throw new ArgumentException($"No reporting schedule for level {level}.", nameof(level));

    /// <summary>The last Vietnam date on which a form of <paramref name="level"/> for <paramref name="period"/> is on time.</summary>
    public DateOnly DeadlineDate(UnitLevel level, Period period) =>
        Calendar.AddWorkingDays(ReportablePeriodEnd(period), For(level).DeadlineWorkingDays);

    /// <summary>The instant the deadline passes: the end of the deadline date in Vietnam, in UTC.</summary>
    public DateTimeOffset DeadlinePasses(UnitLevel level, Period period) => VietnamTime.EndOf(DeadlineDate(level, period));

    /// <summary>The last Vietnam date on which the form can still change without an exception.</summary>
    public DateOnly LockDate(UnitLevel level, Period period) =>
        Calendar.AddWorkingDays(ReportablePeriodEnd(period), For(level).LockWorkingDays);

    /// <summary>The instant the form locks: the end of the lock date in Vietnam, in UTC.</summary>
    public DateTimeOffset LocksAt(UnitLevel level, Period period) => VietnamTime.EndOf(LockDate(level, period));

    /// <summary>The periods units report on in a year: months, quarters, 6 months, 9 months and the year.</summary>
    public static IReadOnlyList<Period> ReportingPeriodsOf(int year) =>
    [
        .. Enumerable.Range(1, 12).Select(m => Period.Month(year, m)),
        .. Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)),
        Period.FirstHalf(year), Period.NineMonths(year), Period.FullYear(year),
    ];

    // Plan periods carry targets, not reports: nobody submits a "2021-2025" form.
    private static DateOnly ReportablePeriodEnd(Period period) =>
        period.Kind == PeriodKind.PlanPeriod
            ? throw new ArgumentException($"'{period.Code}' is a plan period; results are reported for months, quarters, 6 or 9 months and years.", nameof(period))
            : period.End;
}
