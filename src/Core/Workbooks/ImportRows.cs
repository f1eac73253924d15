using System.Globalization;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Numbers;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Turns the cells of one matched row into an observation, or into rejections naming the sheet and cell.
/// It checks only what a cell alone can tell (a number, whole for counts and levels, not negative, a percentage
/// within 0-100 unless allowed, a positive denominator); the checks across rows and history belong to the values API.
/// </summary>
public sealed class ImportRows(UploadTarget target, string sheet)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Observations read so far.</summary>
    public List<Observation> Observations { get; } = [];
    /// <summary>Rows rejected so far.</summary>
    public List<RejectedRow> Rejected { get; } = [];
    /// <summary>The sheet row each observation came from, by indicator code.</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);
    /// <summary>The sheet's name.</summary>
    public string Sheet => sheet;
    /// <summary>Matched rows left empty.</summary>
    public int Ignored { get; private set; }

    /// <summary>The cell columns of a row: value, numerator, denominator, note (0 when the table has none).</summary>
    public readonly record struct Columns(uint Value, uint Numerator, uint Denominator, uint Note);

    /// <summary>Reads one row matched to <paramref name="indicator"/>.</summary>
    public void Add(Indicator indicator, SheetRow row, Columns columns)
    {
        var value = columns.Value > 0 ? row.At(columns.Value) : null;
        var numerator = columns.Numerator > 0 ? row.At(columns.Numerator) : null;
        var denominator = columns.Denominator > 0 ? row.At(columns.Denominator) : null;
        var note = columns.Note > 0 ? row.At(columns.Note)?.Text.Trim() : null;
        if (value is null && numerator is null && denominator is null && string.IsNullOrEmpty(note)) { Ignored++; return; }
        if (!_seen.Add(indicator.Code))
        {
            Reject(row.Index, indicator.Code, "indicator", columns.Value,
                $"chỉ tiêu {indicator.Code} đã có ở dòng trên.", $"indicator {indicator.Code} already appears on an earlier row.");
            return;
        }
        var before = Rejected.Count;
        var v = Number(indicator, row.Index, "value", columns.Value, value);
        var n = Number(indicator, row.Index, "numerator", columns.Numerator, numerator);
        var d = Number(indicator, row.Index, "denominator", columns.Denominator, denominator);
        if (Rejected.Count > before) return;

        if (v is { } x)
        {
            if (x < 0) Reject(row.Index, indicator.Code, "value", columns.Value, "giá trị không được âm.", "the value must not be negative.");
            else if (indicator.Kind is IndicatorKind.Count or IndicatorKind.Level && x != decimal.Truncate(x))
                Reject(row.Index, indicator.Code, "value", columns.Value, $"{indicator.Name} phải là số nguyên.", $"{indicator.Code} must be a whole number.");
            else if (indicator.Kind == IndicatorKind.Percentage && !indicator.AllowsAbove100 && x > 100)
                Reject(row.Index, indicator.Code, "value", columns.Value, "tỷ lệ không được lớn hơn 100.", "a percentage must not exceed 100.");
        }
        if (n < 0) Reject(row.Index, indicator.Code, "numerator", columns.Numerator, "tử số không được âm.", "the numerator must not be negative.");
        if (d <= 0) Reject(row.Index, indicator.Code, "denominator", columns.Denominator, "mẫu số phải lớn hơn 0.", "the denominator must be greater than 0.");
        if (Rejected.Count > before) return;
        // A form filled with parts only still yields the value the sheet shows beside them.
        if (v is null && n is { } num && d is { } den && indicator.HasParts) v = Math.Round(num / den * indicator.Scale, 4);
        Rows[indicator.Code] = (int)row.Index;
        Observations.Add(new Observation(target.UnitCode, indicator.Code, target.Period, v, n, d, string.IsNullOrEmpty(note) ? null : note));
    }

    /// <summary>Rejects a row that matched no indicator.</summary>
    public void Unmatched(uint row, uint column, string text) =>
        Reject(row, null, "indicator", column, $"không tìm thấy chỉ tiêu \"{text}\" (khớp theo mã hoặc đúng tên).",
            $"no indicator matches \"{text}\" (matched by code or exact name).");

    private decimal? Number(Indicator indicator, uint row, string field, uint column, SheetCell? cell)
    {
        if (cell is not { } c) return null;
        // A stored number is a double; Excel shows and computes with 15 significant digits, and so does this
        // conversion, so 83.90000000000001 written by another program reads as the 83.9 that was typed.
        if (c.IsNumber && double.TryParse(c.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored)
            && double.IsFinite(stored) && Math.Abs(stored) < 7.9e27) return (decimal)stored;
        if (!c.IsNumber)
        {
            // Parts are counts whatever the indicator; a value follows the indicator ("4,080" people, "1,5" %).
            var sense = field == "value" ? TargetParser.SenseOf(indicator) : new NumberSense(true);
            var written = c.Text.Trim().TrimEnd('%').Trim();
            var reading = VietnameseNumber.Read(written, sense);
            if (reading.Value is { } number) return number;
            if (reading.IsAmbiguous)
            {
                Reject(row, indicator.Code, field, column, reading.AmbiguityVi(written), reading.AmbiguityEn(written));
                return null;
            }
        }
        Reject(row, indicator.Code, field, column, $"\"{c.Text}\" không phải là số.", $"\"{c.Text}\" is not a number.");
        return null;
    }

    private void Reject(uint row, string? code, string field, uint column, string vi, string en)
    {
        var cell = AnnexSheet.Ref(Math.Max(1, column), row);
        Rejected.Add(new RejectedRow((int)row, code, field, $"Trang '{sheet}', ô {cell}: {vi}", $"Sheet '{sheet}', cell {cell}: {en}", sheet, cell));
    }
}
