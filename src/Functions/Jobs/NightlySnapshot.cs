using System.Globalization;
using Azure.Data.Tables;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Jobs;

public sealed record SnapshotValue(string IndicatorCode, decimal? Value, decimal? Numerator, decimal? Denominator, string? Note);

/// A form's workflow state as the snapshot keeps it (the period is the form's own).
public sealed record SnapshotWorkflow(WorkflowStatus Status, int Version, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? LastSubmittedAt,
    DateTimeOffset? ApprovedAt, string? ReturnReason, LockException? Exception, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    public static SnapshotWorkflow? Of(WorkflowState? s) => s is null ? null
        : new(s.Status, s.Version, s.FirstSubmittedAt, s.LastSubmittedAt, s.ApprovedAt, s.ReturnReason, s.Exception, s.ChangedAt, s.ChangedBy);
}

public sealed record SnapshotForm(string Period, int Version, string FormStatus, SnapshotWorkflow? Workflow, IReadOnlyList<SnapshotValue> Values);

public sealed record UnitSnapshot(string UnitCode, DateOnly Date, IReadOnlyList<SnapshotForm> Forms);

public sealed record SnapshotManifest(DateOnly Date, IReadOnlyList<ReportFile> Files);

/// Copies every unit's forms (the version readers see, its values and its workflow state) to
/// snapshots/{yyyy-MM-dd}/units/{unit}.json, then writes snapshots/{yyyy-MM-dd}/manifest.json.
/// Runs at 00:00 Vietnam time (17:00 UTC) and is named by the Vietnam day that has just ended.
/// The snapshot holds the state when the step runs: a past-due run copies the state of its own
/// moment under the missed day's name, and an existing day's snapshot is never rewritten.
public sealed class NightlySnapshot(JobStepRunner runner, UnitStore units, StorageAccount account, ValueStore values,
    WorkflowStore workflow, ReportBlobs blobs) : SteppedJob(runner)
{
    /// <summary>The job's name, and its timer function's schedule (constants: the worker reads them from the attribute).</summary>
    public const string JobName = "nightly-snapshot";
    public const string Cron = "0 0 17 * * *";

    public override string Name => JobName;

    public override string Schedule => Cron;

    /// The Vietnam day a run at <paramref name="scheduledAt"/> snapshots: the day that ended most recently.
    public static DateOnly DayOf(DateTimeOffset scheduledAt) => VietnamTime.DateOf(scheduledAt).AddDays(-1);

    public static string Prefix(DateOnly day) => $"snapshots/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public override async Task<JobPlan> PlanAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        var day = DayOf(run.ScheduledAt);
        var tree = await units.GetTreeAsync(cancellationToken);
        var steps = tree.Units.Select(u => u.Code).Order(StringComparer.Ordinal)
            .Select(code => new JobStep($"units/{code}", ct => SnapshotUnitAsync(code, day, ct)))
            .Append(new JobStep("manifest", ct => WriteManifestAsync(day, ct)))
            .ToList();
        return new JobPlan(Name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), steps);
    }

    private async Task<string> SnapshotUnitAsync(string unitCode, DateOnly day, CancellationToken ct)
    {
        var name = $"{Prefix(day)}units/{unitCode}.json";
        if (await blobs.ExistsAsync(name, ct)) return $"{name} was already stored";
        var states = (await workflow.GetUnitAsync(unitCode, ct)).ToDictionary(s => s.Period.Code, StringComparer.Ordinal);
        var forms = new List<SnapshotForm>();
        // The Forms table (kept by the submissions API): PartitionKey = unit, RowKey = period,
        // CurrentVersion = the version of the Values rows readers see.
        await foreach (var form in account.Table(TableName.Forms).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unitCode}"), cancellationToken: ct))
        {
            if (!Period.TryParseCode(form.RowKey, out var period)) continue;
            var version = form.GetInt32("CurrentVersion") ?? 0;
            // Not kept: the snapshot reads every form once, and would push out the rows submissions and reports reuse.
            var rows = await values.ReadAsync(unitCode, period, version, cancellationToken: ct);
            forms.Add(new SnapshotForm(period.Code, version, form.GetString("Status") ?? "", SnapshotWorkflow.Of(states.GetValueOrDefault(period.Code)),
                [.. rows.OrderBy(r => r.IndicatorCode, StringComparer.Ordinal).Select(r => new SnapshotValue(r.IndicatorCode, r.Value, r.Numerator, r.Denominator, r.Note))]));
        }
        // Workflow states of forms that never had values still belong in the picture.
        foreach (var state in states.Values.Where(s => forms.All(f => f.Period != s.Period.Code)))
            forms.Add(new SnapshotForm(state.Period.Code, 0, "", SnapshotWorkflow.Of(state), []));
        var snapshot = new UnitSnapshot(unitCode, day, [.. forms.OrderBy(f => f.Period, StringComparer.Ordinal)]);
        return await blobs.CreateJsonIfAbsentAsync(name, snapshot, ct)
            ? $"{name}: {forms.Count} form(s)"
            : $"{name} was stored by another run";
    }

    private async Task<string> WriteManifestAsync(DateOnly day, CancellationToken ct)
    {
        var name = $"{Prefix(day)}manifest.json";
        var files = (await blobs.ListAsync(Prefix(day) + "units/", ct)).Select(f => f with { CreatedAt = null }).ToList();
        await blobs.CreateJsonIfAbsentAsync(name, new SnapshotManifest(day, files), ct);
        return $"{name}: {files.Count} unit file(s)";
    }
}
