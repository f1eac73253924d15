using System.Globalization;
using Azure;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

public enum WriteOutcome { Written, Busy, Stale }

/// What became of a write; <see cref="Form"/> is the form after it (or as last read when refused).
public sealed record WriteResult(WriteOutcome Outcome, FormState Form);

/// Writes a validated batch as the form's next version: claim version n+1 with the form's ETag, write
/// every row of n+1, commit the form to n+1, audit each changed value, then delete versions before n.
/// Every way figures reach storage (the values API, uploaded workbooks) goes through here.
public sealed class FormWriter(FormStore forms, ValueStore values, AuditStore audit, ILogger<FormWriter> log)
{
    // A claim older than this belongs to a writer that died between claiming and committing.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public async Task<WriteResult> WriteAsync(FormState form, Period period, ValidatedBatch batch, IReadOnlyList<Observation> current,
        string user, string? from, CancellationToken cancellationToken = default)
    {
        if (form.PendingVersion is not null && form.PendingSince > DateTimeOffset.UtcNow - ClaimLease)
            return new(WriteOutcome.Busy, form);
        FormState claimed, committed;
        try
        {
            claimed = await forms.ClaimAsync(form, user, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return new(WriteOutcome.Stale, await forms.GetAsync(form.UnitCode, form.PeriodCode, cancellationToken) ?? form);
        }
        await values.WriteAsync(form.UnitCode, period, claimed.PendingVersion!.Value, batch.Merged, cancellationToken);
        try
        {
            committed = await forms.CommitAsync(claimed, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Only a writer that took over an expired claim gets here; the rows at this version are now its own.
            return new(WriteOutcome.Stale, await forms.GetAsync(form.UnitCode, form.PeriodCode, cancellationToken) ?? form);
        }

        await audit.AppendAsync(AuditEntries(batch, current, user, form.UnitCode, period, from), cancellationToken);
        try
        {
            await values.DeleteVersionsBeforeAsync(form.UnitCode, period, committed.CurrentVersion - 1, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // Old versions are invisible to readers; leaving them costs storage, not correctness.
            log.LogWarning(e, "Could not delete old versions of {Unit} {Period}", form.UnitCode, period.Code);
        }
        return new(WriteOutcome.Written, committed);
    }

    private static List<AuditEntry> AuditEntries(ValidatedBatch batch, IReadOnlyList<Observation> before, string user, string unit, Period p, string? from)
    {
        var old = before.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var at = DateTimeOffset.UtcNow;
        return batch.Incoming
            .Where(o => !old.TryGetValue(o.IndicatorCode, out var was) || was != o)
            .Select(o => new AuditEntry(at, user, old.ContainsKey(o.IndicatorCode) ? AuditAction.ValueChanged : AuditAction.ValueAdded, unit, p.Code,
                o.IndicatorCode, old.TryGetValue(o.IndicatorCode, out var was) ? Describe(was) : null, Describe(o), from))
            .Concat(batch.RemovedCodes.Select(code => new AuditEntry(at, user, AuditAction.ValueRemoved, unit, p.Code, code, Describe(old[code]), null, from)))
            .ToList();
    }

    private static string Describe(Observation o)
    {
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = N(o.Value);
        if (o.Numerator is not null || o.Denominator is not null) text += $" ({N(o.Numerator)}/{N(o.Denominator)})";
        return o.Note is null ? text : $"{text} [{o.Note}]";
    }
}
