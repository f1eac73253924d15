using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Functions.Storage;

/// Where a form stands in its review. Values may be written while it is Draft or Submitted.
public enum FormStatus { Draft, Submitted, Approved, Locked }

/// The submission state of one unit's form for one period. <see cref="Version"/> is the table ETag,
/// used for every update so two writers can never both move the form. <see cref="Record"/> is the whole
/// stored entity, the workflow state included, so a save carries the workflow over and a write can be
/// checked against the workflow state it read.
public sealed record FormState(
    string UnitCode,
    string PeriodCode,
    int CurrentVersion,
    FormStatus Status,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    int? PendingVersion,
    DateTimeOffset? PendingSince,
    ETag Version)
{
    /// The version the last commit replaced: the audit's baseline for that commit.
    public int BaseVersion { get; init; }

    /// True from a commit until its audit entries are confirmed written: how commits were marked before they
    /// recorded <see cref="AuditRows"/>; such a mark is still honoured.
    public bool AuditPending { get; init; }

    /// How many audit rows the last commit writes (<see cref="CommitRows"/>): the next writer checks that the last
    /// of them exists, and writes them again when it does not (their writer died first).
    public int AuditRows { get; init; }

    /// How many value rows the current version has; null for versions committed before commits recorded it. A read
    /// that finds exactly this many has the whole version (<see cref="KeptVersions"/>).
    public int? CurrentRows { get; init; }

    /// Where the last commit came from (the audit's "from").
    public string? UpdatedFrom { get; init; }

    public TableEntity? Record { get; init; }

    /// The ETag clients see: the version number, quoted ("\"3\""). Version 0 is a form never written.
    public string Etag => Etags.Of(CurrentVersion);

    public static FormState New(string unitCode, string periodCode) =>
        new(unitCode, periodCode, 0, FormStatus.Draft, null, null, null, null, default);

    public bool Exists => Version != default;
}

public static class Etags
{
    public static string Of(int version) => $"\"{version}\"";
}

// Forms table (submission state and, in the same entity, the workflow state: see FormRecord).
// PartitionKey = unit code, RowKey = period code ("2021-Q1"): one entity per form, read with a point read.
// CurrentVersion points at the version of the form's rows in the Values table that readers see.
// A write claims the next version with that version's first row (ValueStore: two writers can never share
// one), writes the rest, then commits CurrentVersion = that version with the ETag it read the form with: an
// approval or any other change since the read refuses the commit. PendingVersion and PendingSince are the
// claims writers once made on this entity instead; a form may still carry one, and it is honoured.
public sealed class FormStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Forms, cancellationToken);

    public async Task<FormState?> GetAsync(string unitCode, string periodCode, CancellationToken cancellationToken = default) =>
        await FormRecord.GetAsync(await TableAsync(cancellationToken), unitCode, periodCode, cancellationToken) is { } e ? StateOf(e) : null;

    /// Every form of a unit for the periods of one year ("2024", "2024-Q1", "2024-M03"...): one query inside the
    /// unit's partition, the row keys that start with the year. Plan periods ("2024-2028") are left out.
    public Task<IReadOnlyList<FormState>> GetYearAsync(string unitCode, int year, CancellationToken cancellationToken = default) =>
        GetYearsAsync(unitCode, year, year, cancellationToken);

    /// The same for the consecutive years <paramref name="first"/> to <paramref name="last"/>: their row keys are
    /// one range of the partition, so one query however many years.
    public async Task<IReadOnlyList<FormState>> GetYearsAsync(string unitCode, int first, int last, CancellationToken cancellationToken = default)
    {
        var (from, to) = (first.ToString(CultureInfo.InvariantCulture), last.ToString(CultureInfo.InvariantCulture) + ".");
        var result = new List<FormState>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {unitCode} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
            if (Period.TryParseCode(e.RowKey, out var p) && p.Kind != PeriodKind.PlanPeriod && p.Year >= first && p.Year <= last)
                result.Add(StateOf(e));
        return result;
    }

    /// Makes <paramref name="version"/> (claimed and written) the one readers see, with the ETag <paramref name="read"/>
    /// was read with, recording how many value rows it has and how many audit rows the commit writes.
    /// Throws RequestFailedException 412 (changed since read) or 409 (created since read).
    public Task<FormState> CommitAsync(FormState read, int version, string by, DateTimeOffset at, string? from, int rows, int auditRows,
        CancellationToken cancellationToken = default) =>
        SaveAsync(read, new Dictionary<string, object?>
        {
            ["CurrentVersion"] = version, ["BaseVersion"] = read.CurrentVersion,
            ["PendingVersion"] = null, ["PendingSince"] = null,
            ["UpdatedBy"] = by, ["UpdatedAt"] = at, ["UpdatedFrom"] = from, ["AuditPending"] = null, ["AuditRows"] = auditRows, ["CurrentRows"] = rows,
        }, cancellationToken);

    /// Records that the last commit's audit entries are written.
    public Task<FormState> AuditedAsync(FormState committed, CancellationToken cancellationToken = default) =>
        SaveAsync(committed, new Dictionary<string, object?> { ["AuditPending"] = null }, cancellationToken);

    /// Changes the review status, with the ETag the caller read.
    public Task<FormState> SetStatusAsync(FormState form, FormStatus status, string by, CancellationToken cancellationToken = default) =>
        SaveAsync(form, new Dictionary<string, object?> { ["Status"] = status.ToString(), ["UpdatedBy"] = by, ["UpdatedAt"] = DateTimeOffset.UtcNow },
            cancellationToken);

    private async Task<FormState> SaveAsync(FormState read, Dictionary<string, object?> changes, CancellationToken cancellationToken)
    {
        if (!read.Exists) changes.TryAdd("CurrentVersion", read.CurrentVersion);
        var saved = await FormRecord.SaveAsync(await TableAsync(cancellationToken), read.UnitCode, read.PeriodCode, read.Record, changes, cancellationToken);
        return StateOf(saved);
    }

    /// The submission state held by a form's entity read elsewhere (the workflow reads the same entity).
    public static FormState StateOf(TableEntity e) =>
        new(e.PartitionKey, e.RowKey, e.Int("CurrentVersion") ?? 0, Enum.TryParse<FormStatus>(e.Text("Status"), out var s) ? s : FormStatus.Draft,
            e.Text("UpdatedBy"), e.Time("UpdatedAt"), e.Int("PendingVersion"), e.Time("PendingSince"), e.ETag)
        {
            BaseVersion = e.Int("BaseVersion") ?? 0, AuditPending = e.Flag("AuditPending"), AuditRows = e.Int("AuditRows") ?? 0, CurrentRows = e.Int("CurrentRows"), UpdatedFrom = e.Text("UpdatedFrom"), Record = e,
        };
}
