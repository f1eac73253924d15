using System.CommandLine;
using System.Globalization;
using HealthFuncs.Functions.Hosting.Jobs;

namespace HealthFuncs.Functions.Hosting.Commands;

/// <summary>
/// <c>run-job &lt;name&gt; [--at 2021-12-31T17:00:00Z]</c>: runs a scheduled job now, for the given
/// occurrence or by default the latest one of its schedule, and prints what it did.
/// </summary>
public sealed class RunJobCommand : IOperatorCommand
{
    public Command Create(WebApplication app)
    {
        var name = new Argument<string>("name") { Description = "The job's name (see the list below)." };
        var at = new Option<string?>("--at") { Description = "The occurrence to run for, UTC (ISO 8601). Default: the schedule's latest occurrence." };
        var catalog = app.Services.GetRequiredService<JobCatalog>();
        var known = string.Join(", ", catalog.Entries.Select(e => $"{e.Name} ({e.Schedule})"));
        var command = new Command("run-job", "Run a scheduled job now. Jobs: " + (known.Length > 0 ? known : "none registered")) { name, at };
        command.SetAction(async (result, cancellationToken) =>
        {
            var entry = catalog.Find(result.GetValue(name)!);
            if (entry is null)
            {
                await Console.Error.WriteLineAsync($"Không có công việc '{result.GetValue(name)}'. / No job is named '{result.GetValue(name)}'. Jobs: {known}");
                return 2;
            }

            var clock = app.Services.GetRequiredService<TimeProvider>();
            DateTimeOffset scheduledAt;
            if (result.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out scheduledAt))
                {
                    await Console.Error.WriteLineAsync($"--at: '{text}' không phải thời điểm hợp lệ. / '{text}' is not a date and time (use 2021-12-31T17:00:00Z).");
                    return 2;
                }
            }
            else
            {
                scheduledAt = entry.Schedule.LatestAtOrBefore(clock.GetUtcNow()) ?? clock.GetUtcNow();
            }

            var runner = app.Services.GetRequiredService<JobRunner>();
            var report = await runner.RunAsync(entry.Name, new JobRun(scheduledAt, IsPastDue: false, JobSource.CommandLine), cancellationToken);
            if (report.Result is { } done)
            {
                Console.WriteLine($"{entry.Name} {scheduledAt:yyyy-MM-ddTHH:mm:ssZ}: {done.Outcome}: {done.Summary}");
                return 0;
            }

            await Console.Error.WriteLineAsync($"{entry.Name} failed: {report.Error!.Message}");
            return 1;
        });
        return command;
    }
}
