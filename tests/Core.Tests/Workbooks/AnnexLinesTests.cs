using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public sealed class AnnexLinesTests
{
    private static Indicator Count(string code, string group, int order, string? parent = null) =>
        new(code, code, "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, group, "Nhóm " + group, order, parent);

    private static IReadOnlyList<(string Number, string Text)> Printed(params Indicator[] indicators) =>
        AnnexLines.Arrange(indicators).Select(l => (l.Number, l.Text)).ToList();

    [Fact]
    public void Rows_that_keep_their_groups_together_print_under_group_headings_in_the_order_given() =>
        Assert.Equal([("II", "NHÓM II"), ("1", "VACC"), ("2", "POLIO"), ("I", "NHÓM I"), ("1", "BEDS"), ("", "Trong đó: BEDS.HOSP")],
            Printed(Count("VACC", "II", 1), Count("POLIO", "II", 5), Count("BEDS", "I", 1), Count("BEDS.HOSP", "I", 2, "BEDS")));

    [Fact]
    public void A_plan_that_mixes_areas_prints_as_written_in_one_numbered_list_without_headings() =>
        // Sơn Dương 2021: facilities (I), communes with a doctor (VI), then beds (I) again.
        Assert.Equal([("1", "KCB.CO_SO"), ("2", "YTCS.BAC_SY"), ("3", "KCB.GIUONG"), ("", "Trong đó: KCB.GIUONG.BV")],
            Printed(Count("KCB.CO_SO", "I", 1), Count("YTCS.BAC_SY", "VI", 1), Count("KCB.GIUONG", "I", 2), Count("KCB.GIUONG.BV", "I", 3, "KCB.GIUONG")));
}
