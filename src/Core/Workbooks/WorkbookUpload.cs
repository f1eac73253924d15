using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Reads an uploaded workbook for a unit and period. The file passes <see cref="UploadGate"/> first. One of our
/// data-entry forms is read by its defined names and hidden codes, and refused when made for another unit or
/// period; any other workbook is searched for a table whose header row has "Chỉ tiêu" and "Thực hiện", and its
/// rows are matched to indicators by code or by exact name, never by a guess.
/// </summary>
public static class WorkbookUpload
{
    /// <summary>Reads <paramref name="input"/>; nothing is returned but a refusal when the file breaks a rule.</summary>
    public static WorkbookImport Read(Stream input, UploadTarget target, UploadLimits? limits = null, string? fileName = null)
    {
        // The sheets and shared strings are checked while SheetCells streams them, not decompressed a first time here.
        if (UploadGate.Check(input, limits ?? UploadLimits.Default, fileName, out var buffer, streamedParts: true) is { } refused) return refused;
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = (limits ?? UploadLimits.Default).MaxUncompressedBytes });
            if (document.WorkbookPart is not { } workbook) return NotOurForm();
            var names = workbook.Workbook?.DefinedNames?.Elements<DefinedName>()
                .Where(n => n.LocalSheetId is null && n.Name?.Value is not null)
                .GroupBy(n => n.Name!.Value!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.OrdinalIgnoreCase) ?? [];
            var cells = new SheetCells(workbook, limits);
            return names.TryGetValue(FormNames.Form, out var marker) && Unquote(marker) == FormNames.FormMarker
                ? ReadForm(cells, names, target)
                : TableReading.Read(cells, target) ?? NotOurForm();
        }
        catch (UploadLimitException e)
        {
            return WorkbookImport.Refused(e.Problem, e.MessageVi, e.Message);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            return WorkbookImport.Refused(UploadProblem.Truncated,
                "Tệp bị hỏng hoặc tải lên chưa hết. Hãy mở lại trong Excel, lưu rồi tải lên lại.",
                $"The file is damaged or was cut short ({e.GetType().Name}). Open it in Excel, save it and upload it again.");
        }
    }

    private static WorkbookImport ReadForm(SheetCells cells, Dictionary<string, string> names, UploadTarget target)
    {
        string Name(string key) => names.TryGetValue(key, out var v) ? Unquote(v) : "";
        if (Name(FormNames.Layout) != FormNames.LayoutVersion)
            return WorkbookImport.Refused(UploadProblem.NotOurForm,
                $"Biểu nhập liệu phiên bản '{Name(FormNames.Layout)}' không còn được hỗ trợ. Hãy tải biểu mới.",
                $"Form layout '{Name(FormNames.Layout)}' is no longer supported. Download a new form.");
        if (!string.Equals(Name(FormNames.Unit), target.UnitCode, StringComparison.Ordinal))
            return WorkbookImport.Refused(UploadProblem.WrongUnit,
                $"Biểu này của đơn vị {Name(FormNames.Unit)}, không phải của đơn vị {target.UnitCode}.",
                $"This form belongs to unit {Name(FormNames.Unit)}, not to unit {target.UnitCode}.");
        if (Name(FormNames.Period) != target.Period.Code)
            return WorkbookImport.Refused(UploadProblem.WrongPeriod,
                $"Biểu này của kỳ {Name(FormNames.Period)}, không phải kỳ {target.Period.Code}.",
                $"This form is for period {Name(FormNames.Period)}, not for period {target.Period.Code}.");
        if (!names.TryGetValue(FormNames.Codes, out var codes) || ParseRange(codes) is not var (sheetName, column, first, last)
            || cells.Find(sheetName) is not { } part)
            return NotOurForm();

        var byCode = target.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var rows = new ImportRows(target, sheetName);
        var columns = new ImportRows.Columns(DataEntryFormWorkbook.Value, DataEntryFormWorkbook.Numerator, DataEntryFormWorkbook.Denominator, DataEntryFormWorkbook.Note);
        foreach (var row in cells.Rows(part))
        {
            if (row.Index < first || row.Index > last || row.At(column) is not { } code) continue;
            if (byCode.TryGetValue(code.Text.Trim(), out var indicator)) rows.Add(indicator, row, columns);
            else rows.Unmatched(row.Index, column, code.Text);
        }
        return new WorkbookImport(rows.Observations, rows.Rejected, rows.Ignored, null, UploadSource.Form, Name(FormNames.Version), rows.Rows, rows.Sheet);
    }

    /// <summary>'Sheet name'!$K$11:$K$40 → (sheet, column, first row, last row).</summary>
    private static (string Sheet, uint Column, uint First, uint Last)? ParseRange(string formula)
    {
        var bang = formula.LastIndexOf('!');
        if (bang <= 0) return null;
        var sheet = formula[..bang];
        if (sheet.StartsWith('\'') && sheet.EndsWith('\'')) sheet = sheet[1..^1].Replace("''", "'", StringComparison.Ordinal);
        var parts = formula[(bang + 1)..].Replace("$", "", StringComparison.Ordinal).Split(':');
        if (parts.Length != 2) return null;
        static uint RowOf(string r) => uint.TryParse(new string(r.SkipWhile(char.IsLetter).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var column = SheetCells.ColumnOf(parts[0]);
        return column == 0 || RowOf(parts[0]) == 0 ? null : (sheet, column, RowOf(parts[0]), RowOf(parts[1]));
    }

    private static string Unquote(string formula)
    {
        var t = formula.Trim();
        if (t.StartsWith('=')) t = t[1..];
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : t;
    }

    private static WorkbookImport NotOurForm() => WorkbookImport.Refused(UploadProblem.NotOurForm,
        "Không nhận ra biểu: không phải biểu nhập liệu của hệ thống và không tìm thấy bảng có cột \"Chỉ tiêu\" và \"Thực hiện\".",
        "The workbook is not recognised: it is not one of our data-entry forms and has no table with \"Chỉ tiêu\" and \"Thực hiện\" columns.");
}
