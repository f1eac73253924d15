using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using static HealthFuncs.Core.Attainments.AttainmentStatus;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Attainments;

public class AttainmentRulesTests
{
    static readonly Period Year2021 = Period.FullYear(2021);

    static Attainment Evaluate(Indicator indicator, TargetExpression? target, decimal? actual, decimal? baseline = null, Period? period = null) =>
        AttainmentRules.Evaluate(indicator, period ?? Year2021, target, actual, baseline);

    [Fact]
    public void Without_an_actual_the_status_is_no_data()
    {
        var result = Evaluate(Beds, Point("420", 420), null, 400);
        Assert.Equal(NoData, result.Status);
        Assert.Equal("Chưa có số liệu", result.Label);
        Assert.Null(result.PercentOfPlan);
    }

    public static TheoryData<TargetExpression?> Uncomputable => new()
    {
        null,
        TargetExpression.TextOnly("Phấn đấu nâng cao chất lượng", "không có con số"),
        new TargetExpression("≥", TargetForm.AtLeast),
    };

    [Theory, MemberData(nameof(Uncomputable))]
    public void A_missing_text_only_or_numberless_target_is_not_assessed(TargetExpression? target)
    {
        var result = Evaluate(Beds, target, 420);
        Assert.Equal(NotAssessed, result.Status);
        Assert.Equal("Không đánh giá", result.Label);
        Assert.Null(result.PercentOfPlan);
    }

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> PointTargets => new()
    {
        { Beds, Point("420", 420), 421, Exceeded },
        { Beds, Point("420", 420), 420, Met },
        { Beds, Point("420", 420), 419, NotMet },
        { Stunting, Point("22,1", 22.1m), 21.5m, Exceeded },
        { Stunting, Point("22,1", 22.1m), 22.1m, Met },
        { Stunting, Point("22,1", 22.1m), 22.6m, NotMet },
        { NaturalGrowth, Point("14,3‰", 14.3m), 14.3m, Met },
        { NaturalGrowth, Point("14,3‰", 14.3m), 13.9m, NotMet },
    };

