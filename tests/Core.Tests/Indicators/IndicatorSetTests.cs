using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Tests.Indicators;

public sealed class IndicatorSetTests
{
    private static Indicator Count(string code, string group, int order, string? parent = null) =>
        new(code, code, "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, group, group, order, parent);

    private static readonly Indicator[] Catalog =
    [
        Count("BEDS", "I", 1), Count("BEDS.HOSP", "I", 2, "BEDS"), Count("BEDS.HOSP.ICU", "I", 3, "BEDS.HOSP"),
        Count("VISITS", "I", 4), Count("VACC", "II", 1), Count("BIRTHS", "III", 1),
    ];

    private static IReadOnlyList<string> Codes(IEnumerable<string> planned, IEnumerable<string> province) =>
        IndicatorSet.For(Catalog, planned, province).Select(i => i.Code).ToList();

    [Fact]
    public void A_planned_unit_lists_its_planned_indicators_in_the_plans_order() =>
        Assert.Equal(["BIRTHS", "VISITS"], Codes(["BIRTHS", "VISITS"], []));

    [Fact]
    public void A_breakdown_part_comes_right_after_its_total_wherever_the_plan_wrote_it() =>
        Assert.Equal(["VISITS", "BEDS", "BEDS.HOSP", "BEDS.HOSP.ICU", "BIRTHS"], Codes(["BEDS.HOSP", "VISITS", "BEDS", "BIRTHS"], []));

    [Fact]
    public void The_province_set_follows_the_plan_in_catalog_order() =>
        Assert.Equal(["BIRTHS", "VISITS", "VACC"], Codes(["BIRTHS"], ["VACC", "VISITS"]));

    [Fact]
    public void A_planned_total_brings_its_breakdown_parts_at_every_depth() =>
        Assert.Equal(["BEDS", "BEDS.HOSP", "BEDS.HOSP.ICU"], Codes(["BEDS"], []));

    [Fact]
    public void A_planned_part_brings_the_total_it_is_checked_against() =>
        Assert.Equal(["BEDS", "BEDS.HOSP", "BEDS.HOSP.ICU"], Codes(["BEDS.HOSP.ICU"], []));

    [Fact]
    public void The_province_set_is_added_to_the_plan() =>
        Assert.Equal(["VISITS", "VACC"], Codes(["VISITS"], ["VACC"]));

    [Fact]
    public void A_unit_without_a_plan_gets_the_province_set() =>
        Assert.Equal(["VACC"], Codes([], ["VACC"]));

    [Fact]
    public void With_neither_a_plan_nor_a_province_set_the_whole_catalog_is_listed() =>
        Assert.Equal(Catalog.Select(i => i.Code), Codes([], []));

    [Fact]
    public void Codes_no_longer_in_the_catalog_are_left_out() =>
        Assert.Equal(["VACC"], Codes(["GONE"], ["VACC"]));
}
