namespace HealthFuncs.Core.Workflow;

/// <summary>
/// Business dates are Vietnam dates; schedules and stored instants are UTC.
/// Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and,
/// unlike a time-zone id ("Asia/Ho_Chi_Minh" on Linux, "SE Asia Standard Time" on Windows),
/// does not depend on the tz database the host happens to carry.
/// </summary>
public static class VietnamTime
{
    /// <summary>UTC+7.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The Vietnam calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The Vietnam calendar year at <paramref name="instant"/>: the "current year" every default means.</summary>
    public static int YearOf(DateTimeOffset instant) => DateOf(instant).Year;

    /// <summary>The instant Vietnam's <paramref name="date"/> begins (00:00 UTC+7), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The instant Vietnam's <paramref name="date"/> ends: the start of the next day, in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));
}
