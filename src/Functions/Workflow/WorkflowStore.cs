using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Workflow;

/// A stored workflow state with the form entity it was read from; never stored: version 0.
/// <see cref="FormVersion"/> is the values version the form pointed at when read: an approval saved
/// against this read approves exactly that version.
public sealed record StoredWorkflow(WorkflowState State, TableEntity? Record)
{
    /// The ETag clients see and send back in If-Match: the workflow version, quoted.
    public string Etag => $"\"w{State.Version}\"";

    public bool Exists => State.Version > 0;

    public int FormVersion => Record?.Int("CurrentVersion") ?? 0;

    /// The values version the last approval approved.
    public int? ApprovedVersion => Record?.Int("ApprovedVersion");
}

// The workflow state lives in the form's entity of the Forms table (see FormRecord), under its own
// property names: PartitionKey = unit code, RowKey = period code ("2021-Q1"). A parent's completeness is
// one point read per child (a bounded set), never a table scan; a unit's whole history (the nightly
// snapshot) is one partition query. Every save passes the ETag it read (or adds when the form was never
// stored), so of two concurrent approvals exactly one succeeds, and an approval and a value commit
// racing on the same form cannot both succeed either.
public sealed class WorkflowStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Forms, cancellationToken);

    public async Task<StoredWorkflow> GetAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        Of(unitCode, period, await FormRecord.GetAsync(await TableAsync(cancellationToken), unitCode, period.Code, cancellationToken));

    /// The workflow as stored in a form entity read elsewhere (the values API reads the form once).
    public static StoredWorkflow Of(string unitCode, Period period, TableEntity? record) =>
        new(record is not null && record.Int("WorkflowVersion") is > 0 ? StateOf(record) : WorkflowState.New(unitCode, period), record);

    /// The states of several units' forms for one period, keyed by unit; units never stored are absent.
    public async Task<IReadOnlyDictionary<string, WorkflowState>> GetManyAsync(IEnumerable<string> unitCodes, Period period, CancellationToken cancellationToken = default)
    {
        var reads = await Task.WhenAll(unitCodes.Select(u => GetAsync(u, period, cancellationToken)));
        return reads.Where(r => r.Exists).ToDictionary(r => r.State.UnitCode, r => r.State);
    }

    /// Every stored state of one unit, in period-code order.
    public async Task<IReadOnlyList<WorkflowState>> GetUnitAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var result = new List<WorkflowState>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unitCode}"), cancellationToken: cancellationToken))
            if (e.Int("WorkflowVersion") is > 0) result.Add(StateOf(e));
        return result;
    }

    /// Saves <paramref name="next"/> over what was read. An approval records the values version read with it.
    /// Throws RequestFailedException 412 (changed since read) or 409 (created since read).
    public async Task<StoredWorkflow> SaveAsync(StoredWorkflow read, WorkflowState next, CancellationToken cancellationToken = default)
    {
        var s = next;
        var changes = new Dictionary<string, object?>
        {
            ["WorkflowStatus"] = s.Status.ToString(), ["WorkflowVersion"] = s.Version,
            ["FirstSubmittedAt"] = s.FirstSubmittedAt, ["LastSubmittedAt"] = s.LastSubmittedAt, ["ApprovedAt"] = s.ApprovedAt,
            ["ApprovedVersion"] = s.Status == WorkflowStatus.Approved ? read.FormVersion : null,
            ["ReturnReason"] = s.ReturnReason,
            // The exception's end is a Vietnam calendar date; it is stored as that date at midnight UTC,
            // only because the table has no date-only type.
            ["ExceptionUntil"] = s.Exception is { } x ? new DateTimeOffset(x.Until.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            ["ExceptionReason"] = s.Exception?.Reason, ["ExceptionBy"] = s.Exception?.GrantedBy, ["ExceptionAt"] = s.Exception?.GrantedAt,
            ["ChangedAt"] = s.ChangedAt, ["ChangedBy"] = s.ChangedBy,
        };
        if (read.Record is null) changes["CurrentVersion"] = 0;
        var saved = await FormRecord.SaveAsync(await TableAsync(cancellationToken), s.UnitCode, s.Period.Code, read.Record, changes, cancellationToken);
        return new StoredWorkflow(next, saved);
    }

    private static WorkflowState StateOf(TableEntity e) => new(e.PartitionKey, Period.ParseCode(e.RowKey),
        Enum.Parse<WorkflowStatus>(e.Text("WorkflowStatus") ?? nameof(WorkflowStatus.Draft)), e.Int("WorkflowVersion") ?? 0,
        e.Time("FirstSubmittedAt"), e.Time("LastSubmittedAt"), e.Time("ApprovedAt"), e.Text("ReturnReason"),
        e.Time("ExceptionUntil") is { } until
            ? new LockException(DateOnly.FromDateTime(until.UtcDateTime), e.Text("ExceptionReason") ?? "", e.Text("ExceptionBy") ?? "", e.Time("ExceptionAt") ?? default)
            : null,
        e.Time("ChangedAt"), e.Text("ChangedBy"));
}
