using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Consolidation;

/// A quarter, 6 or 9 months or the year with no figure of its own is formed from what was reported inside it.
public class DerivedPeriodsTests
{
    static Observation Reported(Indicator indicator, string period, decimal? value, decimal? numerator = null, decimal? denominator = null) =>
        new("TD", indicator.Code, Period.ParseCode(period), value, numerator, denominator);

    static string[] Codes(IEnumerable<Period> periods) => periods.Select(p => p.Code).ToArray();

    // Months 1-12 of each kind: visits 10.000 + 100 × m; beds 400 + m; immunised m×10 of 100 (summed parts);
    // births 200 + m over a population growing by 100 a month (latest population); hospital level 2 until June, 3 after.
    static IEnumerable<Observation> Year(Indicator indicator) => Enumerable.Range(1, 12).Select(m => indicator.Code switch
    {
        "KCB" => Reported(Visits, $"2024-M{m:00}", 10_000 + 100 * m),
        "GIUONG" => Reported(Beds, $"2024-M{m:00}", 400 + m),
        "TCMR" => Reported(Immunisation, $"2024-M{m:00}", m * 10, m * 10, 100),
        "TSUAT_SINH" => Reported(BirthRate, $"2024-M{m:00}", null, 200 + m, 190_000 + 100 * m),
        _ => Reported(HospitalLevel, $"2024-M{m:00}", m <= 6 ? 2 : 3),
    });

    public static TheoryData<Indicator, string, decimal?, decimal?, decimal?> ByTimeType => new()
    {
        // Flow count: the months summed, 6 and 9 months cumulative from January.
        { Visits, "2024-Q1", 30_600m, null, null },
        { Visits, "2024-Q3", 32_400m, null, null },
        { Visits, "2024-H1", 62_100m, null, null },
        { Visits, "2024-9M", 94_500m, null, null },
        { Visits, "2024", 127_800m, null, null },
        // Stock: the latest month, not a sum and not an average.
        { Beds, "2024-Q2", 406m, null, null },
        { Beds, "2024-9M", 409m, null, null },
        { Beds, "2024", 412m, null, null },
        // Percentage: Σ numerators / Σ denominators (10+20+30)/300 = 20%, which here equals no month's figure.
        { Immunisation, "2024-Q1", 20m, 60m, 300m },
        { Immunisation, "2024-H1", 35m, 210m, 600m },
        // Rate: Σ births over the latest population (× 1.000), never three populations.
        { BirthRate, "2024-Q1", 606m / 190_300m * 1000, 606m, 190_300m },
        // Level: the latest month.
        { HospitalLevel, "2024-H1", 2m, null, null },
        { HospitalLevel, "2024", 3m, null, null },
    };

