using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// A generated workbook as a spreadsheet program leaves it after recalculating: every formula's cached value is
/// dropped (so nothing the writer computed can pass for the program's result), the file is converted by
/// LibreOffice headless, and the cells are read back with their computed values.
/// </summary>
internal static class Recalculated
{
    /// <summary>Cell values by sheet name, then A1 reference: numbers in invariant form, text as it is.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, SheetCell>> Of(Stream workbook, Action<SpreadsheetDocument>? edit = null)
    {
        var directory = Directory.CreateTempSubdirectory("hf-recalc-").FullName;
        try
        {
            var file = Path.Combine(directory, "book.xlsx");
            using (var copy = File.Create(file)) { workbook.Position = 0; workbook.CopyTo(copy); }
            using (var document = SpreadsheetDocument.Open(file, true))
            {
                foreach (var cell in document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Cell>()).Where(c => c.CellFormula is not null))
                {
                    cell.CellValue = null;
                    cell.DataType = null;
                }
                edit?.Invoke(document);
            }
            var converted = Convert(directory, file, "xlsx:Calc MS Excel 2007 XML");
            using var result = SpreadsheetDocument.Open(converted, false);
            var cells = new SheetCells(result.WorkbookPart!);
            return cells.Sheets().ToDictionary(s => s.Name, s => cells.Rows(s.Part)
                .SelectMany(r => r.Cells.Select(c => (Ref: AnnexSheet.Ref(c.Column, r.Index), Cell: c)))
                .ToDictionary(x => x.Ref, x => x.Cell, StringComparer.Ordinal));
        }
        finally { Directory.Delete(directory, true); }
    }

    /// <summary>Converts <paramref name="file"/> with LibreOffice headless into <paramref name="directory"/>/out.</summary>
    public static string Convert(string directory, string file, string format)
    {
        var profile = Path.Combine(directory, "profile");
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", format, "--outdir", Path.Combine(directory, "out"), file })
            start.ArgumentList.Add(argument);
        using var soffice = Process.Start(start)!;
        var output = soffice.StandardOutput.ReadToEnd() + soffice.StandardError.ReadToEnd();
        soffice.WaitForExit();
        Assert.True(soffice.ExitCode == 0, output);
        var result = Path.Combine(directory, "out", Path.GetFileNameWithoutExtension(file) + "." + format.Split(':')[0]);
        Assert.True(File.Exists(result), output);
        return result;
    }

    /// <summary>Sets a number in a sheet being edited, creating the cell's value in place.</summary>
    public static void SetNumber(SpreadsheetDocument document, string sheet, string reference, decimal value)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        var cell = part.Worksheet!.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.DataType = null;
        cell.InlineString = null;
        cell.CellValue = new CellValue(value);
    }

    /// <summary>The number in a cell, or null when it is empty or text.</summary>
    public static decimal? Number(this Dictionary<string, SheetCell> sheet, string reference) =>
        sheet.TryGetValue(reference, out var c) && c.IsNumber ? decimal.Parse(c.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>The text of a cell, "" when empty.</summary>
    public static string Text(this Dictionary<string, SheetCell> sheet, string reference) => sheet.TryGetValue(reference, out var c) ? c.Text : "";
}
