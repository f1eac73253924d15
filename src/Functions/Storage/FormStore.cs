using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Functions.Storage;

/// Where a form stands in its review. Values may be written while it is Draft or Submitted.
public enum FormStatus { Draft, Submitted, Approved, Locked }

/// The submission state of one unit's form for one period. <see cref="Version"/> is the table ETag,
/// used for every update so two writers can never both move the form.
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

// Forms table (submission state).
// PartitionKey = unit code, RowKey = period code ("2021-Q1"): one entity per form, read with a point read.
// CurrentVersion points at the version of the form's rows in the Values table that readers see.
// A write first claims PendingVersion = CurrentVersion + 1 (with the ETag), writes the rows, then
// commits CurrentVersion = PendingVersion (with the new ETag). The claim is what makes a concurrent
// writer fail before it writes a single row, so two writers never share row keys.
public sealed class FormStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Forms, cancellationToken);

    public async Task<FormState?> GetAsync(string unitCode, string periodCode, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<FormEntity>(unitCode, periodCode, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToState() : null;
    }

    /// Every form of a unit for the periods of one year ("2024", "2024-Q1", "2024-M03"...): one query inside the
    /// unit's partition, the row keys that start with the year. Plan periods ("2024-2028") are left out.
    public async Task<IReadOnlyList<FormState>> GetYearAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = (year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture) + ".");
        var result = new List<FormState>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<FormEntity>(
            e => e.PartitionKey == unitCode && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
            if (Period.TryParseCode(e.RowKey, out var p) && p.Kind != PeriodKind.PlanPeriod && p.Year == year)
                result.Add(e.ToState());
        return result;
    }

    /// Claims the next version. Throws RequestFailedException 412 (changed since read) or 409 (created since read).
    public async Task<FormState> ClaimAsync(FormState form, string by, CancellationToken cancellationToken = default)
    {
        var claimed = form with { PendingVersion = form.CurrentVersion + 1, PendingSince = DateTimeOffset.UtcNow, UpdatedBy = by };
        return await SaveAsync(form, claimed, cancellationToken);
    }

    /// Makes the claimed version the one readers see.
    public async Task<FormState> CommitAsync(FormState claimed, CancellationToken cancellationToken = default)
    {
        var committed = claimed with
        {
            CurrentVersion = claimed.PendingVersion ?? throw new InvalidOperationException("Nothing claimed."),
            PendingVersion = null, PendingSince = null, UpdatedAt = DateTimeOffset.UtcNow,
        };
        return await SaveAsync(claimed, committed, cancellationToken);
    }

    /// Changes the review status, with the ETag the caller read.
    public Task<FormState> SetStatusAsync(FormState form, FormStatus status, string by, CancellationToken cancellationToken = default) =>
        SaveAsync(form, form with { Status = status, UpdatedBy = by, UpdatedAt = DateTimeOffset.UtcNow }, cancellationToken);

    private async Task<FormState> SaveAsync(FormState read, FormState next, CancellationToken cancellationToken)
    {
        var entity = FormEntity.From(next);
        var response = read.Exists
            ? await (await TableAsync(cancellationToken)).UpdateEntityAsync(entity, read.Version, TableUpdateMode.Replace, cancellationToken)
            : await (await TableAsync(cancellationToken)).AddEntityAsync(entity, cancellationToken);
        return next with { Version = response.Headers.ETag ?? throw new InvalidOperationException("The table returned no ETag.") };
    }

    private sealed class FormEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public int CurrentVersion { get; set; }
        public string Status { get; set; } = nameof(FormStatus.Draft);
        public string? UpdatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public int? PendingVersion { get; set; }
        public DateTimeOffset? PendingSince { get; set; }

        public FormState ToState() => new(PartitionKey, RowKey, CurrentVersion, Enum.Parse<FormStatus>(Status), UpdatedBy, UpdatedAt,
            PendingVersion, PendingSince, ETag);

        public static FormEntity From(FormState s) => new()
        {
            PartitionKey = s.UnitCode, RowKey = s.PeriodCode, CurrentVersion = s.CurrentVersion, Status = s.Status.ToString(),
            UpdatedBy = s.UpdatedBy, UpdatedAt = s.UpdatedAt, PendingVersion = s.PendingVersion, PendingSince = s.PendingSince,
        };
    }
}
