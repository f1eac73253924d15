using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Functions.Workflow;

/// A stored workflow state with the table ETag it was read with; version 0 with no ETag: never stored.
public sealed record StoredWorkflow(WorkflowState State, ETag TableEtag)
{
    /// The ETag clients see and send back in If-Match: the workflow version, quoted.
    public string Etag => $"\"w{State.Version}\"";

    public bool Exists => TableEtag != default;
}

// Workflow table.
// PartitionKey = unit code, RowKey = period code ("2021-Q1"): one entity per form, a point read;
// a parent's completeness is one point read per child (a bounded set), never a table scan; a unit's
// whole history (the nightly snapshot) is one partition query.
// Every save passes the ETag it read (or adds when the form was never stored), so of two concurrent
// approvals exactly one succeeds and the other gets 412/409 from the table.
public sealed class WorkflowStore(ReportStorage storage)
{
    private TableClient Table => storage.Table(ReportTable.Workflow);

    public async Task<StoredWorkflow> GetAsync(string unitCode, Period period, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        var response = await Table.GetEntityIfExistsAsync<WorkflowEntity>(unitCode, period.Code, cancellationToken: cancellationToken);
        return response.HasValue
            ? new StoredWorkflow(response.Value!.ToState(), response.Value.ETag)
            : new StoredWorkflow(WorkflowState.New(unitCode, period), default);
    }

    /// The states of several units' forms for one period, keyed by unit; units never stored are absent.
    public async Task<IReadOnlyDictionary<string, WorkflowState>> GetManyAsync(IEnumerable<string> unitCodes, Period period, CancellationToken cancellationToken = default)
    {
        var reads = await Task.WhenAll(unitCodes.Select(u => GetAsync(u, period, cancellationToken)));
        return reads.Where(r => r.Exists).ToDictionary(r => r.State.UnitCode, r => r.State);
    }

    /// Every stored state of one unit, in period-code order.
    public async Task<IReadOnlyList<WorkflowState>> GetUnitAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        var result = new List<WorkflowState>();
        await foreach (var e in Table.QueryAsync<WorkflowEntity>(e => e.PartitionKey == unitCode, cancellationToken: cancellationToken))
            result.Add(e.ToState());
        return result;
    }

    /// Saves <paramref name="next"/> over what was read. Throws RequestFailedException 412 (changed since read)
    /// or 409 (created since read).
    public async Task<StoredWorkflow> SaveAsync(StoredWorkflow read, WorkflowState next, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        var entity = WorkflowEntity.From(next);
        var response = read.Exists
            ? await Table.UpdateEntityAsync(entity, read.TableEtag, TableUpdateMode.Replace, cancellationToken)
            : await Table.AddEntityAsync(entity, cancellationToken);
        return new StoredWorkflow(next, response.Headers.ETag ?? throw new InvalidOperationException("The table returned no ETag."));
    }

    private sealed class WorkflowEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Status { get; set; } = nameof(WorkflowStatus.Draft);
        public int Version { get; set; }
        public DateTimeOffset? FirstSubmittedAt { get; set; }
        public DateTimeOffset? LastSubmittedAt { get; set; }
        public DateTimeOffset? ApprovedAt { get; set; }
        public string? ReturnReason { get; set; }
        public DateTime? ExceptionUntil { get; set; }
        public string? ExceptionReason { get; set; }
        public string? ExceptionBy { get; set; }
        public DateTimeOffset? ExceptionAt { get; set; }
        public DateTimeOffset? ChangedAt { get; set; }
        public string? ChangedBy { get; set; }

        public WorkflowState ToState() => new(PartitionKey, Period.ParseCode(RowKey), Enum.Parse<WorkflowStatus>(Status), Version,
            FirstSubmittedAt, LastSubmittedAt, ApprovedAt, ReturnReason,
            ExceptionUntil is { } until ? new LockException(DateOnly.FromDateTime(until), ExceptionReason ?? "", ExceptionBy ?? "", ExceptionAt ?? default) : null,
            ChangedAt, ChangedBy);

        // The exception's end is a Vietnam calendar date; it is stored as that date at midnight UTC,
        // only because the table has no date-only type.
        public static WorkflowEntity From(WorkflowState s) => new()
        {
            PartitionKey = s.UnitCode, RowKey = s.Period.Code, Status = s.Status.ToString(), Version = s.Version,
            FirstSubmittedAt = s.FirstSubmittedAt, LastSubmittedAt = s.LastSubmittedAt, ApprovedAt = s.ApprovedAt, ReturnReason = s.ReturnReason,
            ExceptionUntil = s.Exception is { } x ? DateTime.SpecifyKind(x.Until.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) : null,
            ExceptionReason = s.Exception?.Reason, ExceptionBy = s.Exception?.GrantedBy, ExceptionAt = s.Exception?.GrantedAt,
            ChangedAt = s.ChangedAt, ChangedBy = s.ChangedBy,
        };
    }
}
