using System.Text.Json.Serialization;
using HealthFuncs.Functions.Input;
using HealthFuncs.Functions.Storage;

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

/// What a submission did (or, for a dry run or a rejected batch, would do). Counts: a new indicator is
/// imported, a changed one updated, an identical one ignored.
public sealed record ImportSummary(
    bool DryRun,
    int Imported,
    int Updated,
    int Ignored,
    IReadOnlyList<RowIssue> Rejected,
    IReadOnlyList<RowIssue> Warnings,
    int Version,
    string Etag);

/// A unit's form for a period as readers see it: only the committed version.
public sealed record FormValues(string UnitCode, string Period, int Version, string Etag, FormStatus Status, IReadOnlyList<ValueRow> Values);
