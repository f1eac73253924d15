using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public sealed class PlanWorkbookReadingTests
{
    private static PlanWorkbook Read(params object?[][] rows) => PlanWorkbookReading.Read(HandTypedTableTests.Typed(rows), 2021, Samples.Indicators);

    [Fact]
    public void A_hand_typed_plan_is_matched_by_name_with_case_spacing_and_breakdown_prefix_ignored()
    {
        var plan = Read(
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021"],
            ["1", "TỔNG SỐ   giường bệnh trong huyện", "giường", 420],
            [null, "Trong đó: Giường bệnh viện", "giường", 280],
            ["2", "Số lượt người khám, chữa bệnh", "lượt", 260000],
            ["3", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "dưới 22,1%"]);

        Assert.Null(plan.Refusal);
        Assert.Equal([("GIUONG", "420"), ("GIUONG_BV", "280"), ("LUOTKHAM", "260.000"), ("SDD_TC", "dưới 22,1%")], plan.Rows.Select(r => (r.IndicatorCode, r.Text)));
        Assert.All(plan.Rows, r => Assert.Equal(PlanMatch.Name, r.MatchedBy));
    }

    [Fact]
    public void A_name_typed_without_diacritics_matches_only_when_it_names_one_indicator()
    {
        var plan = Read(["Chỉ tiêu", "Kế hoạch"], ["So luot nguoi kham, chua benh", 1000], ["Chi tieu khong co", 5]);

        Assert.Equal(("LUOTKHAM", PlanMatch.NameWithoutDiacritics), (plan.Rows.Single().IndicatorCode, plan.Rows.Single().MatchedBy));
        Assert.Equal(("Chi tieu khong co", "5"), (plan.Unmatched.Single().Written, plan.Unmatched.Single().Text));
    }

    [Fact]
    public void A_code_column_wins_over_the_name_and_a_decimal_is_printed_with_a_comma()
    {
        var plan = Read(["Mã", "Chỉ tiêu", "Kế hoạch 2021"], ["TCDD", "Tiêm chủng (tên viết khác)", 96.5m], [null, "(1)", "(2)"]);

        Assert.Equal(("TCDD", PlanMatch.Code, "96,5"), (plan.Rows.Single().IndicatorCode, plan.Rows.Single().MatchedBy, plan.Rows.Single().Text));
    }

    [Fact]
    public void A_workbook_without_a_plan_column_is_refused_saying_what_is_missing()
    {
        var plan = Read(["Chỉ tiêu", "Thực hiện"], ["Số lượt người khám, chữa bệnh", 1000]);

        Assert.Equal(UploadProblem.NotOurForm, plan.Refusal!.Problem);
        Assert.Contains("\"Kế hoạch\"", plan.Refusal.MessageEn);
    }
}
