using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// "Cảnh báo sớm" charts its projections: per indicator projected to miss, each district's projected year-end beside
/// its plan, as native columns over formulas pointing at the list; LibreOffice reads, recalculates and renders them.
/// </summary>
public class EarlyWarningChartTests
{
    private const string Sheet = EarlyWarningSheet.Name;

    // Sơn Dương and Yên Sơn at 6 months, each figure projected to year-end and judged by Core's rules:
    // flow counts at pace (× 12/6), the rest at their latest level.
    private static ProvinceWorkbook Book()
    {
        var half = Period.FirstHalf(2021);
        var book = LiveProvince.Book(half);
        static ResultLine Projected(ResultLine l, Period period) =>
            l is { Actual.Value: { } value, Target: { } target }
                ? l with
                {
                    Projection = l.Indicator is { Kind: IndicatorKind.Count, Time: TimeBehaviour.Flow }
                        ? Projection.Judge(l.Indicator, period, target.Expression, value * 2, ProjectionBasis.Pace, null)
                        : Projection.Judge(l.Indicator, period, target.Expression, value, ProjectionBasis.Latest, l.Baseline?.Value),
                }
                : l;
        return book with { Districts = book.Districts.Select(d => d with { Lines = d.Lines.Select(l => Projected(l, half)).ToList() }).ToList() };
    }

    private static MemoryStream Written()
    {
        var stream = new MemoryStream();
        ProvinceWorkbookWriter.Write(Book(), stream);
        return stream;
    }

    private static IReadOnlyList<ChartPart> Charts(WorkbookPart workbook) =>
        ((WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Single(s => s.Name == Sheet).Id!)).DrawingsPart?.ChartParts.ToList() ?? [];

    // The indicators the list shows as projected misses whose target is one planned level, in the list's order.
    private static List<string> Missed(ProvinceWorkbook book) =>
        book.Districts.SelectMany(d => d.Lines).Where(l => l.Projection?.Status == AttainmentStatus.NotMet && ResultAnnexWorkbook.SingleNumber(l.Target?.Expression) is not null)
            .Select(l => l.Indicator.Name).Distinct().ToList();

    [Fact]
    public void Each_indicator_projected_to_miss_gets_a_column_chart_of_the_projection_beside_the_plan()
    {
        var missed = Missed(Book());
        Assert.Contains("Tổng số giường bệnh", missed);
        using var book = new Opened(Written());
        var charts = Charts(book.WorkbookPart).Select(c => c.ChartSpace!).ToList();
        Assert.Equal(missed.Count, charts.Count);
        Assert.Equal(missed.Select(name => name + " ("), charts.Select(c => c.Descendants<C.Title>().Single().InnerText[..(c.Descendants<C.Title>().Single().InnerText.IndexOf('(') + 1)]));
        foreach (var chart in charts)
        {
            var bars = chart.Descendants<C.BarChart>().Single();
            Assert.Equal(C.BarDirectionValues.Column, bars.BarDirection!.Val!.Value);
            Assert.Equal(["Dự kiến cả năm", "Kế hoạch năm"], bars.Elements<C.BarChartSeries>().Select(s => s.SeriesText!.InnerText));
        }
        // The beds' table: both districts, the projection a formula over the list's "Dự kiến cả năm", the plan 420.
        var heading = book.Sheet(Sheet).Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .First(c => c.InlineString?.InnerText == "Tổng số giường bệnh (giường)").CellReference!.Value!;
        var first = uint.Parse(heading[1..]) + 2;
        Assert.Equal(("Huyện Sơn Dương", "Huyện Yên Sơn"), (book.Text(Sheet, $"A{first}"), book.Text(Sheet, $"A{first + 1}")));
        var listRow = book.Cell(Sheet, $"D{first}")!.CellFormula!.Text;
        Assert.Matches("^G[0-9]+$", listRow);
        Assert.Equal("Tổng số giường bệnh", book.Text(Sheet, $"C{listRow[1..]}"));
        Assert.Equal((420m, 420m), (book.Number(Sheet, $"E{first}")!.Value, book.Number(Sheet, $"E{first + 1}")!.Value));
    }

    [Fact]
    public void LibreOffice_recalculates_the_charts_table_keeps_the_charts_and_renders_them()
    {
        var stream = Written();
        var sheet = Recalculated.Of(stream)[Sheet];
        var heading = sheet.First(kv => kv.Value.Text == "Tổng số giường bệnh (giường)").Key;
        var first = uint.Parse(heading[1..]) + 2;
        var book = Book();
        var projected = book.Districts.Select(d => d.Lines.Single(l => l.Indicator.Code == "GIUONG").Projection!.Value).ToList();
        Assert.Equal(projected, [sheet.Number($"D{first}")!.Value, sheet.Number($"D{first + 1}")!.Value]);

        var directory = Directory.CreateTempSubdirectory("hf-ew-").FullName;
        try
        {
            var file = Path.Combine(directory, "province.xlsx");
            File.WriteAllBytes(file, stream.ToArray());
            using var resaved = SpreadsheetDocument.Open(Recalculated.Convert(directory, file, "xlsx:Calc MS Excel 2007 XML"), false);
            Assert.Equal(Missed(book).Count, Charts(resaved.WorkbookPart!).Count);
        }
        finally { Directory.Delete(directory, true); }
        Assert.NotEmpty(Renders.Keep("province-early-warning", stream.ToArray()));
    }
}
