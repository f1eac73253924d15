using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using static HealthFuncs.Core.Attainments.AttainmentStatus;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Attainments;

/// <summary>Sub-year periods and the numbers printed beside the status: % so với KH, so với cùng kỳ, the reason.</summary>
public class AttainmentFiguresTests
{
    static readonly Period Year2021 = Period.FullYear(2021);

    static Attainment Evaluate(Indicator indicator, TargetExpression? target, decimal? actual, decimal? baseline = null, Period? period = null) =>
        AttainmentRules.Evaluate(indicator, period ?? Year2021, target, actual, baseline);

    [Theory]
    [InlineData("2021-H1", 130000, Met, 50)]
    [InlineData("2021-H1", 125000, NotMet, 48.08)]
    [InlineData("2021-Q1", 70000, Exceeded, 26.92)]
    [InlineData("2021-9M", 195000, Met, 75)]
    [InlineData("2021-M03", 21000, NotMet, 8.08)]
    public void A_flow_count_in_part_of_the_year_is_judged_against_its_share_of_the_year_target(string period, int visits, AttainmentStatus expected, decimal percentOfPlan)
    {
        var result = Evaluate(Visits, Point("260.000", 260000), visits, period: Period.ParseCode(period));
        Assert.Equal(expected, result.Status);
        Assert.Equal(percentOfPlan, result.PercentOfPlan); // against the year target, as reports print it
    }

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> SubYearDirect => new()
    {
        { Beds, Point("420", 420), 420, Met },
        { Beds, Point("420", 420), 210, NotMet },
        { Immunisation, Above("trên 95%", 95), 96, Met },
        { BedsPer10000, Point("18,7", 18.7m), 18.66m, Met },
    };

    [Theory, MemberData(nameof(SubYearDirect))]
    public void Stocks_percentages_and_rates_in_part_of_the_year_compare_directly(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual, period: Period.FirstHalf(2021)).Status);

    public static TheoryData<Indicator, decimal, decimal?, decimal?, bool> Changes => new()
    {
        { Hiv, 0.38m, 0.40m, -0.02m, true },
        { BedsPer10000, 18.7m, 17.9m, 0.8m, true },
        { Insured, 62424, 60000, 4.04m, false },
        { Insured, 62424, null, null, false },
        { Insured, 62424, 0, null, false },
    };

    [Theory, MemberData(nameof(Changes))]
    public void The_change_from_baseline_is_in_points_for_rates_and_in_percent_for_counts(Indicator indicator, decimal actual, decimal? baseline, decimal? change, bool points)
    {
        var result = Evaluate(indicator, null, actual, baseline);
        Assert.Equal(change, result.ChangeFromBaseline);
        Assert.Equal(points, result.ChangeIsPoints);
    }

    [Fact]
    public void Percent_of_plan_of_a_lower_is_better_target_is_still_actual_over_target()
    {
        var result = Evaluate(Stunting, Point("22,1", 22.1m), 23.2m);
        Assert.Equal(104.98m, result.PercentOfPlan);
        Assert.Equal(NotMet, result.Status);
    }

    [Fact]
    public void The_reason_is_a_vietnamese_sentence_naming_actual_and_target()
    {
        var result = Evaluate(Underweight, Below("dưới 13%", 13), 12.4m);
        Assert.Equal("Thực hiện 12,4% so với chỉ tiêu “dưới 13%”: đạt.", result.Reason);
        var visits = Evaluate(Visits, Point("260.000", 260000), 125000, period: Period.FirstHalf(2021));
        Assert.Equal("Thực hiện 125.000 lượt so với chỉ tiêu “260.000” (tính theo 6/12 tháng của 260.000: 130.000): không đạt.", visits.Reason);
        var communes = Evaluate(NationalCriteria, Point("83,9", 83.9m), 26m * 100 / 31);
        Assert.Equal("Thực hiện 83,9% so với chỉ tiêu “83,9”: đạt.", communes.Reason);
    }
}
