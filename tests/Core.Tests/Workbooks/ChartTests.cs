using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Native charts (DrawingML) in the annexes: validated with the Open XML SDK, checked part by part, and rendered by
/// LibreOffice to PDF and PNG under test-results/renders/ for a look (<see cref="Renders"/>).
/// </summary>
public class ChartTests
{
    private static MemoryStream Result()
    {
        var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(LiveSamples.Annex(Period.FirstHalf(2021)), stream);
        return stream;
    }

    private static MemoryStream Province()
    {
        var stream = new MemoryStream();
        ProvinceWorkbookWriter.Write(LiveProvince.Book(Period.FirstHalf(2021)), stream);
        return stream;
    }

    private static IReadOnlyList<ChartPart> Charts(Opened book) =>
        ((WorksheetPart)book.WorkbookPart.GetPartById(book.WorkbookPart.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Single(s => s.Name == ChartSheets.SheetName).Id!)).DrawingsPart!.ChartParts.ToList();

    [Fact]
    public void The_result_annex_has_a_bar_chart_of_percent_of_plan_per_indicator()
    {
        using var book = new Opened(Result());
        Assert.Equal([ResultAnnexWorkbook.SheetName, ChartSheets.SheetName], book.SheetNames);
        var chart = Charts(book).Single().ChartSpace!;
        var bars = chart.Descendants<C.BarChart>().Single();
        Assert.Equal(C.BarDirectionValues.Bar, bars.BarDirection!.Val!.Value);
        var series = bars.Elements<C.BarChartSeries>().Single();
        Assert.StartsWith("'Biểu đồ'!$B$4:$B$", series.Descendants<C.Formula>().Last().Text, StringComparison.Ordinal);
        // The chart's table points at the annex's own % so với KH cells, so it follows a corrected number.
        var visits = book.RowOf(ResultAnnexWorkbook.SheetName, "Số lượt người khám, chữa bệnh");
        Assert.Contains(book.Sheet(ChartSheets.SheetName).Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>(), f => f.Text == $"'Kết quả'!G{visits}");
    }

    [Fact]
    public void The_province_workbook_charts_each_key_indicator_across_districts_against_the_target()
    {
        using var book = new Opened(Province());
        Assert.Equal(["Tổng hợp", "Ma trận", ChartSheets.SheetName], book.SheetNames.Take(3));
        var charts = Charts(book);
        Assert.Equal(ChartSheets.KeyIndicators, charts.Count);
        foreach (var chart in charts.Select(c => c.ChartSpace!))
        {
            Assert.Equal(C.BarDirectionValues.Column, chart.Descendants<C.BarChart>().Single().BarDirection!.Val!.Value);
            Assert.Equal("Kế hoạch", chart.Descendants<C.LineChart>().Single().Descendants<C.SeriesText>().Single().InnerText);
        }
    }

    [Theory]
    [InlineData("result")]
    [InlineData("province")]
    public void LibreOffice_renders_the_charts_and_the_renders_are_kept(string kind) =>
        // Every page as a PNG; the chart sheet is the last page.
        Assert.NotEmpty(Renders.Keep($"chart-{kind}", (kind == "result" ? Result() : Province()).ToArray()));
}
