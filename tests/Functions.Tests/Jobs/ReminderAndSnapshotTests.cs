using System.Net;
using System.Text.Json;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;
using static HealthFuncs.Functions.Tests.Jobs.YearEndFixture;

namespace HealthFuncs.Functions.Tests.Jobs;

// Q1 2021: the districts' deadline is Wednesday 7 April, so the reminder is due at the 08:00 run on 8 April.
[Collection(AzuriteCollection.Name)]
public sealed class ReminderAndSnapshotTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset MorningAfterDeadline = DateTimeOffset.Parse("2021-04-08T01:00:00Z");
    private readonly List<WorkflowHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    /// D1 writes its beds and submits Q1 on time; D2 sends nothing.
    private async Task<(WorkflowHost Host, WorkflowHost.Keys Keys)> SeedQuarterAsync()
    {
        var host = new WorkflowHost(azurite, DateTimeOffset.Parse("2021-04-05T03:00:00Z"));
        _hosts.Add(host);
        var keys = await host.SeedAsync();
        var d1 = host.ClientWithKey(keys.D1);
        Assert.Equal(HttpStatusCode.OK, (await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 420)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await d1.TransitionAsync("D1", "2021-Q1", "submit")).StatusCode);
        return (host, keys);
    }

    private static async Task<JsonElement> QuarterReminderAsync(WorkflowHost host, WorkflowHost.Keys keys)
    {
        var reminders = await (await host.ClientWithKey(keys.Province).GetAsync("/api/reminders?year=2021&unit=P")).ReadJsonAsync();
        return reminders.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2021-Q1");
    }

    [Fact]
    public async Task The_reminder_after_the_deadline_lists_the_units_that_have_not_reported()
    {
        var (host, keys) = await SeedQuarterAsync();
        host.Clock.SetUtcNow(MorningAfterDeadline);

        var report = await RunAsync(host, "completeness-reminder", MorningAfterDeadline);

        Assert.True(report.Succeeded, report.Error?.ToString());
        var q1 = await QuarterReminderAsync(host, keys);
        Assert.Equal(2, q1.GetProperty("expected").GetInt32());
        Assert.Equal(["D2"], q1.GetProperty("overdue").EnumerateArray().Select(o => o.GetProperty("unitCode").GetString()));
        Assert.Equal("2021-04-07", q1.GetProperty("overdue")[0].GetProperty("deadline").GetString());
        // Months whose deadlines have passed get theirs too; the half year has not ended.
        var names = (await BlobsAsync(host, "reminders/2021")).Keys;
        Assert.Contains("reminders/2021-M03/P.json", names);
        Assert.DoesNotContain(names, n => n.StartsWith("reminders/2021-H1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reminder_job_run_twice_writes_nothing_more()
    {
        var (host, _) = await SeedQuarterAsync();
        host.Clock.SetUtcNow(MorningAfterDeadline);
        await RunAsync(host, "completeness-reminder", MorningAfterDeadline);
        var blobs = await BlobsAsync(host);

        var again = await RunAsync(host, "completeness-reminder", MorningAfterDeadline);

        Assert.Equal(JobOutcome.Skipped, again.Result!.Outcome);
        Assert.Equal(blobs, await BlobsAsync(host));
    }

    [Fact]
    public async Task A_past_due_reminder_run_after_a_late_form_writes_what_the_missed_run_would_have()
    {
        var (onTime, onTimeKeys) = await SeedQuarterAsync();
        onTime.Clock.SetUtcNow(MorningAfterDeadline);
        await RunAsync(onTime, "completeness-reminder", MorningAfterDeadline);

        var (late, lateKeys) = await SeedQuarterAsync();
        // D2 reports a day late; the 8 April run was missed and runs on 10 April, past due.
        late.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-09T02:00:00Z"));
        Assert.Equal(HttpStatusCode.OK, (await late.ClientWithKey(lateKeys.D2).TransitionAsync("D2", "2021-Q1", "submit")).StatusCode);
        late.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-10T01:00:00Z"));
        await RunAsync(late, "completeness-reminder", MorningAfterDeadline, pastDue: true);

        Assert.Equal((await QuarterReminderAsync(onTime, onTimeKeys)).GetRawText(), (await QuarterReminderAsync(late, lateKeys)).GetRawText());
        Assert.Equal((await BlobsAsync(onTime)).Keys, (await BlobsAsync(late)).Keys);
    }

    [Fact]
    public async Task The_nightly_snapshot_copies_the_day_s_forms_and_workflow_once()
    {
        var (host, keys) = await SeedQuarterAsync();
        var midnight = DateTimeOffset.Parse("2021-04-05T17:00:00Z");
        host.Clock.SetUtcNow(midnight);

        var first = await RunAsync(host, "nightly-snapshot", midnight);
        var blobs = await BlobsAsync(host);
        var second = await RunAsync(host, "nightly-snapshot", midnight);

        Assert.Equal((JobOutcome.Completed, JobOutcome.Skipped), (first.Result!.Outcome, second.Result!.Outcome));
        Assert.Equal(blobs, await BlobsAsync(host));
        Assert.Equal(["snapshots/2021-04-05/manifest.json", "snapshots/2021-04-05/units/C1.json", "snapshots/2021-04-05/units/D1.json",
            "snapshots/2021-04-05/units/D2.json", "snapshots/2021-04-05/units/P.json"], blobs.Keys);
        using var d1 = JsonDocument.Parse((await DownloadAsync(host, "snapshots/2021-04-05/units/D1.json")).ToString());
        var form = d1.RootElement.GetProperty("forms").EnumerateArray().Single();
        Assert.Equal(("2021-Q1", 1, 420m, "Submitted"), (form.GetProperty("period").GetString(), form.GetProperty("version").GetInt32(),
            form.GetProperty("values")[0].GetProperty("value").GetDecimal(), form.GetProperty("workflow").GetProperty("status").GetString()));

        var listed = await (await host.ClientWithKey(keys.Admin).GetAsync("/api/snapshots?date=2021-04-05")).ReadJsonAsync();
        Assert.Equal(5, listed.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientWithKey(keys.D1).GetAsync("/api/snapshots?date=2021-04-05")).StatusCode);
    }
}
