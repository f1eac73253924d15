using System.Text.Json.Serialization;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Input;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Submissions;

/// One reported figure. For percentages, rates and ratios the numerator and denominator travel with it.
public sealed record ValueRow(
    string? IndicatorCode,
    [property: JsonConverter(typeof(ReportedNumberConverter))] decimal? Value,
    [property: JsonConverter(typeof(ReportedNumberConverter))] decimal? Numerator = null,
    [property: JsonConverter(typeof(ReportedNumberConverter))] decimal? Denominator = null,
    string? Note = null);

public sealed record SubmissionRequest(IReadOnlyList<ValueRow>? Values);

/// A rejected row or a warning. <see cref="Row"/> is the 0-based index in the submitted "values" array
/// (null when the finding concerns the form as a whole), <see cref="Field"/> the member at fault.
public sealed record RowIssue(int? Row, string? IndicatorCode, string Field, string MessageVi, string MessageEn);

/// What a submission did (or, for a dry run, would do). Counts: a new indicator is imported, a changed one
/// updated, an identical one ignored, a held one cleared (a row with no value, no parts and no note) removed. A rejected
/// batch writes nothing, so it counts nothing imported, updated or removed.
public sealed record ImportSummary(
    bool DryRun,
    int Imported,
    int Updated,
    int Ignored,
    IReadOnlyList<RowIssue> Rejected,
    IReadOnlyList<RowIssue> Warnings,
    int Version,
    string Etag,
    int Removed = 0);

/// A rejected import (422) as written on the wire: a ProblemDetails (Vietnamese title and detail, English in
/// "en") carrying the import summary's fields as extensions, under the summary's own names so a client reads
/// a rejected batch and an accepted one alike. A refused upload file also names its reason in "problem".
/// The OpenAPI document describes the 422 with this shape.
public sealed record ImportRejection(
    string Type, string Title, int Status, string Detail, string En,
    bool DryRun, int Imported, int Updated, int Ignored, IReadOnlyList<RowIssue> Rejected, IReadOnlyList<RowIssue> Warnings, int Version, string Etag,
    string? Problem = null)
{
    /// Rows were refused: nothing was written, so nothing counts as imported or updated whatever the batch held.
    public static ProblemHttpResult Of(ImportSummary summary)
    {
        var count = summary.Rejected.Count;
        return Of(summary, "Số liệu không được chấp nhận", $"{count} dòng bị từ chối (xem 'rejected'); không có số liệu nào được ghi.",
            $"{count} row(s) were rejected (see 'rejected'); nothing was written.");
    }

    /// A file refused as a whole (not a workbook, another unit's form...): one finding on "file", no row.
    public static ProblemHttpResult OfFile(bool dryRun, int version, string etag, string problem, string messageVi, string messageEn) =>
        Of(new ImportSummary(dryRun, 0, 0, 0, [new RowIssue(null, null, "file", messageVi, messageEn)], [], version, etag),
            "Tệp không được chấp nhận", messageVi, messageEn, problem);

    private static ProblemHttpResult Of(ImportSummary summary, string titleVi, string detailVi, string en, string? problem = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["dryRun"] = summary.DryRun, ["imported"] = 0, ["updated"] = 0, ["ignored"] = summary.Ignored,
            ["rejected"] = summary.Rejected, ["warnings"] = summary.Warnings, ["version"] = summary.Version, ["etag"] = summary.Etag,
        };
        if (problem is not null) extensions["problem"] = problem;
        return Problems.Of(StatusCodes.Status422UnprocessableEntity, titleVi, detailVi, en, extensions);
    }
}

/// A unit's form for a period as readers see it: only the committed version.
public sealed record FormValues(string UnitCode, string Period, int Version, string Etag, FormStatus Status, IReadOnlyList<ValueRow> Values);
