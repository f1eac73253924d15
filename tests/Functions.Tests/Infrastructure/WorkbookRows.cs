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
}