    [Theory, MemberData(nameof(ByTimeType))]
    public void A_period_without_its_own_figure_is_formed_from_its_months_by_the_indicators_time_type(
        Indicator indicator, string period, decimal? value, decimal? numerator, decimal? denominator)
    {
        var result = Consolidator.OverTimeWithGaps(indicator, Period.ParseCode(period), Year(indicator));
        Assert.Equal((value, numerator, denominator), (result.Observation!.Value, result.Observation.Numerator, result.Observation.Denominator));
        Assert.True(result.IsDerived);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void A_flow_names_every_month_it_was_formed_from_and_says_so_in_its_note()
    {
        var result = Consolidator.OverTimeWithGaps(Visits, Period.Quarter(2024, 1), Year(Visits));
        Assert.Equal(["2024-M01", "2024-M02", "2024-M03"], Codes(result.DerivedFrom));
        Assert.Equal("Cộng dồn 3 tháng: T01–T03", result.Observation!.Note);
    }

    [Fact]
    public void A_stock_names_the_one_month_it_was_taken_from()
    {
        var result = Consolidator.OverTimeWithGaps(Beds, Period.NineMonths(2024), Year(Beds));
        Assert.Equal(["2024-M09"], Codes(result.DerivedFrom));
        Assert.Equal("Số liệu thời điểm gần nhất: T09", result.Observation!.Note);
    }

    public static TheoryData<string, decimal, string[]> DirectFigures => new()
    {
        // The 9 months were reported: that figure wins over the months, even when they add up to something else.
        { "2024-9M", 95_000m, [] },
        // A reported quarter is used whole, as the quarter itself would be: H1 = Q1 reported + April-June.
        { "2024-H1", 31_000m + 10_400 + 10_500 + 10_600, ["2024-Q1", "2024-M04", "2024-M05", "2024-M06"] },
        // The year from the reported 9 months and October-December.
        { "2024", 95_000m + 11_000 + 11_100 + 11_200, ["2024-9M", "2024-M10", "2024-M11", "2024-M12"] },
    };

    [Theory, MemberData(nameof(DirectFigures))]
    public void A_figure_reported_for_the_period_or_a_period_inside_it_wins_over_its_months(string period, decimal value, string[] derivedFrom)
    {
        var reported = Year(Visits).Append(Reported(Visits, "2024-9M", 95_000)).Append(Reported(Visits, "2024-Q1", 31_000));
        var result = Consolidator.OverTimeWithGaps(Visits, Period.ParseCode(period), reported);
        Assert.Equal(value, result.Observation!.Value);
        Assert.Equal(derivedFrom, Codes(result.DerivedFrom));
    }

    [Fact]
    public void A_reported_quarter_without_the_parts_a_percentage_needs_gives_way_to_its_months()
    {
        var reported = Year(Immunisation).Append(Reported(Immunisation, "2024-Q1", 25));
        var result = Consolidator.OverTimeWithGaps(Immunisation, Period.FirstHalf(2024), reported);
        Assert.Equal(35m, result.Observation!.Value);
        Assert.Equal(6, result.DerivedFrom.Count);
    }

    public static TheoryData<Indicator, string, int[], decimal, string[]> Partial => new()
    {
        // Visits without May and August: the sum of the seven others, both missing months named.
        { Visits, "2024-9M", [5, 8], 94_500m - 10_500 - 10_800, ["2024-M05", "2024-M08"] },
        // Beds without September: August's figure, and September named as what would have replaced it.
        { Beds, "2024-9M", [9], 408m, ["2024-M09"] },
        // Beds without July: September still stands for the 9 months, nothing missing that matters.
        { Beds, "2024-9M", [7], 409m, [] },
        // Immunisation without March: (10+20)/200 = 15%.
        { Immunisation, "2024-Q1", [3], 15m, ["2024-M03"] },
    };

    [Theory, MemberData(nameof(Partial))]
    public void Missing_months_make_the_figure_partial_and_are_named_never_counted_as_zero(
        Indicator indicator, string period, int[] absent, decimal value, string[] missing)
    {
        var result = Consolidator.OverTimeWithGaps(indicator, Period.ParseCode(period), Year(indicator).Where(o => !absent.Contains(o.Period.Index)));
        Assert.Equal(value, result.Observation!.Value);
        Assert.Equal(missing, Codes(result.MissingMonths));
        Assert.Equal(missing.Length == 0, result.IsComplete);
    }

    [Fact]
    public void A_partial_flow_says_which_months_it_covers_and_which_it_lacks()
    {
        var result = Consolidator.OverTimeWithGaps(Visits, Period.Quarter(2024, 1), Year(Visits).Where(o => o.Period.Index != 2));
        Assert.Equal("Cộng dồn 2 tháng: T01, T03; chưa có số liệu tháng 2/2024.", result.Observation!.Note);
        Assert.Equal(2, result.MonthsCovered(Period.Quarter(2024, 1)));
    }

    [Theory]
    [InlineData("2024-M02", "2024-M03", "T02–T03")]
    [InlineData("2024-H1", "2024-M07", "6 tháng, T07")]
    [InlineData("2024-Q1", "2024-Q2", "Quý I, Quý II")]
    public void The_note_joins_runs_of_months_and_names_other_periods_shortly(string first, string second, string text) =>
        Assert.Equal(text, PeriodNote.Pieces([Period.ParseCode(first), Period.ParseCode(second)]));
}
