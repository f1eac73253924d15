using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using static HealthFuncs.Core.Attainments.AttainmentStatus;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Attainments;

public class ChangeReadingTests
{
    static readonly Period Year2021 = Period.FullYear(2021);

    static Attainment Evaluate(Indicator indicator, string text, decimal actual, decimal? baseline) =>
        AttainmentRules.Evaluate(indicator, Year2021, TargetParser.Parse(text, indicator), actual, baseline);

    [Fact]
    public void Ten_percent_down_from_8_percent_is_relative_because_10_points_would_go_below_zero()
    {
        var result = Evaluate(Stunting, "giảm 10%", 7.2m, 8m);
        Assert.Equal(Met, result.Status);
        Assert.Equal(100m, result.PercentOfPlan);   // 8 − 10 % of 8 = 7,2
        Assert.Contains("đọc là giảm 10% tương đối so với cùng kỳ", result.Reason);
        Assert.Contains("sẽ dưới 0", result.Reason);
    }

    [Fact]
    public void Two_percent_down_from_22_1_percent_is_two_points()
    {
        var result = Evaluate(Stunting, "giảm 2% so với cùng kỳ", 20.1m, 22.1m);
        Assert.Equal(Met, result.Status);
        Assert.Contains("đọc là giảm 2 điểm % so với cùng kỳ", result.Reason);
    }

    [Fact]
    public void A_change_larger_than_the_baseline_in_points_is_read_as_relative()
    {
        // 6 points on a baseline of 4: the relative reading (4 → 4,24) is meant.
        var result = Evaluate(Immunisation, "tăng 6%", 4.24m, 4m);
        Assert.Equal(Met, result.Status);
        Assert.Contains("tương đối", result.Reason);
    }

    [Fact]
    public void An_increase_of_a_percentage_past_100_in_both_readings_is_not_assessed()
    {
        var result = Evaluate(Immunisation, "tăng 10%", 99m, 95m);
        Assert.Equal(NotAssessed, result.Status);
        Assert.Contains("trên 100%", result.Reason);
    }

    [Fact]
    public void Percent_on_a_count_is_relative_and_not_ambiguous()
    {
        var reading = ChangeReadings.Of(TargetParser.Parse("tăng 5%", Visits), Visits)!;
        Assert.Equal((ChangeReading.Relative, false, "tăng 5% tương đối so với cùng kỳ"), (reading.Reading, reading.Ambiguous, reading.Words));
    }

    [Fact]
    public void Percent_on_a_percentage_reads_as_points_before_a_baseline_is_known_and_says_it_is_ambiguous()
    {
        var reading = ChangeReadings.Of(TargetParser.Parse("giảm 10%", Stunting), Stunting)!;
        Assert.Equal((ChangeReading.Points, true, false, "giảm 10 điểm % so với cùng kỳ"), (reading.Reading, reading.Ambiguous, reading.ChosenByAdmin, reading.Words));
        Assert.Contains("trừ khi", reading.Why);
    }

    [Fact]
    public void Increase_and_decrease_read_differently()
    {
        Assert.StartsWith("tăng", ChangeReadings.Of(TargetParser.Parse("tăng 5%", Stunting), Stunting)!.Words);
        Assert.StartsWith("giảm", ChangeReadings.Of(TargetParser.Parse("giảm 5%", Stunting), Stunting)!.Words);
    }

    [Fact]
    public void An_administrators_relative_reading_replaces_the_rule()
    {
        var target = TargetParser.Parse("giảm 2%", Stunting) with { Reading = ChangeReading.Relative };
        Assert.Equal(NotMet, AttainmentRules.Evaluate(Stunting, Year2021, target, 21.6m, 22m).Status);   // a drop of 1,8 %, not 2 %
        var result = AttainmentRules.Evaluate(Stunting, Year2021, target, 21.56m, 22m);                    // 22 − 2 % of 22
        Assert.Equal(Met, result.Status);
        Assert.Contains("đọc là giảm 2% tương đối", result.Reason);
        Assert.True(ChangeReadings.Of(target, Stunting, 22m)!.ChosenByAdmin);
    }

    [Fact]
    public void An_administrators_points_reading_that_gives_an_impossible_level_is_not_assessed()
    {
        var target = TargetParser.Parse("giảm 10%", Stunting) with { Reading = ChangeReading.Points };
        var result = AttainmentRules.Evaluate(Stunting, Year2021, target, 7m, 8m);
        Assert.Equal(NotAssessed, result.Status);
        Assert.Null(result.PercentOfPlan);
        Assert.Contains("dưới 0", result.Reason);
    }

    [Fact]
    public void A_change_against_a_named_year_says_so_and_needs_that_years_figure()
    {
        var target = TargetParser.Parse("giảm 5% so với năm 2020", PoisoningCases);
        Assert.Equal(2020, target.BaselineYear);
        Assert.Equal(new Period(PeriodKind.Year, 2020, 0, 2020), AttainmentRules.BaselinePeriod(Year2021, target));
        var result = AttainmentRules.Evaluate(PoisoningCases, Year2021, target, 95, 100);
        Assert.Equal(Met, result.Status);
        Assert.Contains("năm 2020 100", result.Reason);
        Assert.Contains("chưa có số liệu năm 2020", AttainmentRules.Evaluate(PoisoningCases, Year2021, target, 95, null).Reason);
    }

    public static TheoryData<Indicator, string, decimal, AttainmentStatus> NewForms => new()
    {
        { NationalCriteria, "100% xã", 100, Met },
        { NationalCriteria, "100% số xã", 96.8m, NotMet },
        { Immunisation, "từ 95% trở lên", 95, Met },
        { Immunisation, "trên 95% trẻ em", 95.5m, Met },
        { Immunisation, "≧95", 96, Exceeded },
        { Insured, "4.080 người", 4080, Met },
        { Insured, "4,080 người", 4100, Exceeded },
        { Stunting, "xuống còn 13%", 12.5m, Exceeded },
        { Stunting, "từ 13% trở xuống", 13.5m, NotMet },
        { Immunisation, "3 đến 5%", 4, Met },
    };

    [Theory, MemberData(nameof(NewForms))]
    public void Targets_written_with_subjects_open_ends_and_compatibility_symbols_are_judged(Indicator indicator, string text, decimal actual, AttainmentStatus expected) =>
        Assert.Equal(expected, Evaluate(indicator, text, actual, null).Status);
}
