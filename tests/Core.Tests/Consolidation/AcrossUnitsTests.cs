using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Consolidation;

public class AcrossUnitsTests
{
    static readonly Period Year = Period.FullYear(2021);
    static readonly string[] Districts = ["SD", "YS", "HY"];
    static readonly Dictionary<string, long> Populations = new() { ["SD"] = 190_000, ["YS"] = 160_000, ["HY"] = 100_000 };

    static Dictionary<string, Observation> Reported(string indicator, params (string Unit, decimal? Value, decimal? Numerator, decimal? Denominator)[] rows) =>
        rows.ToDictionary(r => r.Unit, r => new Observation(r.Unit, indicator, Year, r.Value, r.Numerator, r.Denominator));

    [Fact]
    public void Counts_are_summed()
    {
        var result = Consolidator.AcrossUnits(Beds, Districts, Reported(Beds.Code, ("SD", 420, null, null), ("YS", 300, null, null), ("HY", 150, null, null)), Populations);
        Assert.Equal(870m, result.Value);
        Assert.Equal(Districts, result.IncludedUnits);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Percentages_divide_summed_parts_and_are_never_averaged()
    {
        // 26/31 (83,9%) and 10/10 (100%): the average would be 91,9%; the parts give 36/41 = 87,8%.
        var result = Consolidator.AcrossUnits(NationalCriteria, ["SD", "YS"], Reported(NationalCriteria.Code, ("SD", 83.9m, 26, 31), ("YS", 100, 10, 10)), Populations);
        Assert.Equal((36m, 41m), (result.Numerator, result.Denominator));
        Assert.Equal(87.80m, Math.Round(result.Value!.Value, 2));
    }

    [Fact]
    public void Rates_divide_summed_numerators_by_summed_populations_using_the_population_map_when_no_denominator_is_given()
    {
        // SD reports 355 beds over its own population figure; YS reports 300 beds and takes the map's 160.000.
        var observations = Reported(BedsPer10000.Code, ("SD", 18.7m, 355, 190_000), ("YS", null, 300, null));
        var result = Consolidator.AcrossUnits(BedsPer10000, ["SD", "YS"], observations, Populations);
        Assert.Equal((655m, 350_000m), (result.Numerator, result.Denominator));
        Assert.Equal(18.71m, Math.Round(result.Value!.Value, 2));
    }

    [Fact]
    public void Ratios_are_formed_from_summed_parts()
    {
        var result = Consolidator.AcrossUnits(SexRatio, ["SD", "YS"], Reported(SexRatio.Code, ("SD", 112, 560, 500), ("YS", 104, 520, 500)), Populations);
        Assert.Equal(108m, result.Value);
    }

    [Fact]
    public void Levels_have_no_consolidated_value_but_list_who_reported()
    {
        var result = Consolidator.AcrossUnits(HospitalLevel, Districts, Reported(HospitalLevel.Code, ("SD", 3, null, null), ("YS", 2, null, null)), Populations);
        Assert.Null(result.Value);
        Assert.Equal(["SD", "YS"], result.IncludedUnits);
        Assert.Equal(["HY"], result.MissingUnits);
    }

    public static TheoryData<Indicator, Dictionary<string, Observation>, decimal?, string[]> MissingChildren => new()
    {
        // HY sent nothing: the sum covers SD and YS and names HY, it does not count HY as zero.
        { Beds, Reported(Beds.Code, ("SD", 420, null, null), ("YS", 300, null, null)), 720m, ["HY"] },
        // YS sent a value with no parts and HY a row with no value: neither can enter a sum.
        { Beds, Reported(Beds.Code, ("SD", 420, null, null), ("YS", 300, null, null), ("HY", null, null, null)), 720m, ["HY"] },
        { NationalCriteria, Reported(NationalCriteria.Code, ("SD", 83.9m, 26, 31), ("YS", 90, null, null)), 26m * 100 / 31, ["YS", "HY"] },
        // A rate without a numerator, or without any denominator or population, is missing.
        { BirthRate, Reported(BirthRate.Code, ("SD", 15, 2850, null), ("YS", 15, null, null)), 15m, ["YS", "HY"] },
        // Nobody reported: no value at all rather than zero.
        { Visits, Reported(Visits.Code), null, ["SD", "YS", "HY"] },
    };

    [Theory, MemberData(nameof(MissingChildren))]
    public void Missing_children_are_listed_and_never_counted_as_zero(Indicator indicator, Dictionary<string, Observation> observations, decimal? value, string[] missing)
    {
        var populations = indicator == BirthRate ? new Dictionary<string, long> { ["SD"] = 190_000, ["YS"] = 160_000 } : Populations;
        var result = Consolidator.AcrossUnits(indicator, Districts, observations, populations);
        Assert.Equal(value, result.Value);
        Assert.Equal(missing, result.MissingUnits);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Observations_of_units_that_are_not_children_are_ignored()
    {
        var observations = Reported(Beds.Code, ("SD", 420, null, null), ("XX", 999, null, null));
        var result = Consolidator.AcrossUnits(Beds, ["SD"], observations, Populations);
        Assert.Equal(420m, result.Value);
    }

    [Fact]
    public void A_unit_that_reported_a_percentage_without_its_parts_is_told_apart_from_one_that_has_not_reported()
    {
        // SD gives 26/31; YS gives only its official 90%; HY has not reported.
        var result = Consolidator.AcrossUnits(NationalCriteria, Districts, Reported(NationalCriteria.Code, ("SD", 83.9m, 26, 31), ("YS", 90, null, null)), Populations);
        Assert.Equal(["SD"], result.IncludedUnits);
        Assert.Equal(["YS", "HY"], result.MissingUnits);
        Assert.Equal(["YS"], result.WithoutPartsUnits);
        Assert.Equal(["HY"], result.NotReportedUnits);
        Assert.Equal(83.87m, Math.Round(result.Value!.Value, 2));
    }

    [Fact]
    public void A_count_has_no_parts_to_miss()
    {
        var result = Consolidator.AcrossUnits(Beds, Districts, Reported(Beds.Code, ("SD", 420, null, null)), Populations);
        Assert.Empty(result.WithoutPartsUnits);
        Assert.Equal(["YS", "HY"], result.NotReportedUnits);
    }
}
