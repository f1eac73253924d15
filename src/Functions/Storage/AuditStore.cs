using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// What an audit entry records.
public enum AuditAction
{
    ValueAdded, ValueChanged, TargetSet, TargetRemoved, UserCreated, Denied, FormSubmitted, FormApproved, FormReturned, FormUnlocked,
    UserChanged, UserDisabled, UserEnabled, KeyCreated, KeyRevoked, ValueRemoved,
    IndicatorSetChanged, IndicatorAdded, IndicatorChanged, IndicatorRemoved, UnitAdded, UnitChanged, PopulationSet,
}

/// One audited event: who did what to which unit's figure (or to which user: Subject), old → new, when, from where.
public sealed record AuditEntry(
    DateTimeOffset At,
    string User,
    AuditAction Action,
    string UnitCode,
    string? Period,
    string? IndicatorCode,
    string? Old,
    string? New,
    string? From,
    string? Subject = null);

// Audit table.
// PartitionKey = unit code (a unit's history is one partition), or UsersLog for every change to users and keys,
// RowKey = "{DateTimeOffset.MaxValue.Ticks - at.Ticks:D19}|{guid}": inverted ticks sort the newest
// entry first, so "the last 50 changes" is the first page of one partition query; the guid keeps two
// entries of the same tick apart (a commit's entries use "{commit id}|{index}" instead, so a recovery
// writes the same keys again). UnitCode is kept as a column too, since the users log partition
// holds entries of many units.
public sealed class AuditStore(StorageAccount account)
{
    /// The partition of every change to users and keys ("~" cannot start a unit code).
    public const string UsersLog = "~users";

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Audit, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var unit in entries.GroupBy(e => e.UnitCode))
            await AppendToAsync(unit.Key, [.. unit], cancellationToken);
    }

    /// Changes to users and their keys: in the user's unit (so the province sees its people's changes with the
    /// unit's history) and in the users log, which holds every such change, admins' too (they have no unit).
    public async Task AppendUserChangesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        await AppendAsync([.. entries.Where(e => e.UnitCode.Length > 0)], cancellationToken);
        await AppendToAsync(UsersLog, entries, cancellationToken);
    }

    private async Task AppendToAsync(string partition, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var actions = entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, AuditEntity.From(e, partition)));
        foreach (var chunk in actions.Chunk(100))
            await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => AppendAsync([entry], cancellationToken);

    /// Appends the entries of one commit under keys derived from <paramref name="commitId"/>, so writing them
    /// again (a recovery after the writer died half-way) replaces them instead of adding copies. A commit's entries
    /// share their time, user, unit, period and origin, so they are stored as a few rows of up to
    /// <see cref="ChangesPerRow"/> changes each (one for a form of the whole catalog) rather than a row per value.
    public async Task AppendOnceAsync(IReadOnlyList<AuditEntry> entries, string commitId, CancellationToken cancellationToken = default)
    {
        foreach (var unit in entries.GroupBy(e => e.UnitCode))
            await AppendCommitAsync(unit.Key, [.. CommitRows.Of([.. unit])], commitId, cancellationToken);
    }

    /// Writes a unit's audit rows of one commit (<see cref="CommitRows.Of"/>) under keys derived from <paramref name="commitId"/>:
    /// one row (up to 100 changes, most commits) as a plain write, more as transactions of 100.
    public async Task AppendCommitAsync(string unitCode, IReadOnlyList<CommitRow> rows, string commitId, CancellationToken cancellationToken = default)
    {
        var entities = rows.Select((row, i) => AuditEntity.From(row.First, unitCode, $"{commitId}|{i.ToString("D5", CultureInfo.InvariantCulture)}", row.Changes)).ToList();
        var table = await TableAsync(cancellationToken);
        if (entities.Count == 1)
        {
            await table.UpsertEntityAsync(entities[0], TableUpdateMode.Replace, cancellationToken);
            return;
        }
        foreach (var chunk in entities.Chunk(100))
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
    }

    /// True when row <paramref name="index"/> of a commit's entries, written at <paramref name="at"/>, is stored: one
    /// point read that tells whether the commit's audit was written to its end (its rows are written in order).
    public async Task<bool> HasCommitRowAsync(string unitCode, DateTimeOffset at, string commitId, int index, CancellationToken cancellationToken = default) =>
        (await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<TableEntity>(unitCode,
            AuditEntity.KeyOf(at, $"{commitId}|{index.ToString("D5", CultureInfo.InvariantCulture)}"), [nameof(ITableEntity.RowKey)], cancellationToken)).HasValue;

    /// At most this many changes share a row; fewer when their texts are long (a row's JSON stays under 30 000 characters).
    public const int ChangesPerRow = 100;

    /// The newest entries of a unit, newest first.
    public async Task<IReadOnlyList<AuditEntry>> GetLatestAsync(string unitCode, int take, CancellationToken cancellationToken = default)
    {
        var result = new List<AuditEntry>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unitCode}"), maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
            foreach (var entry in e.ToEntries())
            {
                result.Add(entry);
                if (result.Count >= take) return result;
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
        public string? Subject { get; set; }
        public string? UnitCode { get; set; }

        /// A commit's changes (indicator, action, old, new) when the row holds several; the other columns are theirs.
        public string? Changes { get; set; }

        public IEnumerable<AuditEntry> ToEntries()
        {
            var entry = new AuditEntry(At, User, Enum.Parse<AuditAction>(Action), UnitCode ?? PartitionKey, Period, IndicatorCode, Old, New, Origin, Subject);
            return Changes is null ? [entry] : CommitRows.Read(Changes).Select(c =>
                entry with { Action = Enum.Parse<AuditAction>(c.Action), IndicatorCode = c.Indicator, Old = c.Old, New = c.New });
        }

        public static string KeyOf(DateTimeOffset at, string id) =>
            $"{(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{id}";

        public static AuditEntity From(AuditEntry e, string partition, string? id = null, string? changes = null) => new()
        {
            Changes = changes,
            PartitionKey = partition, UnitCode = e.UnitCode,
            RowKey = KeyOf(e.At, id ?? Guid.NewGuid().ToString("N")),
            At = e.At, User = e.User, Action = e.Action.ToString(), Period = e.Period, IndicatorCode = e.IndicatorCode,
            Old = e.Old, New = e.New, Origin = e.From, Subject = e.Subject,
        };
    }
}
