using Azure;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;

namespace HealthFuncs.Functions.Reports;

/// What became of an uploaded workbook's rows: the summary, and whether they were written.
public enum UploadOutcome { Written, Unchanged, Rejected, NeedsIfMatch, Stale, Busy, Closed }

/// <summary>
/// Writes an upload's rows the way the values API writes a batch: the same validation, a claim of the next
/// version against the version the form was generated from (or the If-Match sent), then commit. A form
/// generated before someone else's change is refused as stale, never merged over it.
/// </summary>
public sealed class UploadSubmission(IndicatorStore indicators, FormStore forms, ValueStore values, CommittedValues committed, AuditStore audit)
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public async Task<(UploadOutcome Outcome, ImportSummary Summary, FormState Form)> WriteAsync(
        string unit, Period period, WorkbookImport read, string? expectedEtag, string user, bool dryRun, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(unit, period.Code, cancellationToken) ?? FormState.New(unit, period.Code);
        ImportSummary Summary(ValidatedBatch? batch, IReadOnlyList<RowIssue> rejected, int version) =>
            new(dryRun, batch?.Imported ?? 0, batch?.Updated ?? 0, (batch?.Ignored ?? 0) + read.Ignored, rejected, batch?.Warnings ?? [], version, Etags.Of(version));

        var readIssues = read.Rejected.Select(r => new RowIssue(r.Row, r.IndicatorCode, r.Field, r.MessageVi, r.MessageEn)).ToList();
        if (readIssues.Count > 0) return (UploadOutcome.Rejected, Summary(null, readIssues, form.CurrentVersion), form);
        if (form.Exists && string.IsNullOrEmpty(expectedEtag)) return (UploadOutcome.NeedsIfMatch, Summary(null, [], form.CurrentVersion), form);
        if (form.Exists && expectedEtag != "*" && expectedEtag != form.Etag) return (UploadOutcome.Stale, Summary(null, [], form.CurrentVersion), form);
        if (form.Status is FormStatus.Approved or FormStatus.Locked) return (UploadOutcome.Closed, Summary(null, [], form.CurrentVersion), form);

        var catalog = await indicators.GetAllAsync(cancellationToken);
        var current = await values.ReadAsync(unit, period, form.CurrentVersion, cancellationToken);
        var history = new List<Observation>();
        for (var back = period.SamePeriodLastYear(); back.Year >= period.Year - 3; back = back.SamePeriodLastYear())
            history.AddRange(await committed.ReadAsync(unit, back, cancellationToken));
        var rows = read.Observations.Select(o => new ValueRow(o.IndicatorCode, o.Value, o.Numerator, o.Denominator, o.Note)).ToList();
        var year = await committed.ReadYearAsync(unit, period.Year, cancellationToken);
        var batch = BatchValidation.Validate(unit, period, rows, catalog, current, history, year);
        // The batch names rows by their index; the user knows them by sheet row.
        var sheetRows = read.Observations.Select(o => read.Rows?.GetValueOrDefault(o.IndicatorCode)).ToList();
        RowIssue Located(RowIssue issue) => issue.Row is { } i && i < sheetRows.Count && sheetRows[i] is { } sheetRow and > 0
            ? issue with { Row = sheetRow, MessageVi = $"Trang '{read.Sheet}', dòng {sheetRow}: {issue.MessageVi}", MessageEn = $"Sheet '{read.Sheet}', row {sheetRow}: {issue.MessageEn}" }
            : issue;
        batch = batch with { Rejected = batch.Rejected.Select(Located).ToList(), Warnings = batch.Warnings.Select(Located).ToList() };
        if (batch.Rejected.Count > 0) return (UploadOutcome.Rejected, Summary(batch, batch.Rejected, form.CurrentVersion), form);
        if (dryRun || batch.Imported + batch.Updated == 0) return (UploadOutcome.Unchanged, Summary(batch, [], form.CurrentVersion), form);
        if (form.PendingVersion is not null && form.PendingSince > DateTimeOffset.UtcNow - ClaimLease) return (UploadOutcome.Busy, Summary(batch, [], form.CurrentVersion), form);

        FormState done;
        try
        {
            var claimed = await forms.ClaimAsync(form, user, cancellationToken);
            await values.WriteAsync(unit, period, claimed.PendingVersion!.Value, batch.Merged, cancellationToken);
            done = await forms.CommitAsync(claimed, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var now = await forms.GetAsync(unit, period.Code, cancellationToken) ?? form;
            return (UploadOutcome.Stale, Summary(batch, [], now.CurrentVersion), now);
        }
        var old = current.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var at = DateTimeOffset.UtcNow;
        await audit.AppendAsync(batch.Incoming.Where(o => !old.TryGetValue(o.IndicatorCode, out var was) || was != o)
            .Select(o => new AuditEntry(at, user, old.ContainsKey(o.IndicatorCode) ? AuditAction.ValueChanged : AuditAction.ValueAdded, unit, period.Code,
                o.IndicatorCode, old.TryGetValue(o.IndicatorCode, out var was) ? Describe(was) : null, Describe(o), "upload")).ToList(), cancellationToken);
        await values.DeleteVersionsBeforeAsync(unit, period, done.CurrentVersion - 1, cancellationToken);
        return (UploadOutcome.Written, Summary(batch, [], done.CurrentVersion), done);
    }

    private static string Describe(Observation o) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o.Value}{(o.Numerator is null && o.Denominator is null ? "" : $" ({o.Numerator}/{o.Denominator})")}{(o.Note is null ? "" : $" [{o.Note}]")}");
}
