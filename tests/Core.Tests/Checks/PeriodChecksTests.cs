using HealthFuncs.Core.Checks;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Checks;

/// A figure for a quarter, 6 or 9 months or the year against the periods inside it: warnings, never rejections.
public class PeriodChecksTests
{
    static readonly Dictionary<string, Indicator> Catalogue = new[] { Visits, Beds, Immunisation, HospitalLevel }.ToDictionary(i => i.Code);

    static Observation Row(Indicator indicator, string period, decimal? value, decimal? numerator = null, decimal? denominator = null) =>
        new("TD", indicator.Code, Period.ParseCode(period), value, numerator, denominator);

    static IEnumerable<Observation> Months(Indicator indicator, int through, decimal each) =>
        Enumerable.Range(1, through).Select(m => Row(indicator, $"2024-M{m:00}", each));

    static IReadOnlyList<CheckFinding> Check(Observation submitted, IEnumerable<Observation> stored) =>
        PeriodChecks.Of([submitted], Catalogue, stored.ToList());

    [Fact]
    public void A_cumulative_flow_that_differs_from_its_complete_months_is_a_warning_naming_both_numbers_and_periods()
    {
        var finding = Assert.Single(Check(Row(Visits, "2024-9M", 95_000), Months(Visits, 9, 10_000)));
        Assert.Equal((CheckSeverity.Warning, CheckRules.DisagreesWithMonths), (finding.Severity, finding.Rule));
        Assert.Contains("9 tháng năm 2024 là 95.000", finding.MessageVi);
        Assert.Contains("T01–T09 được 90.000", finding.MessageVi);
        Assert.Contains("2024-9M was reported as 95,000, but 2024-M01…2024-M09 add up to 90,000", finding.MessageEn);
    }

    public static TheoryData<Observation, Observation[]> Agreeing => new()
    {
        // The months add up to it.
        { Row(Visits, "2024-9M", 90_000), Months(Visits, 9, 10_000).ToArray() },
        // Months missing: nothing to compare a complete figure with, and the cumulative is above every month.
        { Row(Visits, "2024-9M", 95_000), Months(Visits, 5, 10_000).ToArray() },
        // A percentage that is its months' summed parts at its own decimals: 60/90 = 66,67%.
        { Row(Immunisation, "2024-Q1", 66.7m, 60, 90), [Row(Immunisation, "2024-M01", 50, 10, 20), Row(Immunisation, "2024-M02", 70, 35, 50), Row(Immunisation, "2024-M03", 75, 15, 20)] },
        // A stock equal to its last month.
        { Row(Beds, "2024-Q2", 420), [Row(Beds, "2024-M05", 410), Row(Beds, "2024-M06", 420)] },
    };

    [Theory, MemberData(nameof(Agreeing))]
    public void Figures_that_agree_with_the_periods_inside_them_give_no_warning(Observation submitted, Observation[] stored) =>
        Assert.Empty(Check(submitted, stored));

    [Fact]
    public void A_cumulative_flow_count_smaller_than_a_month_inside_it_is_a_warning_even_with_months_missing()
    {
        var finding = Assert.Single(Check(Row(Visits, "2024-H1", 8_000), [Row(Visits, "2024-M01", 5_000), Row(Visits, "2024-M03", 12_000)]));
        Assert.Equal(CheckRules.CumulativeBelowPart, finding.Rule);
        Assert.Contains("6 tháng đầu năm 2024 là 8.000, nhỏ hơn số tháng 3/2024 (12.000)", finding.MessageVi);
    }

    [Fact]
    public void A_stock_reported_for_a_quarter_that_differs_from_its_last_month_is_a_warning()
    {
        var finding = Assert.Single(Check(Row(Beds, "2024-Q1", 415), [Row(Beds, "2024-M02", 415), Row(Beds, "2024-M03", 420)]));
        Assert.Equal(CheckRules.StockDisagreesWithLastMonth, finding.Rule);
        Assert.Contains("quý I/2024 là 415, khác số tháng cuối kỳ (tháng 3/2024: 420)", finding.MessageVi);
        Assert.Contains("2024-Q1 is 415, not the 420 of its last month 2024-M03", finding.MessageEn);
    }

    [Fact]
    public void A_month_that_completes_a_stored_cumulative_it_disagrees_with_warns_about_that_cumulative()
    {
        var stored = Months(Visits, 8, 10_000).Append(Row(Visits, "2024-9M", 95_000));
        var finding = Assert.Single(Check(Row(Visits, "2024-M09", 10_000), stored));
        Assert.Equal(CheckRules.DisagreesWithMonths, finding.Rule);
        Assert.Contains("9 tháng năm 2024 là 95.000", finding.MessageVi);
    }

    [Fact]
    public void A_month_larger_than_a_stored_quarter_around_it_warns_about_the_quarter()
    {
        var finding = Assert.Single(Check(Row(Visits, "2024-M02", 40_000), [Row(Visits, "2024-Q1", 30_000)]));
        Assert.Equal(CheckRules.CumulativeBelowPart, finding.Rule);
        Assert.Contains("quý I/2024 là 30.000, nhỏ hơn số tháng 2/2024 (40.000)", finding.MessageVi);
    }

    [Fact]
    public void The_stored_figure_of_the_submitted_period_is_replaced_by_the_new_one()
    {
        var stored = Months(Visits, 9, 10_000).Append(Row(Visits, "2024-9M", 95_000));
        Assert.Empty(Check(Row(Visits, "2024-9M", 90_000), stored));
    }
}
