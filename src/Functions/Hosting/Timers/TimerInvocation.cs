using System.Globalization;
using System.Text.Json;
using HealthFuncs.Functions.Hosting.Jobs;

namespace HealthFuncs.Functions.Hosting.Timers;

/// <summary>
/// The Functions host's request to a custom handler for a timer trigger:
/// <c>{"Data":{"timer":{"Schedule":{...},"ScheduleStatus":{"Last","Next","LastUpdated"},"IsPastDue":false}},
/// "Metadata":{"sys":{"MethodName","UtcNow","RandGuid"}}}</c>. The binding is keyed by the name in
/// function.json ("timer"); some host versions send the binding value as a JSON string, so both are read.
/// </summary>
public sealed record TimerInvocation(bool IsPastDue, DateTimeOffset? ExpectedOccurrence, DateTimeOffset? HostUtcNow)
{
    public const string BindingName = "timer";

    // The host fires at the occurrence; its clock and ours may differ by a moment.
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static TimerInvocation Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The invocation payload must be a JSON object with Data and Metadata.");
        }

        var timer = TimerBinding(payload);
        var isPastDue = timer is { } t && Property(t, "IsPastDue") is { ValueKind: JsonValueKind.True };
        var next = timer is { } t2 && Property(t2, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } status
            ? Instant(Property(status, "Next"))
            : null;
        var utcNow = Property(payload, "Metadata") is { ValueKind: JsonValueKind.Object } metadata
            && Property(metadata, "sys") is { ValueKind: JsonValueKind.Object } sys
            ? Instant(Property(sys, "UtcNow"))
            : null;
        return new TimerInvocation(isPastDue, next, utcNow);
    }

    /// <summary>
    /// The occurrence to run: the schedule's latest occurrence by the server's own clock. What the request says
    /// (its "next" occurrence, the host's UtcNow, IsPastDue) is only logged: these routes answer whoever reaches
    /// them, and a crafted body must not be able to run a job for a time that has not come (closing a year early).
    /// The run is past due when the server's clock is already well past the occurrence it stands for.
    /// </summary>
    public JobRun ToRun(JobSchedule schedule, DateTimeOffset serverNow)
    {
        var scheduledAt = schedule.LatestAtOrBefore(serverNow + ClockSkew) ?? serverNow;
        return new JobRun(scheduledAt.ToUniversalTime(), serverNow - scheduledAt > ClockSkew, JobSource.HostTimer);
    }

    /// <summary>What the request claimed, for the log.</summary>
    public string Describe() =>
        $"host says next {ExpectedOccurrence:O}, now {HostUtcNow:O}{(IsPastDue ? ", past due" : "")}";

    static JsonElement? TimerBinding(JsonElement payload)
    {
        if (Property(payload, "Data") is not { ValueKind: JsonValueKind.Object } data)
        {
            throw new FormatException("The invocation payload has no Data object.");
        }

        var binding = Property(data, BindingName) ?? data.EnumerateObject().Select(p => (JsonElement?)p.Value).FirstOrDefault();
        return binding is { ValueKind: JsonValueKind.String } text
            ? JsonDocument.Parse(text.GetString()!).RootElement.Clone()
            : binding is { ValueKind: JsonValueKind.Object } ? binding : null;
    }

    static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    // Host timestamps without an offset are UTC: Functions on Linux runs in UTC.
    static DateTimeOffset? Instant(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text
        && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
        && instant.Year > 1
            ? instant
            : null;
}
