using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>Fills a generated form the way a user's spreadsheet program would: by finding each indicator's row and typing into its cells.</summary>
internal static class FormFill
{
    public sealed record Entry(object? Value, object? Numerator = null, object? Denominator = null, string? Note = null);

    /// <summary>Types with the Open XML SDK: numbers as numbers, text as shared strings (as Excel saves them).</summary>
    public static MemoryStream WithSdk(MemoryStream form, IReadOnlyDictionary<string, Entry> entries)
    {
        var copy = new MemoryStream();
        form.Position = 0;
        form.CopyTo(copy);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            var workbook = document.WorkbookPart!;
            var sst = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable ??= new SharedStringTable();
            var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().First().Id!);
            foreach (var row in sheet.Worksheet!.Descendants<Row>())
            {
                var code = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == $"K{row.RowIndex}")?.InlineString?.InnerText;
                if (code is null || !entries.TryGetValue(code, out var entry)) continue;
                Set(row, "F", entry.Value);
                Set(row, "G", entry.Numerator);
                Set(row, "H", entry.Denominator);
                Set(row, "J", entry.Note);
            }
            void Set(Row row, string column, object? value)
            {
                if (value is null) return;
                var cell = row.Elements<Cell>().Single(c => c.CellReference == $"{column}{row.RowIndex}");
                cell.InlineString = null;
                if (value is string text)
                {
                    sst.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(sst.SharedStringTable.ChildElements.Count - 1);
                }
                else
                {
                    cell.DataType = null;
                    cell.CellValue = new CellValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>Types with openpyxl, a spreadsheet library of another ecosystem, which rewrites the whole package on save.</summary>
    public static MemoryStream WithOpenpyxl(MemoryStream form, string script)
    {
        var dir = Directory.CreateTempSubdirectory("hf-openpyxl-");
        try
        {
            var path = Path.Combine(dir.FullName, "form.xlsx");
            File.WriteAllBytes(path, form.ToArray());
            var program = $$"""
                import openpyxl, sys
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb.active
                rows = {ws.cell(row=r, column=11).value: r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=11).value}
                {{script}}
                wb.save(sys.argv[1])
                """;
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardInput = true };
            start.ArgumentList.Add("-");
            start.ArgumentList.Add(path);
            using var python = Process.Start(start)!;
            python.StandardInput.Write(program);
            python.StandardInput.Close();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            Assert.True(python.ExitCode == 0, error);
            return new MemoryStream(File.ReadAllBytes(path));
        }
        finally { dir.Delete(true); }
    }
}