    [Theory, MemberData(nameof(PointTargets))]
    public void A_point_target_is_exceeded_met_or_missed_by_the_indicator_direction(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual).Status);

    [Theory]
    [InlineData(26, 31, "83,9", 100)]
    [InlineData(25, 31, "83,9", 96.07)]
    public void A_percentage_is_judged_at_the_decimals_its_target_is_written_with(int communes, int ofCommunes, string text, decimal percentOfPlan)
    {
        var actual = communes * 100m / ofCommunes; // 26 / 31 = 83,870…, printed 83,9
        var result = Evaluate(NationalCriteria, Point(text, 83.9m), actual);
        Assert.Equal(communes == 26 ? Met : NotMet, result.Status);
        Assert.Equal(percentOfPlan, result.PercentOfPlan);
    }

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> OneSidedTargets => new()
    {
        { Immunisation, AtLeast("≥95", 95), 96, Exceeded },
        { Immunisation, AtLeast("≥95", 95), 95, Met },
        { Immunisation, AtLeast("≥95", 95), 94.9m, NotMet },
        { Stunting, AtMost("≤14,7", 14.7m), 14.2m, Exceeded },
        { Stunting, AtMost("≤14,7", 14.7m), 14.7m, Met },
        { Stunting, AtMost("≤14,7", 14.7m), 14.8m, NotMet },
    };

    [Theory, MemberData(nameof(OneSidedTargets))]
    public void At_least_and_at_most_targets_are_exceeded_when_strictly_better(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual).Status);

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> StrictTargets => new()
    {
        { Underweight, Below("dưới 13%", 13), 12.9m, Met },
        { Underweight, Below("dưới 13%", 13), 10m, Met },
        { Underweight, Below("dưới 13%", 13), 13m, NotMet },
        { Underweight, Below("dưới 13%", 13), 12.96m, NotMet },
        { NationalCriteria, Above("đạt trên 96,1%", 96.1m), 99m, Met },
        { NationalCriteria, Above("đạt trên 96,1%", 96.1m), 96.1m, NotMet },
    };

    [Theory, MemberData(nameof(StrictTargets))]
    public void Strict_above_and_below_targets_are_met_only_strictly_and_never_exceeded(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual).Status);

    public static TheoryData<Indicator, decimal, AttainmentStatus> BandTargets => new()
    {
        { Immunisation, 70, Met },
        { Immunisation, 80, Met },
        { Immunisation, 80.1m, Exceeded },
        { Immunisation, 69.9m, NotMet },
        { Stunting, 69.9m, Exceeded },
        { Stunting, 80.1m, NotMet },
        { NaturalGrowth, 80.1m, NotMet },
        { NaturalGrowth, 69.9m, NotMet },
    };

    [Theory, MemberData(nameof(BandTargets))]
    public void A_band_is_met_inside_its_ends_and_exceeded_only_beyond_the_better_end(Indicator indicator, decimal actual, AttainmentStatus expected)
    {
        var result = Evaluate(indicator, Band("70 – 80", 70, 80), actual);
        Assert.Equal(expected, result.Status);
        Assert.Null(result.PercentOfPlan);
    }

    public static TheoryData<decimal, decimal?, AttainmentStatus, decimal?> BareMaintainTargets => new()
    {
        { 100, 100, Met, 100 },
        { 96.8m, 100, NotMet, 96.8m },
        { 90, 85, Met, 105.88m },
        { 80, null, NotAssessed, null },
    };

    [Theory, MemberData(nameof(BareMaintainTargets))]
    public void A_bare_maintain_target_keeps_at_least_the_baseline(decimal actual, decimal? baseline, AttainmentStatus expected, decimal? percentOfPlan)
    {
        // "Duy trì" in the 2025 column after "100" in 2020: the level reached must be kept.
        var result = Evaluate(NationalCriteria, Maintain("Duy trì"), actual, baseline);
        Assert.Equal(expected, result.Status);
        Assert.Equal(percentOfPlan, result.PercentOfPlan);
    }

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> MaintainValueTargets => new()
    {
        { NationalCriteria, Maintain("Duy trì 100%", 100), 100, Met },
        { NationalCriteria, Maintain("Duy trì 100%", 100), 96.8m, NotMet },
        { Facilities, Maintain("Duy trì 33 cơ sở", 33), 34, Met },
        { Facilities, Maintain("Duy trì 33 cơ sở", 33), 32, NotMet },
        { Underweight, Maintain("Duy trì dưới 13", 13), 12, Met },
    };

    [Theory, MemberData(nameof(MaintainValueTargets))]
    public void A_maintain_target_with_a_value_is_met_at_or_better_than_it_and_never_exceeded(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual, baseline: 50).Status);

    public static TheoryData<Indicator, TargetExpression, decimal, decimal, AttainmentStatus> PointChanges => new()
    {
        { BirthRate, Decrease("giảm 0,5‰", 0.5m, "‰", perYear: true), 15.5m, 16.0m, Met },
        { BirthRate, Decrease("giảm 0,5‰", 0.5m, "‰", perYear: true), 15.3m, 16.0m, Exceeded },
        { BirthRate, Decrease("giảm 0,5‰", 0.5m, "‰", perYear: true), 15.8m, 16.0m, NotMet },
        { BirthRate, Decrease("giảm 0,5‰", 0.5m, "‰", perYear: true), 16.2m, 16.0m, NotMet },
        { Stunting, Decrease("giảm 2%", 2, "%"), 20.1m, 22.1m, Met },
        { Stunting, Decrease("giảm 2%", 2, "%"), 21.0m, 22.1m, NotMet },
    };

    [Theory, MemberData(nameof(PointChanges))]
    public void A_change_on_a_percentage_or_rate_is_in_points_of_its_own_unit(Indicator indicator, TargetExpression target, decimal actual, decimal baseline, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual, baseline).Status);

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> CountChanges => new()
    {
        { Visits, Increase("tăng 3-5%/năm", 3, 5, "%", perYear: true), 1029, NotMet },
        { Visits, Increase("tăng 3-5%/năm", 3, 5, "%", perYear: true), 1030, Met },
        { Visits, Increase("tăng 3-5%/năm", 3, 5, "%", perYear: true), 1050, Met },
        { Visits, Increase("tăng 3-5%/năm", 3, 5, "%", perYear: true), 1051, Exceeded },
        { PoisoningCases, Decrease("giảm 2%", 2, "%"), 980, Met },
        { PoisoningCases, Decrease("giảm 2%", 2, "%"), 990, NotMet },
        { PoisoningCases, Decrease("giảm 50 ca", 50, null), 940, Exceeded },
        { PoisoningCases, Decrease("giảm 50 ca", 50, null), 960, NotMet },
    };

    [Theory, MemberData(nameof(CountChanges))]
    public void A_change_on_a_count_with_a_percent_sign_is_in_percent_of_the_baseline(Indicator indicator, TargetExpression target, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, target, actual, baseline: 1000).Status);

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void A_change_target_without_a_usable_baseline_is_not_assessed(int? baseline)
    {
        var result = Evaluate(Visits, Increase("tăng 3-5%/năm", 3, 5, "%", perYear: true), 1200, baseline);
        Assert.Equal(NotAssessed, result.Status);
        Assert.Contains("cùng kỳ", result.Reason);
    }

    [Fact]
    public void A_change_target_reports_percent_of_the_value_it_leads_to()
    {
        // giảm 0,5‰ from 16,0 leads to 15,5; 15,5 is 100% of it.
        var result = Evaluate(BirthRate, Decrease("giảm 0,5‰", 0.5m, "‰"), 15.5m, 16.0m);
        Assert.Equal(100m, result.PercentOfPlan);
    }

    [Theory]
    [InlineData(4, Exceeded)]
    [InlineData(3, Met)]
    [InlineData(2, NotMet)]
    public void A_level_target_is_met_at_the_level_and_exceeded_above_it(int level, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(HospitalLevel, Level("đạt tối thiểu mức 3", 3), level).Status);

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
    }
}
