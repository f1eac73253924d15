namespace HealthFuncs.Core.Workflow;

/// <summary>
/// Working days: Monday to Friday, less the public holidays given (Tết, 30/4, 1/5, 2/9 ... vary by
/// year and by government decision, so they are configuration, not code).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly>? holidays = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];

    /// <summary>The public holidays this calendar skips.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>True for Monday to Friday when the day is not a public holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>;
    /// zero gives the date itself (a deadline on the last day of the period).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }
}
