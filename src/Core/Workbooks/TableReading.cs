using System.Text;
using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Reads a hand-typed table: the first sheet whose header row (within its first 40 rows) has a "Chỉ tiêu" column and
/// a "Thực hiện" column (not the "cùng kỳ" one). Rows match an indicator by a "Mã" column or by exactly its name,
/// ignoring case, spacing and the "Trong đó:" or "-" a breakdown row starts with.
/// </summary>
internal static class TableReading
{
    public static WorkbookImport? Read(SheetCells cells, UploadTarget target)
    {
        foreach (var (sheetName, part) in cells.Sheets())
            if (Header(cells, part) is { } header)
                return Rows(cells, part, sheetName, header, target);
        return null;
    }

    private sealed record Layout(uint Row, uint Name, uint Code, ImportRows.Columns Columns);

    private static Layout? Header(SheetCells cells, WorksheetPart part)
    {
        foreach (var row in cells.Rows(part).TakeWhile(r => r.Index <= 40))
        {
            uint name = 0, code = 0, value = 0, numerator = 0, denominator = 0, note = 0;
            foreach (var cell in row.Cells.Where(c => !c.IsNumber))
            {
                var h = Normal(cell.Text);
                if (h is "chỉ tiêu" or "tên chỉ tiêu" or "nội dung chỉ tiêu") name = cell.Column;
                else if (h is "mã" or "mã chỉ tiêu" or "mã số") code = cell.Column;
                else if (h == "thực hiện" || (value == 0 && h.StartsWith("thực hiện", StringComparison.Ordinal)
                    && !h.Contains("cùng kỳ", StringComparison.Ordinal) && !h.Contains("năm trước", StringComparison.Ordinal) && !h.Contains("kế hoạch", StringComparison.Ordinal)))
                    value = cell.Column;
                else if (h == "tử số") numerator = cell.Column;
                else if (h.StartsWith("mẫu số", StringComparison.Ordinal)) denominator = cell.Column;
                else if (h.StartsWith("ghi chú", StringComparison.Ordinal)) note = cell.Column;
            }
            if (name > 0 && value > 0) return new Layout(row.Index, name, code, new(value, numerator, denominator, note));
        }
        return null;
    }

    private static WorkbookImport Rows(SheetCells cells, WorksheetPart part, string sheetName, Layout layout, UploadTarget target)
    {
        var byCode = target.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var byName = target.Indicators.GroupBy(i => Normal(i.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new ImportRows(target, sheetName);
        foreach (var row in cells.Rows(part))
        {
            if (row.Index <= layout.Row) continue;
            var value = row.At(layout.Columns.Value);
            // The numbering row under the header: "(1)", "(3)=(1)/(2)".
            if (value is { IsNumber: false } v && v.Text.TrimStart().StartsWith('(')) continue;
            var name = row.At(layout.Name)?.Text;
            var code = layout.Code > 0 ? row.At(layout.Code)?.Text.Trim() : null;
            Indicator? indicator = null;
            if (code is { Length: > 0 } && byCode.TryGetValue(code, out var coded)) indicator = coded;
            else if (name is not null && byName.TryGetValue(Normal(Strip(name)), out var named) && named.Count == 1) indicator = named[0];
            if (indicator is not null) { rows.Add(indicator, row, layout.Columns); continue; }
            var hasNumbers = value is not null || (layout.Columns.Numerator > 0 && row.At(layout.Columns.Numerator) is not null);
            if (hasNumbers) rows.Unmatched(row.Index, code is { Length: > 0 } ? layout.Code : layout.Name, code is { Length: > 0 } ? code : name ?? "");
        }
        return new WorkbookImport(rows.Observations, rows.Rejected, rows.Ignored, null, UploadSource.Table, null, rows.Rows, rows.Sheet);
    }

    internal static string Strip(string name)
    {
        var t = name.Trim();
        if (t.StartsWith("Trong đó", StringComparison.OrdinalIgnoreCase)) t = t["Trong đó".Length..].TrimStart(' ', ':');
        return t.TrimStart('-', '+', '*', '•', '–', ' ');
    }

    /// <summary>Case, Unicode composition and runs of spaces do not distinguish names.</summary>
    internal static string Normal(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLower(AnnexFrame.Vietnamese);
}
