using Azure;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

public enum WriteOutcome { Written, Busy, Stale }

/// What became of a write; <see cref="Form"/> is the form after it (or as last read when refused).
public sealed record WriteResult(WriteOutcome Outcome, FormState Form)
{
    /// When busy: how long until the other writer's claim lapses, for Retry-After.
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}

/// Writes a validated batch as the form's next version. The protocol, in storage calls:
/// 1. claim the next version and write its values: the version's claim row holds them (the whole catalog), alone or in
///    one transaction with the version's next rows (refused whole when another writer holds the number), then 32 rows
///    per transaction;
/// 2. commit the pointer with the ETag the form was read with (the same read the workflow was checked on): any change
///    since (an approval, a return, another writer's commit) refuses the commit, and the version's rows are deleted;
///    the commit records how many audit rows it writes;
/// 3. write the audit entries under keys of the commit (the next writer checks that the last of them exists and
///    writes them again if its writer died first) and, at the same time, delete the versions before the one replaced
///    (best effort; readers never see them).
/// The committed rows are kept in this instance's memory (<see cref="KeptVersions"/>), so its next reads of
/// that version (the next submission's checks, a consolidation) need no query.
/// Once its rows are on their way, the write runs to its end even if the client goes away. A version claimed more
/// than <see cref="ClaimLease"/> ago and never committed belongs to a writer that died: the next writer claims the
/// number after it, and deletes it once committed. Every way figures reach storage goes through here.
public sealed class FormWriter(FormStore forms, ValueStore values, CommitAudit audit, TimeProvider clock, ILogger<FormWriter> log)
{
    /// Long enough for the largest batch (a dozen transactions) to be written; short enough that a dead writer
    /// holds a form for seconds, not minutes.
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    // Numbers tried (dead writers' versions passed over) before a writer gives up and answers busy.
    private const int MostAttempts = 4;

    /// True while a claim on the form entity itself (as writers once made them) is within its lease.
    public bool IsBusy(FormState form) => form.PendingVersion is not null && form.PendingSince > clock.GetUtcNow() - ClaimLease;

    /// Completes the audit of the last commit when its writer died before writing it all (or is about to): the
    /// entries are written again under the same keys, so doing it twice is harmless, and a new commit never
    /// replaces a commit whose entries may be missing. Returns the form as saved.
    public Task<FormState> RecoverAsync(FormState form, Period period, CancellationToken cancellationToken) =>
        audit.RecoverAsync(form, period, cancellationToken);

    public async Task<WriteResult> WriteAsync(FormState form, Period period, ValidatedBatch batch, IReadOnlyList<Core.Observations.Observation> current,
        string user, string? from, CancellationToken cancellationToken = default)
    {
        if (IsBusy(form)) return Busy(form, form.PendingSince);
        cancellationToken.ThrowIfCancellationRequested();
        // From here on, the write is finished whatever the client does: stopping half-way (even while the first
        // transaction's answer is on its way back) is what would leave a version behind.
        var work = CancellationToken.None;
        // Whole milliseconds: the audit's keys are made from this time, and a later writer makes them again from the
        // time stored with the commit.
        var ticks = clock.GetUtcNow().UtcTicks;
        var at = new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var claim = new VersionClaim(Guid.NewGuid().ToString("N"), user, at);
        var auditRows = CommitAudit.RowsOf(form.UnitCode, period, at, user, from, current, batch.Merged);

        // A claim on the form entity that lapsed: its rows go, and its number is never used again.
        if (form.PendingVersion is { } abandoned) await values.DeleteVersionAsync(form.UnitCode, period, abandoned, work);
        var version = Math.Max(form.CurrentVersion, form.PendingVersion ?? 0) + 1;
        var passedOver = new List<int>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await values.WriteAsync(form.UnitCode, period, version, batch.Merged, claim, work);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Nothing of this write was stored: the number is another writer's, at work or dead (or deleted since).
                var other = await values.ClaimOfAsync(form.UnitCode, period, version, work);
                if (attempt == MostAttempts || other is not null && other.At > clock.GetUtcNow() - ClaimLease) return Busy(form, other?.At);
                if (other is not null) passedOver.Add(version++);
            }
            catch (Exception)
            {
                await DeleteOwnAsync(form.UnitCode, period, version, claim);
                throw;
            }
        }

        FormState committed;
        try
        {
            committed = await forms.CommitAsync(form, version, user, at, from, batch.Merged.Count, auditRows.Count, work);
        }
        catch (Exception e)
        {
            // Refused (an approval, a return or another commit came after the read), or its answer was lost: the form
            // as it is now tells which.
            var now = await TryGetAsync(form);
            if (now is { } landed && landed.CurrentVersion == version && landed.UpdatedAt == at) committed = landed;
            else
            {
                await DeleteOwnAsync(form.UnitCode, period, version, claim);
                if (e is RequestFailedException { Status: 409 or 412 }) return new(WriteOutcome.Stale, now ?? form);
                throw;
            }
        }
        values.KeepCommitted(form.UnitCode, period, version, batch.Merged);

        // The audit and the clean-up touch different rows: they run at once.
        await Task.WhenAll(audit.WriteAsync(committed, period, auditRows, work), DeleteReplacedAsync(form, period, passedOver));
        return new(WriteOutcome.Written, committed);
    }

    // Busy until the other writer's claim lapses: at least a second, so a client does not retry at once.
    private WriteResult Busy(FormState form, DateTimeOffset? claimedAt)
    {
        var left = claimedAt is { } since ? since + ClaimLease - clock.GetUtcNow() : TimeSpan.Zero;
        return new(WriteOutcome.Busy, form) { RetryAfter = left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1) };
    }

    private async Task<FormState?> TryGetAsync(FormState form)
    {
        try
        {
            return await forms.GetAsync(form.UnitCode, form.PeriodCode, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }

    // Deletes the rows of a version this writer claimed and never committed, when its claim row says it is this
    // writer's: a write whose first transaction never landed stored nothing, and the number may be another writer's
    // by now. When storage is down this fails too; the claim then lapses, and the next writer passes over the version
    // and deletes it.
    private async Task DeleteOwnAsync(string unitCode, Period period, int version, VersionClaim claim)
    {
        try
        {
            if ((await values.ClaimOfAsync(unitCode, period, version, CancellationToken.None))?.Id == claim.Id)
                await values.DeleteVersionAsync(unitCode, period, version, CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            log.LogWarning(e, "Could not delete the uncommitted version {Version} of {Unit} {Period}", version, unitCode, period.Code);
        }
    }

    // Deletes the versions before the one just replaced (which stays: the audit's baseline) and those of dead writers
    // this one passed over.
    private async Task DeleteReplacedAsync(FormState replaced, Period period, IReadOnlyList<int> passedOver)
    {
        try
        {
            // Version numbers start at 1: when version 1 was replaced, nothing older exists.
            if (replaced.CurrentVersion > 1) await values.DeleteVersionsBeforeAsync(replaced.UnitCode, period, replaced.CurrentVersion, CancellationToken.None);
            foreach (var version in passedOver) await values.DeleteVersionAsync(replaced.UnitCode, period, version, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            // Old versions are invisible to readers; leaving them costs storage, not correctness.
            log.LogWarning(e, "Could not delete old versions of {Unit} {Period}", replaced.UnitCode, period.Code);
        }
    }
}
