using Cronos;

namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>
/// A job's six-field NCRONTAB schedule in UTC, as the Functions timer trigger reads it
/// ("{second} {minute} {hour} {day} {month} {day-of-week}"). Cronos does the parsing and the
/// occurrence arithmetic; the server's own scheduler and the host's timer agree on the same text.
/// </summary>
public sealed class JobSchedule
{
    // Windows to look back in when finding the latest occurrence: short first so frequent
    // schedules stay cheap, long enough last for a yearly job plus a leap day.
    static readonly TimeSpan[] LookBack =
        [TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(40), TimeSpan.FromDays(400)];

    readonly CronExpression expression;

    JobSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public string Text { get; }

    public static JobSchedule Parse(string text)
    {
        if (!TryParse(text, out var schedule, out var error))
        {
            throw new FormatException(error);
        }

        return schedule;
    }

    public static bool TryParse(string? text, out JobSchedule schedule, out string error)
    {
        schedule = null!;
        var fields = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = $"Schedule '{text}' must have six fields (second minute hour day month day-of-week); it has {fields.Length}.";
            return false;
        }

        var normalized = string.Join(' ', fields);
        if (!CronExpression.TryParse(normalized, CronFormat.IncludeSeconds, out var expression))
        {
            error = $"Schedule '{text}' is not a valid NCRONTAB expression.";
            return false;
        }

        schedule = new JobSchedule(normalized, expression);
        error = "";
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        expression.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);

    /// <summary>The last occurrence at or before <paramref name="at"/> within the past 400 days, or null.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset at)
    {
        foreach (var window in LookBack)
        {
            DateTimeOffset? latest = null;
            foreach (var occurrence in expression.GetOccurrences(at - window, at, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true))
            {
                latest = occurrence;
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }

    /// <summary>
    /// The occurrence that was missed since the last recorded run, if any: the latest occurrence at
    /// or before <paramref name="now"/> that is later than <paramref name="lastRun"/>. Only the latest
    /// is caught up, as the Functions timer does, not every occurrence missed while the server was down.
    /// </summary>
    public DateTimeOffset? MissedSince(DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (lastRun is null)
        {
            return null;
        }

        var latest = LatestAtOrBefore(now);
        return latest > lastRun ? latest : null;
    }

    public override string ToString() => Text;
}
