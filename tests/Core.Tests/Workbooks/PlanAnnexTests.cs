using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class PlanAnnexTests
{
    private const string Sheet = PlanAnnexWorkbook.SheetName;

    [Fact]
    public void A_year_plan_has_one_target_column_and_prints_portrait()
    {
        using var book = Opened.Build(s => PlanAnnexWorkbook.Write(Samples.Plan(), s));
        Assert.Equal("Kế hoạch năm 2021", book.Text(Sheet, "D9"));
        Assert.Equal("Ghi chú", book.Text(Sheet, "E9"));
        Assert.Equal("CÁC CHỈ TIÊU KẾ HOẠCH Y TẾ NĂM 2021", book.Text(Sheet, "A5"));
        var beds = book.RowOf(Sheet, "Tổng số giường bệnh trong huyện");
        Assert.Equal(420m, book.Number(Sheet, $"D{beds}"));
        Assert.Equal("#,##0", book.NumberFormat(Sheet, $"D{beds}"));
        Assert.Equal("Duy trì 33", book.Text(Sheet, $"D{book.RowOf(Sheet, "Số cơ sở khám, chữa bệnh trong huyện")}"));
        Assert.Equal("mức 3", book.Text(Sheet, $"D{book.RowOf(Sheet, "Bệnh viện đạt mức chất lượng")}"));
        Assert.Equal(OrientationValues.Portrait, book.Sheet(Sheet).GetFirstChild<PageSetup>()!.Orientation!.Value);
        Assert.Equal("'Kế hoạch'!$9:$10", book.Names["_xlnm.Print_Titles#0"].Text);
    }

    [Fact]
    public void A_plan_period_has_one_column_per_milestone_year_under_a_merged_heading()
    {
        // mergeCell D9:E9 spans the milestone years; row 10 names each year, as in the 2018 Sơn Dương plan (TT, Chỉ tiêu, Đơn vị tính, 2020, 2025).
        using var book = Opened.Build(s => PlanAnnexWorkbook.Write(Samples.PlanPeriod(), s));
        Assert.Equal("Mục tiêu đến năm", book.Text(Sheet, "D9"));
        Assert.Contains("D9:E9", book.Merges(Sheet));
        Assert.Equal(("2020", "2025"), (book.Text(Sheet, "D10"), book.Text(Sheet, "E10")));
        var row = book.RowOf(Sheet, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi");
        Assert.Equal(">90", book.Text(Sheet, $"D{row}"));
        Assert.Equal(100m, book.Number(Sheet, $"E{row}"));
        Assert.Equal("Duy trì", book.Text(Sheet, $"E{book.RowOf(Sheet, "Xã đạt tiêu chí quốc gia về y tế")}"));
        Assert.Contains("Giai đoạn 2018-2025", book.Text(Sheet, "A7"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_target_states_its_reading_in_the_note_column()
    {
        var plan = Samples.Plan() with
        {
            Targets = [.. Samples.Targets2021.Where(t => t.IndicatorCode is not ("SDD_TC" or "LUOTKHAM")),
                Samples.Target("SDD_TC", TargetParser.Parse("giảm 2%", Samples.Stunting)),
                Samples.Target("LUOTKHAM", TargetParser.Parse("tăng 5%", Samples.Visits))],
        };
        using var book = Opened.Build(s => PlanAnnexWorkbook.Write(plan, s));
        Assert.Equal("Đọc là giảm 2 điểm % so với cùng kỳ (cách viết có hai nghĩa; đọc theo điểm trừ khi mức đó không thể có)",
            book.Text(Sheet, $"E{book.RowOf(Sheet, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi")}"));
        Assert.Equal("Đọc là tăng 5% tương đối so với cùng kỳ", book.Text(Sheet, $"E{book.RowOf(Sheet, "Số lượt người khám, chữa bệnh")}"));
        Assert.Equal("", book.Text(Sheet, $"E{book.RowOf(Sheet, "Tổng số giường bệnh trong huyện")}"));
    }
}
