using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Consolidation;

public class OverTimeTests
{
    static Observation Month(Indicator indicator, int month, decimal? value, decimal? numerator = null, decimal? denominator = null, string unit = "SD") =>
        new(unit, indicator.Code, Period.Month(2021, month), value, numerator, denominator);

    static IEnumerable<Observation> Visits12 => Enumerable.Range(1, 12).Select(m => Month(Visits, m, 20_000 + m));

    [Theory]
    [InlineData("2021-Q1", 60_006)]
    [InlineData("2021-Q2", 60_015)]
    [InlineData("2021-H1", 120_021)]
    [InlineData("2021-9M", 180_045)]
    [InlineData("2021", 240_078)]
    [InlineData("2021-M03", 20_003)]
    public void A_flow_sums_the_months_its_period_covers_cumulative_from_january(string period, int visits)
    {
        var result = Consolidator.OverTime(Visits, Period.ParseCode(period), Visits12);
        Assert.Equal(visits, result!.Value);
        Assert.Equal(Period.ParseCode(period), result.Period);
    }

    [Fact]
    public void A_flow_percentage_sums_numerators_and_denominators_of_its_months()
    {
        // Immunised of children due: 90/100, 50/50, 95/100 → 235/250 = 94%, not the 95% mean of the months.
        var months = new[] { Month(Immunisation, 1, 90, 90, 100), Month(Immunisation, 2, 100, 50, 50), Month(Immunisation, 3, 95, 95, 100) };
        var result = Consolidator.OverTime(Immunisation, Period.Quarter(2021, 1), months);
        Assert.Equal((235m, 250m), (result!.Numerator, result.Denominator));
        Assert.Equal(94m, result.Value);
    }

    [Fact]
    public void A_single_month_is_its_own_observation_even_without_parts()
    {
        var march = Month(Immunisation, 3, 96.5m);
        Assert.Equal(march, Consolidator.OverTime(Immunisation, Period.Month(2021, 3), [Month(Immunisation, 2, 90), march]));
        Assert.Equal([Period.Month(2021, 4)], Consolidator.OverTimeWithGaps(Immunisation, Period.Month(2021, 4), [march]).MissingMonths);
    }

    [Fact]
    public void A_flow_rate_sums_numerators_over_the_latest_population()
    {
        var months = new[] { Month(BirthRate, 1, null, 250, 190_000), Month(BirthRate, 2, null, 230, 190_200), Month(BirthRate, 3, null, 240, 190_400) };
        var result = Consolidator.OverTime(BirthRate, Period.Quarter(2021, 1), months);
        Assert.Equal((720m, 190_400m), (result!.Numerator, result.Denominator));
        Assert.Equal(3.78m, Math.Round(result.Value!.Value, 2));
    }

    [Theory]
    [InlineData("2021-Q1", 415)]
    [InlineData("2021-H1", 420)]
    [InlineData("2021", 420)]
    public void A_stock_takes_the_latest_month_with_a_value(string period, int beds)
    {
        var months = new[] { Month(Beds, 1, 410), Month(Beds, 3, 415), Month(Beds, 5, 420), Month(Beds, 6, null) };
        var result = Consolidator.OverTime(Beds, Period.ParseCode(period), months);
        Assert.Equal(beds, result!.Value);
    }

    [Fact]
    public void A_level_takes_the_latest_month_even_when_marked_flow()
    {
        var level = HospitalLevel with { Time = TimeBehaviour.Flow };
        var result = Consolidator.OverTime(level, Period.FullYear(2021), [Month(level, 2, 2), Month(level, 11, 3)]);
        Assert.Equal(3m, result!.Value);
    }

    [Fact]
    public void A_missing_month_of_a_flow_is_listed_and_named_in_the_note_while_the_others_are_summed()
    {
        var months = Visits12.Where(o => o.Period.Index != 2);
        var result = Consolidator.OverTimeWithGaps(Visits, Period.Quarter(2021, 1), months);
        Assert.Equal(40_004m, result.Observation!.Value);
        Assert.Equal([Period.Month(2021, 2)], result.MissingMonths);
        Assert.Equal("Cộng dồn 2 tháng: T01, T03; chưa có số liệu tháng 2/2021.", result.Observation.Note);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void A_stock_misses_only_the_months_after_its_latest_value()
    {
        var result = Consolidator.OverTimeWithGaps(Beds, Period.FirstHalf(2021), [Month(Beds, 2, 410), Month(Beds, 4, 420)]);
        Assert.Equal(420m, result.Observation!.Value);
        Assert.Equal([Period.Month(2021, 5), Period.Month(2021, 6)], result.MissingMonths);
    }

    [Fact]
    public void No_month_with_a_value_gives_no_observation()
    {
        var result = Consolidator.OverTimeWithGaps(Visits, Period.Quarter(2021, 2), Visits12.Where(o => o.Period.Index <= 3));
        Assert.Null(result.Observation);
        Assert.Equal(3, result.MissingMonths.Count);
    }

    public static TheoryData<Observation[]> Inconsistent => new()
    {
        new[] { Month(Visits, 1, 10), Month(Visits, 1, 12) },
        new[] { Month(Visits, 1, 10), Month(Visits, 2, 12, unit: "YS") },
    };

    [Theory, MemberData(nameof(Inconsistent))]
    public void Months_of_several_units_or_a_month_given_twice_are_rejected(Observation[] months) =>
        Assert.Throws<ArgumentException>(() => Consolidator.OverTime(Visits, Period.Quarter(2021, 1), months));

    [Fact]
    public void Observations_of_other_indicators_and_of_periods_outside_are_ignored()
    {
        var months = Visits12.Append(Month(Beds, 1, 420)).Append(new Observation("SD", Visits.Code, Period.Quarter(2021, 2), 1_000_000))
            .Append(new Observation("SD", Visits.Code, Period.Month(2020, 12), 5));
        Assert.Equal(60_006m, Consolidator.OverTime(Visits, Period.Quarter(2021, 1), months)!.Value);
    }
}
