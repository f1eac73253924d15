using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// What an audit entry records.
public enum AuditAction { ValueAdded, ValueChanged, TargetSet, TargetRemoved, UserCreated, Denied, FormSubmitted, FormApproved, FormReturned, FormUnlocked, IndicatorSetChanged,
    IndicatorAdded, IndicatorChanged, IndicatorRemoved, UnitAdded, UnitChanged, PopulationSet }

/// One audited event: who did what to which unit's figure, old → new, when, from where.
public sealed record AuditEntry(
    DateTimeOffset At,
    string User,
    AuditAction Action,
    string UnitCode,
    string? Period,
    string? IndicatorCode,
    string? Old,
    string? New,
    string? From);

// Audit table.
// PartitionKey = unit code (a unit's history is one partition),
// RowKey = "{DateTimeOffset.MaxValue.Ticks - at.Ticks:D19}|{guid}": inverted ticks sort the newest
// entry first, so "the last 50 changes" is the first page of one partition query; the guid keeps two
// entries of the same tick apart.
public sealed class AuditStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Audit, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var unit in entries.GroupBy(e => e.UnitCode))
        {
            var actions = unit.Select(e => new TableTransactionAction(TableTransactionActionType.Add, AuditEntity.From(e)));
            foreach (var chunk in actions.Chunk(100))
                await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => AppendAsync([entry], cancellationToken);

    /// The newest entries of a unit, newest first.
    public async Task<IReadOnlyList<AuditEntry>> GetLatestAsync(string unitCode, int take, CancellationToken cancellationToken = default)
    {
        var result = new List<AuditEntry>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<AuditEntity>(e => e.PartitionKey == unitCode, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            result.Add(e.ToEntry());
            if (result.Count >= take) break;
        }
        return result;
    }

    private sealed class AuditEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public DateTimeOffset At { get; set; }
        public string User { get; set; } = "";
        public string Action { get; set; } = "";
        public string? Period { get; set; }
        public string? IndicatorCode { get; set; }
        public string? Old { get; set; }
        public string? New { get; set; }
        public string? Origin { get; set; }

        public AuditEntry ToEntry() => new(At, User, Enum.Parse<AuditAction>(Action), PartitionKey, Period, IndicatorCode, Old, New, Origin);

        public static AuditEntity From(AuditEntry e) => new()
        {
            PartitionKey = e.UnitCode,
            RowKey = $"{(DateTimeOffset.MaxValue.UtcTicks - e.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}",
            At = e.At, User = e.User, Action = e.Action.ToString(), Period = e.Period, IndicatorCode = e.IndicatorCode,
            Old = e.Old, New = e.New, Origin = e.From,
        };
    }
}
