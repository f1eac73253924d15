using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// The early warning in the workbooks: the 6- and 9-month result annex's projection columns and the province's "Cảnh báo sớm" sheet.
public class EarlyWarningTests
{
    static ResultAnnex Projected(ResultAnnex annex) => annex with
    {
        Lines = annex.Lines.Select(l => l.Indicator.Code switch
        {
            // 131.250 visits in 6 months at pace: 262.500 against "260.000".
            "LUOTKHAM" => l with { Projection = new Projection(262_500, AttainmentStatus.Exceeded, ProjectionBasis.Pace, "") },
            "TCDD" => l with { Projection = new Projection(48.2m, AttainmentStatus.NotMet, ProjectionBasis.Latest, "") },
            _ => l,
        }).ToList(),
    };

    [Fact]
    public void A_six_month_result_annex_has_the_projected_year_end_and_its_verdict_after_the_note()
    {
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(Projected(Samples.Result()), s));
        const string sheet = "Kết quả";
        Assert.Equal(("Dự kiến cả năm", "Đánh giá dự kiến"), (book.Text(sheet, "L9"), book.Text(sheet, "M9")));
        Assert.Equal("Ghi chú", book.Text(sheet, "J9"));
        var visits = book.RowOf(sheet, "Số lượt người khám, chữa bệnh");
        Assert.Equal((262_500m, "Vượt"), (book.Number(sheet, $"L{visits}"), book.Text(sheet, $"M{visits}")));
        var immunisation = book.RowOf(sheet, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi");
        Assert.Equal("Không đạt", book.Text(sheet, $"M{immunisation}"));
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2021-Q2")]
    public void Annexes_of_other_periods_have_no_projection_columns(string period)
    {
        var annex = Projected(Samples.Result()) with { Period = Period.ParseCode(period) };
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex, s));
        Assert.Null(book.Cell("Kết quả", "L9"));
    }

    [Fact]
    public void The_province_workbook_lists_per_district_the_indicators_projected_to_miss()
    {
        var sample = Samples.Consolidated();
        var projected = Projected(Samples.Result()).Lines;
        var book = sample with { Districts = [sample.Districts[0] with { Lines = projected }, sample.Districts[1]] };
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(book, s));
        const string sheet = EarlyWarningSheet.Name;
        Assert.Equal("Dự kiến cả năm", opened.Text(sheet, "G3"));
        // Only the miss is listed: immunisation in Sơn Dương; visits would exceed, Yên Sơn has no projection.
        Assert.Equal(("Huyện Sơn Dương", "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", 48.2m, "Không đạt"),
            (opened.Text(sheet, "B4"), opened.Text(sheet, "C4"), opened.Number(sheet, "G4"), opened.Text(sheet, "H4")));
        Assert.Equal("Giữ mức mới nhất", opened.Text(sheet, "I4"));
        Assert.Null(opened.Cell(sheet, "B5"));
    }

    [Fact]
    public void Without_a_projected_miss_the_sheet_says_so_and_a_years_workbook_has_no_such_sheet()
    {
        using (var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated(), s)))
            Assert.Equal("Không có chỉ tiêu nào dự kiến không đạt kế hoạch năm.", opened.Text(EarlyWarningSheet.Name, "A4"));
        using var year = Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated() with { Period = Period.FullYear(2021) }, s));
        Assert.DoesNotContain(EarlyWarningSheet.Name, year.SheetNames);
    }
}
