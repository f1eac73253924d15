using HealthFuncs.Core.Checks;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Input;

namespace HealthFuncs.Functions.Submissions;

/// The outcome of validating a batch against the catalog and the form's current values.
/// <see cref="Merged"/> is the complete next version of the form: the current values with the batch applied,
/// without the indicators the batch removed (<see cref="RemovedCodes"/>: rows with no value, no parts and no note).
public sealed record ValidatedBatch(
    IReadOnlyList<Observation> Incoming,
    IReadOnlyList<Observation> Merged,
    IReadOnlyList<RowIssue> Rejected,
    IReadOnlyList<RowIssue> Warnings,
    int Imported,
    int Updated,
    int Ignored,
    IReadOnlyList<string>? RemovedCodes = null)
{
    public IReadOnlyList<string> RemovedCodes { get; init; } = RemovedCodes ?? [];
    public int Removed => RemovedCodes.Count;
}

// Validate's "year": the unit's stored figures of the batch's year, every period, which the period checks
// (a cumulative against its months, a stock against its last month) compare the batch with.
public static class BatchValidation
{
    public const int MaxRows = 5000;
    private const int MaxNoteLength = InputLimits.MaxNoteLength;

    public static ValidatedBatch Validate(
        string unitCode, Period period, IReadOnlyList<ValueRow> rows, IReadOnlyDictionary<string, Indicator> indicators,
        IReadOnlyList<Observation> current, IReadOnlyList<Observation> history, IReadOnlyList<Observation>? year = null)
    {
        var rejected = new List<RowIssue>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var incoming = new List<Observation>();
        var removals = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var code = row.IndicatorCode?.Trim();
            RowIssue? issue = null;
            if (string.IsNullOrEmpty(code))
                issue = new(i, null, "indicatorCode", "Thiếu mã chỉ tiêu.", "The indicator code is missing.");
            else if (code.Length > InputLimits.MaxCodeLength)
                issue = new(i, null, "indicatorCode", $"Mã chỉ tiêu dài quá {InputLimits.MaxCodeLength} ký tự.", $"The indicator code is longer than {InputLimits.MaxCodeLength} characters.");
            else if (!indicators.ContainsKey(code))
                issue = new(i, code, "indicatorCode", $"Không có chỉ tiêu mã '{code}'.", $"There is no indicator with code '{code}'.");
            else if (rowOf.TryGetValue(code, out var first))
                issue = new(i, code, "indicatorCode", $"Chỉ tiêu '{code}' đã có ở dòng {first}.", $"Indicator '{code}' already appears in row {first}.");
            // A correction: a row with no value, no parts and no note removes the figure the form holds.
            // (A note alone still needs its value: an uploaded row with only a note is not a removal.)
            else if (row.Value is null && row.Numerator is null && row.Denominator is null && string.IsNullOrWhiteSpace(row.Note))
            {
                rowOf[code] = i;
                removals.Add(code);
                continue;
            }
            else if (row.Value is null)
                issue = new(i, code, "value", $"Thiếu giá trị của chỉ tiêu '{code}'.", $"The value of indicator '{code}' is missing.");
            else if (OutOfRange(row) is { } range)
                issue = new(i, code, range.Field, range.Vi, range.En);
            else if (row.Note is { Length: > MaxNoteLength })
                issue = new(i, code, "note", $"Ghi chú dài quá {MaxNoteLength} ký tự.", $"The note is longer than {MaxNoteLength} characters.");
            if (issue is not null) { rejected.Add(issue); continue; }
            rowOf[code!] = i;
            incoming.Add(new Observation(unitCode, code!, period, row.Value, row.Numerator, row.Denominator, string.IsNullOrWhiteSpace(row.Note) ? null : row.Note));
        }

        var before = current.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var merged = new Dictionary<string, Observation>(before, StringComparer.Ordinal);
        int imported = 0, updated = 0, ignored = 0;
        foreach (var o in incoming)
        {
            if (!before.TryGetValue(o.IndicatorCode, out var old)) imported++;
            else if (old == o) ignored++;
            else updated++;
            merged[o.IndicatorCode] = o;
        }
        // Removing what the form does not hold changes nothing: it is counted as ignored.
        var removed = removals.Where(merged.Remove).ToList();
        ignored += removals.Count - removed.Count;

        var warnings = new List<RowIssue>();
        // The stored values of this form go in as history: they fill in a breakdown total or part the batch does not resend.
        // The unit's other periods of the year: a cumulative that disagrees with its months is a warning, never a rejection.
        var findings = SubmissionChecks.Check(incoming, indicators, [.. current, .. history]).Concat(PeriodChecks.Of(incoming, indicators, year ?? []));
        foreach (var finding in findings)
        {
            // Row and code name the submitted row to correct; the message names the total when a breakdown is at fault.
            var row = RowFor(finding.IndicatorCode, rowOf, indicators);
            var code = row is { } r ? rows[r].IndicatorCode!.Trim() : finding.IndicatorCode;
            var issue = new RowIssue(row, code, FieldOf(finding.Rule), finding.MessageVi, finding.MessageEn);
            (finding.Severity == CheckSeverity.Error ? rejected : warnings).Add(issue);
        }
        return new ValidatedBatch(incoming, merged.Values.OrderBy(o => o.IndicatorCode, StringComparer.Ordinal).ToList(),
            rejected.OrderBy(r => r.Row ?? int.MaxValue).ToList(), warnings, imported, updated, ignored, removed);
    }

    private static (string Field, string Vi, string En)? OutOfRange(ValueRow row)
    {
        foreach (var (field, number) in new[] { ("value", row.Value), ("numerator", row.Numerator), ("denominator", row.Denominator) })
            if (number is { } n && InputLimits.CheckNumber(n) is { } refusal) return (field, refusal.Vi, refusal.En);
        return null;
    }

    private static string FieldOf(string rule) => rule switch
    {
        CheckRules.UnknownIndicator or CheckRules.Duplicate => "indicatorCode",
        CheckRules.NumeratorAboveDenominator or CheckRules.ZeroDenominator => "denominator",
        _ => "value",
    };

    // A finding about a breakdown's total the batch did not resend belongs to the submitted part that broke it.
    private static int? RowFor(string code, Dictionary<string, int> rowOf, IReadOnlyDictionary<string, Indicator> indicators)
    {
        if (rowOf.TryGetValue(code, out var row)) return row;
        foreach (var (submitted, index) in rowOf)
        {
            if (indicators.TryGetValue(submitted, out var i) && i.ParentCode == code) return index;
            if (indicators.TryGetValue(code, out var c) && c.ParentCode == submitted) return index;
        }
        return null;
    }
}
