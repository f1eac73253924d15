using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// The texts of a downloaded workbook's first sheet, reopened with the Open XML SDK.
public static class WorkbookRows
{
    /// Every inline text of column <paramref name="column"/> of the first sheet, top to bottom.
    public static async Task<IReadOnlyList<string>> ColumnAsync(HttpResponseMessage response, string column)
    {
        response.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook!.Sheets!.Elements<Sheet>().First();
        var sheet = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet!;
        return sheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()) == column && c.DataType?.Value == CellValues.InlineString)
            .Select(c => c.InlineString!.InnerText).ToList();
    }

    /// Types numbers into the form's Thực hiện column (F) on the rows whose hidden code (K) is given.
    public static MemoryStream Fill(MemoryStream form, IReadOnlyDictionary<string, decimal> values)
    {
        var copy = new MemoryStream();
        form.CopyTo(copy);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            // The table's sheet is the first; a result annex's chart sheet follows it.
            var first = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().First();
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(first.Id!);
            foreach (var row in part.Worksheet!.Descendants<Row>())
            {
                var code = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == $"K{row.RowIndex}")?.InlineString?.InnerText;
                if (code is null || !values.TryGetValue(code, out var value)) continue;
                var cell = row.Elements<Cell>().Single(c => c.CellReference == $"F{row.RowIndex}");
                cell.CellValue = new CellValue(value);
            }
        }
        copy.Position = 0;
        return copy;
    }
}
