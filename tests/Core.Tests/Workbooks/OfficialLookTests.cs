using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>The annexes read like the official tables: Decree 30 names, numbering, years, formats and properties.</summary>
public class OfficialLookTests
{
    private static OrgUnit Unit(string code, string name, UnitLevel level, string? parent) => new(code, name, level, [new(2000, parent)]);

    [Theory]
    [InlineData("Sở Y tế tỉnh Tuyên Quang", null, "UBND tỉnh Tuyên Quang", "Sở Y tế", "Tuyên Quang")]
    [InlineData("Trung tâm Y tế huyện Sơn Dương", "Sở Y tế tỉnh Tuyên Quang", "UBND huyện Sơn Dương", "Trung tâm Y tế", "Sơn Dương")]
    [InlineData("Huyện Sơn Dương", "Tỉnh Tuyên Quang", "UBND tỉnh Tuyên Quang", "UBND huyện Sơn Dương", "Sơn Dương")]
    [InlineData("Bệnh viện Phục hồi chức năng", "Sở Y tế tỉnh Tuyên Quang", "Sở Y tế tỉnh Tuyên Quang", "Bệnh viện Phục hồi chức năng", "Bệnh viện Phục hồi chức năng")]
    public void The_heading_puts_the_governing_body_over_the_issuing_agency(string name, string? parentName, string governing, string issuing, string place)
    {
        var parent = parentName is null ? null : Unit("P", parentName, UnitLevel.Province, null);
        Assert.Equal(new DocumentBodies(governing, issuing, place), DocumentBodies.Of(Unit("U", name, UnitLevel.District, parent?.Code), parent));
    }

    [Fact]
    public void Each_table_of_the_consolidated_workbook_has_its_own_annex_number()
    {
        using var book = Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated(), s));
        Assert.Equal(["Biểu số 01", "Biểu số 02", "Biểu số 03"], new[] { "Tổng hợp", "Huyện Sơn Dương", "Huyện Yên Sơn" }.Select(s => book.Text(s, "A4")));
    }

    [Fact]
    public void A_plan_period_annex_is_signed_in_the_year_its_attachment_line_names()
    {
        var annex = Samples.PlanPeriod() with { Header = Samples.Header("Mục tiêu giai đoạn 2018-2025") with { Date = null, Attachment = "(Kèm theo Kế hoạch số .../KH ngày ... tháng ... năm 2018 của UBND huyện Sơn Dương)" } };
        using var book = Opened.Build(s => PlanAnnexWorkbook.Write(annex, s));
        var signed = book.Sheet("Kế hoạch").Descendants<Cell>().Single(c => c.InlineString?.InnerText.StartsWith("Sơn Dương, ngày", StringComparison.Ordinal) == true);
        Assert.Equal("Sơn Dương, ngày ... tháng ... năm 2018", signed.InlineString!.InnerText);
    }

    [Fact]
    public void A_breakdown_already_named_trong_do_is_not_prefixed_again()
    {
        var total = new Indicator("T", "Số xã đạt tiêu chí", "xã", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Y tế cơ sở", 1);
        var part = total with { Code = "P", Name = "Trong đó đạt mới trong năm", ParentCode = "T", Order = 2 };
        var other = total with { Code = "Q", Name = "Xã miền núi", ParentCode = "T", Order = 3 };
        Assert.Equal(["Trong đó đạt mới trong năm", "Xã miền núi"], AnnexLines.Arrange([total, part, other]).Where(l => l.Depth == 1).Select(l => l.Text));
        Assert.Equal("Trong đó: Xã miền núi", AnnexLines.Arrange([total, other]).Single(l => l.Depth == 1).Text);
    }

    [Fact]
    public void Whole_values_print_without_decimals_and_fractions_with_them()
    {
        var annex = LiveSamples.Annex(Period.FirstHalf(2021));
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex, s));
        Assert.Equal("#,##0", book.NumberFormat("Kết quả", $"F{book.RowOf("Kết quả", "Tổng số giường bệnh")}"));
        Assert.Equal("#,##0", book.NumberFormat("Kết quả", $"F{book.RowOf("Kết quả", "Chất lượng khám chữa bệnh")}"));
        Assert.Equal("#,##0.0#", book.NumberFormat("Kết quả", $"F{book.RowOf("Kết quả", "Tỷ suất tăng dân số tự nhiên")}"));
    }

    [Fact]
    public void One_line_rows_keep_the_default_height()
    {
        var annex = LiveSamples.Annex(Period.FirstHalf(2021));
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex, s));
        var row = book.RowOf("Kết quả", "Số lượt khám tại trạm y tế");
        Assert.Equal("Chưa có số liệu", book.Text("Kết quả", $"I{row}"));
        Assert.Null(book.Sheet("Kết quả").Descendants<Row>().Single(r => r.RowIndex! == row).Height);
    }

    [Fact]
    public void The_workbook_states_its_title_issuing_unit_and_period_in_its_properties()
    {
        var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(Samples.Result(), stream);
        using (new Opened(stream)) { }
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.Equal("Kết quả thực hiện các chỉ tiêu y tế 6 tháng đầu năm 2021", document.PackageProperties.Title);
        Assert.Equal("Trung tâm Y tế - UBND huyện Sơn Dương", document.PackageProperties.Creator);
        Assert.Equal("6 tháng đầu năm 2021", document.PackageProperties.Subject);
    }

    [Theory]
    [InlineData("2021-Q1", "quý I/2021")]
    [InlineData("2021-H1", "6 tháng đầu năm 2021")]
    [InlineData("2021-2025", "giai đoạn 2021-2025")]
    public void A_period_inside_a_title_keeps_its_roman_numerals(string code, string expected) =>
        Assert.Equal(expected, AnnexFrame.PeriodInSentence(Period.ParseCode(code)));
}
