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
    /// The audit rows of a commit at <paramref name="at"/> by <paramref name="user"/> from <paramref name="from"/> that
    /// replaces <paramref name="before"/> with <paramref name="after"/>: made once, counted in the commit, then written.
    public static IReadOnlyList<CommitRow> RowsOf(string unitCode, Period period, DateTimeOffset at, string user, string? from,
        IReadOnlyList<Observation> before, IReadOnlyList<Observation> after) =>
        [.. CommitRows.Of(EntriesOf(unitCode, period, at, user, from, before, after))];

    private static IReadOnlyList<AuditEntry> EntriesOf(string unitCode, Period period, DateTimeOffset at, string user, string? from,
        IReadOnlyList<Observation> before, IReadOnlyList<Observation> after)
    {
        var old = before.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var kept = after.Select(o => o.IndicatorCode).ToHashSet(StringComparer.Ordinal);
        var changed = after
            .Where(o => !old.TryGetValue(o.IndicatorCode, out var was) || was != o)
            .Select(o => new AuditEntry(at, user, old.ContainsKey(o.IndicatorCode) ? AuditAction.ValueChanged : AuditAction.ValueAdded,
                unitCode, period.Code, o.IndicatorCode, old.TryGetValue(o.IndicatorCode, out var was) ? Describe(was) : null, Describe(o), from));
        // A value in the version replaced and not in the new one was removed (a cell emptied and sent).
        var removed = before.Where(o => !kept.Contains(o.IndicatorCode))
            .Select(o => new AuditEntry(at, user, AuditAction.ValueRemoved, unitCode, period.Code, o.IndicatorCode, Describe(o), null, from));
        return [.. changed.Concat(removed).OrderBy(e => e.IndicatorCode, StringComparer.Ordinal)];
    }

    /// Writes the audit rows of <paramref name="committed"/>'s commit under keys of the commit.
    public Task WriteAsync(FormState committed, Period period, IReadOnlyList<CommitRow> rows, CancellationToken cancellationToken) =>
        audit.AppendCommitAsync(committed.UnitCode, rows, CommitId(period, committed.CurrentVersion), cancellationToken);

    /// Writes the audit of the form's last commit again when its writer died before writing all of it: the last of
    /// its rows is missing (one point read), or the form carries the pending mark commits used to set. The entries
    /// come from the two stored versions, under the same keys, so writing them twice is harmless.
    public async Task<FormState> RecoverAsync(FormState form, Period period, CancellationToken cancellationToken)
    {
        if (!form.AuditPending && (form.AuditRows == 0 || form.UpdatedAt is not { } at
            || await audit.HasCommitRowAsync(form.UnitCode, at, CommitId(period, form.CurrentVersion), form.AuditRows - 1, cancellationToken)))
            return form;
        log.LogWarning("Recovering the audit of {Unit} {Period} v{Version}", form.UnitCode, period.Code, form.CurrentVersion);
        var before = await values.ReadAsync(form.UnitCode, period, form.BaseVersion, cancellationToken: cancellationToken);
        var after = await values.ReadAsync(form.UnitCode, period, form.CurrentVersion, form.CurrentRows, cancellationToken);
        await WriteAsync(form, period, RowsOf(form.UnitCode, period, form.UpdatedAt ?? DateTimeOffset.UnixEpoch, form.UpdatedBy ?? "", form.UpdatedFrom,
            before, after), cancellationToken);
        if (!form.AuditPending) return form;
        try
        {
            return await forms.AuditedAsync(form, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The form moved on meanwhile; the mark stays, and writing the same entries again is harmless.
            log.LogInformation("Audit mark of {Unit} {Period} v{Version} left for the next writer", form.UnitCode, period.Code, form.CurrentVersion);
            return form;
        }
    }

    private static string CommitId(Period period, int version) => $"{period.Code}|v{version.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(Observation o)
    {
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = N(o.Value);
        if (o.Numerator is not null || o.Denominator is not null) text += $" ({N(o.Numerator)}/{N(o.Denominator)})";
        return o.Note is null ? text : $"{text} [{o.Note}]";
    }
}
