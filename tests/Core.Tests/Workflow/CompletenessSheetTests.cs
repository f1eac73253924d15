using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using static HealthFuncs.Core.Tests.Workflow.WorkflowTestTree;

namespace HealthFuncs.Core.Tests.Workflow;

public class CompletenessSheetTests
{
    private static CompletenessReport Report()
    {
        var q1 = Period.Quarter(2021, 1);
        var forms = new Dictionary<string, WorkflowState>
        {
            ["SD"] = WorkflowState.New("SD", q1) with { Status = WorkflowStatus.Submitted, Version = 1, FirstSubmittedAt = At("2021-04-08T02:00:00Z") },
        };
        return Completeness.For(Tree, Rules, "TQ", q1, forms, At("2021-04-09T00:00:00Z"));
    }

    [Fact]
    public void The_sheet_follows_an_annex_sheet_in_a_valid_package_with_its_print_titles()
    {
        using var stream = new MemoryStream();
        AnnexBook.Write(stream, [new AnnexSheet("Tổng hợp"), CompletenessSheet.Layout(Report(), "Tỉnh Tuyên Quang")]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        // The package must still open in Excel: every part valid against the Office 2007+ schema.
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tổng hợp", CompletenessSheet.SheetName], sheets.Select(s => s.Name!.Value));
        Assert.Equal([1u, 2u], sheets.Select(s => s.SheetId!.Value));
        Assert.Contains(document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId?.Value == 1);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!);
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text);
        Assert.Equal("TÌNH HÌNH BÁO CÁO QUÝ I/2021", cells["A1"]);
        Assert.Equal(("2", "1", "0.5"), (cells["C3"], cells["C4"], cells["D4"]));      // expected, received, 50 %
        // Dates are date serials (days since 30/12/1899) in a date format, so they sort and filter as dates.
        static string Serial(int y, int m, int d) => (new DateOnly(y, m, d).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("Huyện Sơn Dương", Serial(2021, 4, 7), Serial(2021, 4, 8), "Muộn"), (cells["B10"], cells["D10"], cells["F10"], cells["G10"]));
        Assert.Equal(("Huyện Yên Sơn", "Chưa nộp (quá hạn)"), (cells["B11"], cells["G11"]));
    }
}
