using System.Globalization;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

/// The audit entries of one commit: every value of the committed version that differs from the version it
/// replaced. They are derived from the two stored versions alone, so a writer that dies after its commit
/// leaves the next writer able to write exactly the same entries (under the same keys) again.
public sealed class CommitAudit(FormStore forms, ValueStore values, AuditStore audit, ILogger<CommitAudit> log)
{
    /// Writes the entries of <paramref name="committed"/>'s commit and clears its pending mark.
    public async Task<FormState> WriteAsync(FormState committed, Period period, IReadOnlyList<Observation> before, IReadOnlyList<Observation> after,
        CancellationToken cancellationToken)
    {
        await audit.AppendOnceAsync(Entries(committed, period, before, after), $"{period.Code}|v{committed.CurrentVersion}", cancellationToken);
        try
        {
            return await forms.AuditedAsync(committed, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The form moved on meanwhile; the mark stays, and writing the same entries again is harmless.
            log.LogInformation("Audit mark of {Unit} {Period} v{Version} left for the next writer", committed.UnitCode, period.Code, committed.CurrentVersion);
            return committed;
        }
    }

    /// Writes the audit of a commit whose writer died before confirming it: reads both versions again.
    public async Task<FormState> RecoverAsync(FormState form, Period period, CancellationToken cancellationToken)
    {
        log.LogWarning("Recovering the audit of {Unit} {Period} v{Version}", form.UnitCode, period.Code, form.CurrentVersion);
        var before = await values.ReadAsync(form.UnitCode, period, form.BaseVersion, cancellationToken);
        var after = await values.ReadAsync(form.UnitCode, period, form.CurrentVersion, cancellationToken);
        return await WriteAsync(form, period, before, after, cancellationToken);
    }

    private static List<AuditEntry> Entries(FormState form, Period period, IReadOnlyList<Observation> before, IReadOnlyList<Observation> after)
    {
        var old = before.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var kept = after.Select(o => o.IndicatorCode).ToHashSet(StringComparer.Ordinal);
        var at = form.UpdatedAt ?? DateTimeOffset.UnixEpoch;
        var changed = after
            .Where(o => !old.TryGetValue(o.IndicatorCode, out var was) || was != o)
            .Select(o => new AuditEntry(at, form.UpdatedBy ?? "", old.ContainsKey(o.IndicatorCode) ? AuditAction.ValueChanged : AuditAction.ValueAdded,
                form.UnitCode, period.Code, o.IndicatorCode, old.TryGetValue(o.IndicatorCode, out var was) ? Describe(was) : null, Describe(o), form.UpdatedFrom));
        // A value in the version replaced and not in the new one was removed (a cell emptied and sent).
        var removed = before.Where(o => !kept.Contains(o.IndicatorCode))
            .Select(o => new AuditEntry(at, form.UpdatedBy ?? "", AuditAction.ValueRemoved, form.UnitCode, period.Code, o.IndicatorCode,
                Describe(o), null, form.UpdatedFrom));
        return [.. changed.Concat(removed).OrderBy(e => e.IndicatorCode, StringComparer.Ordinal)];
    }

    private static string Describe(Observation o)
    {
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = N(o.Value);
        if (o.Numerator is not null || o.Denominator is not null) text += $" ({N(o.Numerator)}/{N(o.Denominator)})";
        return o.Note is null ? text : $"{text} [{o.Note}]";
    }
}
