using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Workflow;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;

namespace HealthFuncs.Functions.Reports;

/// What became of an uploaded workbook's rows: the summary, and whether they were written.
public enum UploadOutcome { Written, Unchanged, Rejected, NeedsIfMatch, Stale, Busy, Closed }

/// What became of an upload: the summary and the form as it now stands; <see cref="Closed"/> is the workflow's refusal
/// when the workflow closed the form, <see cref="RetryAfter"/> how long to wait when another write was under way.
public sealed record UploadResult(UploadOutcome Outcome, ImportSummary Summary, FormState Form)
{
    public Refusal? Closed { get; init; }
    public TimeSpan RetryAfter { get; init; }
}

/// <summary>
/// Writes an upload's rows the way the values API writes a batch: the same validation, the next version
/// written and committed against the version the form was generated from (or the If-Match sent). A form
/// generated before someone else's change is refused as stale, never merged over it.
/// </summary>
public sealed class UploadSubmission(SubmissionReader reader, FormWriter writer, WorkflowGate workflow)
{
    /// The outcome; for <see cref="UploadOutcome.Closed"/> the workflow's refusal when it is the workflow that closed the form.
    public async Task<UploadResult> WriteAsync(
        string unit, Period period, WorkbookImport read, string? expectedEtag, string user, string? from, bool dryRun, CancellationToken cancellationToken)
    {
        var decided = await DecideAsync(unit, period, read, expectedEtag, user, from, dryRun, cancellationToken);
        return decided.Outcome == UploadOutcome.Closed
            ? decided with { Closed = await workflow.CheckEditAsync(decided.Form, period, CancellationToken.None) }
            : decided;
    }

    private async Task<UploadResult> DecideAsync(
        string unit, Period period, WorkbookImport read, string? expectedEtag, string user, string? from, bool dryRun, CancellationToken cancellationToken)
    {
        var basis = await reader.ReadAsync(unit, period, cancellationToken);
        var form = basis.Form;
        ImportSummary Summary(ValidatedBatch? batch, IReadOnlyList<RowIssue> rejected, int version) =>
            new(dryRun, batch?.Imported ?? 0, batch?.Updated ?? 0, (batch?.Ignored ?? 0) + read.Ignored, rejected, batch?.Warnings ?? [], version, Etags.Of(version));

        var readIssues = read.Rejected.Select(r => new RowIssue(r.Row, r.IndicatorCode, r.Field, r.MessageVi, r.MessageEn)).ToList();
        if (readIssues.Count > 0) return new(UploadOutcome.Rejected, Summary(null, readIssues, form.CurrentVersion), form);
        if (form.Exists && string.IsNullOrEmpty(expectedEtag)) return new(UploadOutcome.NeedsIfMatch, Summary(null, [], form.CurrentVersion), form);
        if (form.Exists && expectedEtag != "*" && expectedEtag != form.Etag) return new(UploadOutcome.Stale, Summary(null, [], form.CurrentVersion), form);
        if (form.Status is FormStatus.Approved or FormStatus.Locked || await workflow.CheckEditAsync(form, period, cancellationToken) is not null)
            return new(UploadOutcome.Closed, Summary(null, [], form.CurrentVersion), form);

        var rows = read.Observations.Select(o => new ValueRow(o.IndicatorCode, o.Value, o.Numerator, o.Denominator, o.Note)).ToList();
        var (batch, current) = await reader.ValidateAsync(basis, rows, cancellationToken);
        // The batch names rows by their index; the user knows them by sheet row.
        var sheetRows = read.Observations.Select(o => read.Rows?.GetValueOrDefault(o.IndicatorCode)).ToList();
        RowIssue Located(RowIssue issue) => issue.Row is { } i && i < sheetRows.Count && sheetRows[i] is { } sheetRow and > 0
            ? issue with { Row = sheetRow, MessageVi = $"Trang '{read.Sheet}', dòng {sheetRow}: {issue.MessageVi}", MessageEn = $"Sheet '{read.Sheet}', row {sheetRow}: {issue.MessageEn}" }
            : issue;
        batch = batch with { Rejected = batch.Rejected.Select(Located).ToList(), Warnings = batch.Warnings.Select(Located).ToList() };
        if (batch.Rejected.Count > 0) return new(UploadOutcome.Rejected, Summary(batch, batch.Rejected, form.CurrentVersion), form);
        if (dryRun || batch.Imported + batch.Updated == 0) return new(UploadOutcome.Unchanged, Summary(batch, [], form.CurrentVersion), form);
        var written = await writer.WriteAsync(form, period, batch, current, user, from, cancellationToken);
        var closed = written.Outcome == WriteOutcome.Stale && await workflow.CheckEditAsync(written.Form, period, CancellationToken.None) is not null;
        return written.Outcome switch
        {
            WriteOutcome.Written => new(UploadOutcome.Written, Summary(batch, [], written.Form.CurrentVersion), written.Form),
            WriteOutcome.Busy => new(UploadOutcome.Busy, Summary(batch, [], form.CurrentVersion), form) { RetryAfter = written.RetryAfter },
            _ => new(closed ? UploadOutcome.Closed : UploadOutcome.Stale, Summary(batch, [], written.Form.CurrentVersion), written.Form),
        };
    }
}
