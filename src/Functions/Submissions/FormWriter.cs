using Azure;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

public enum WriteOutcome { Written, Busy, Stale }

/// What became of a write; <see cref="Form"/> is the form after it (or as last read when refused).
public sealed record WriteResult(WriteOutcome Outcome, FormState Form);

/// Writes a validated batch as the form's next version. The protocol, in storage calls:
/// 1. claim the next version on the form entity with the ETag read (the same read the workflow was checked on);
/// 2. write every row of that version, one transaction per 100 rows;
/// 3. commit the pointer with the claim's ETag: any change since the claim (an approval, a return, another
///    writer's takeover) refuses the commit, and the claim is given back and its rows deleted; the commit records
///    how many audit rows it writes;
/// 4. write the audit entries under keys of the commit (the next writer checks that the last of them exists and
///    writes them again if its writer died first) and, at the same time, delete the versions before the one replaced
///    (best effort; readers never see them).
/// The committed rows are kept in this instance's memory (<see cref="KeptVersions"/>), so its next reads of
/// that version (the next submission's checks, a consolidation) need no query.
/// Once claimed, the write runs to its end even if the client goes away, so a dropped connection never
/// leaves a claim behind. A claim older than <see cref="ClaimLease"/> belongs to a writer that died: the
/// next writer claims past it and deletes its rows. Every way figures reach storage goes through here.
public sealed class FormWriter(FormStore forms, ValueStore values, CommitAudit audit, TimeProvider clock, ILogger<FormWriter> log)
{
    /// Long enough for the largest batch (50 transactions) to be written; short enough that a dead writer
    /// holds a form for seconds, not minutes.
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    /// True while another writer's claim on <paramref name="form"/> is still within its lease.
    public bool IsBusy(FormState form) => form.PendingVersion is not null && form.PendingSince > clock.GetUtcNow() - ClaimLease;

    /// How long until the claim on <paramref name="form"/> lapses, for Retry-After.
    public TimeSpan BusyFor(FormState form) =>
        form.PendingSince is { } since ? Max(since + ClaimLease - clock.GetUtcNow(), TimeSpan.FromSeconds(1)) : TimeSpan.FromSeconds(1);

    /// Completes the audit of the last commit when its writer died before writing it all (or is about to): the
    /// entries are written again under the same keys, so doing it twice is harmless, and a new commit never
    /// replaces a commit whose entries may be missing. Returns the form as saved.
    public Task<FormState> RecoverAsync(FormState form, Period period, CancellationToken cancellationToken) =>
        audit.RecoverAsync(form, period, cancellationToken);

    public async Task<WriteResult> WriteAsync(FormState form, Period period, ValidatedBatch batch, IReadOnlyList<Core.Observations.Observation> current,
        string user, string? from, CancellationToken cancellationToken = default)
    {
        if (IsBusy(form)) return new(WriteOutcome.Busy, form);
        cancellationToken.ThrowIfCancellationRequested();
        // From the claim on, the write is finished whatever the client does: stopping half-way (even while the
        // claim's own answer is on its way back) is what would leave a form blocked.
        var work = CancellationToken.None;
        FormState claimed, committed;
        var claim = forms.ClaimAsync(form, user, clock.GetUtcNow(), work);
        // The audit rows are made while the claim is on its way. Whole milliseconds: the audit's keys are made from
        // this time, and a later writer makes them again from the time stored with the commit.
        var ticks = clock.GetUtcNow().UtcTicks;
        var at = new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var auditRows = CommitAudit.RowsOf(form.UnitCode, period, at, user, from, current, batch.Merged);
        try
        {
            claimed = await claim;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return new(WriteOutcome.Stale, await forms.GetAsync(form.UnitCode, form.PeriodCode, work) ?? form);
        }

        var version = claimed.PendingVersion!.Value;
        try
        {
            if (form.PendingVersion is { } abandoned)
                await values.DeleteVersionAsync(form.UnitCode, period, abandoned, work);
            await values.WriteAsync(form.UnitCode, period, version, batch.Merged, work);
            committed = await forms.CommitAsync(claimed, at, from, batch.Merged.Count, auditRows.Count, work);
            values.KeepCommitted(form.UnitCode, period, version, batch.Merged);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // An approval, a return or a takeover came after the claim: this version never becomes visible.
            var now = await RollBackAsync(claimed, period);
            return new(WriteOutcome.Stale, now ?? form);
        }
        catch (Exception)
        {
            await RollBackAsync(claimed, period);
            throw;
        }

        // The audit and the clean-up touch different rows: they run at once.
        await Task.WhenAll(audit.WriteAsync(committed, period, auditRows, work), DeleteReplacedAsync(form, period));
        return new(WriteOutcome.Written, committed);
    }

    // Deletes the versions before the one just replaced (which stays: the audit's baseline).
    private async Task DeleteReplacedAsync(FormState replaced, Period period)
    {
        // Version numbers start at 1: when version 1 was replaced, nothing older exists.
        if (replaced.CurrentVersion <= 1) return;
        try
        {
            await values.DeleteVersionsBeforeAsync(replaced.UnitCode, period, replaced.CurrentVersion, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            // Old versions are invisible to readers; leaving them costs storage, not correctness.
            log.LogWarning(e, "Could not delete old versions of {Unit} {Period}", replaced.UnitCode, period.Code);
        }
    }

    // Gives the claim back when it is still this writer's, and deletes its rows. When storage is down this
    // fails too; the claim then lapses with its lease and the next writer deletes the rows.
    private async Task<FormState?> RollBackAsync(FormState claimed, Period period)
    {
        try
        {
            // Rows first: a claim given back while its rows remain would let the next claim reuse the number.
            await values.DeleteVersionAsync(claimed.UnitCode, period, claimed.PendingVersion!.Value, CancellationToken.None);
            var now = await forms.GetAsync(claimed.UnitCode, claimed.PeriodCode, CancellationToken.None);
            if (now is not null && now.PendingVersion == claimed.PendingVersion && now.PendingSince == claimed.PendingSince)
                now = await forms.ReleaseAsync(now, CancellationToken.None);
            return now;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or OperationCanceledException)
        {
            log.LogWarning(e, "Could not roll back the claim on {Unit} {Period}", claimed.UnitCode, period.Code);
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
