using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Tests;

public class PeriodCodeTests
{
    [Theory]
    [InlineData("2021", PeriodKind.Year, 1, 12)]
    [InlineData("2021-M03", PeriodKind.Month, 3, 3)]
    [InlineData("2021-Q2", PeriodKind.Quarter, 4, 6)]
    [InlineData("2021-H1", PeriodKind.FirstHalf, 1, 6)]
    [InlineData("2021-9M", PeriodKind.NineMonths, 1, 9)]
    public void Canonical_codes_round_trip_and_cover_their_months(string code, PeriodKind kind, int first, int last)
    {
        var period = Period.ParseCode(code);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(code, period.Code);
        Assert.Equal(first, period.FirstMonth);
        Assert.Equal(last, period.LastMonth);
    }

    [Fact]
    public void Plan_period_code_names_both_years()
    {
        var plan = Period.ParseCode("2021-2025");
        Assert.Equal((PeriodKind.PlanPeriod, 2021, 2025), (plan.Kind, plan.Year, plan.EndYear));
        Assert.Equal(new DateOnly(2025, 12, 31), plan.End);
    }

    [Theory]
    [InlineData("2021-M13")]
    [InlineData("2021-Q5")]
    [InlineData("21")]
    [InlineData("2025-2021")]
    [InlineData("")]
    public void Malformed_codes_are_refused(string code) => Assert.False(Period.TryParseCode(code, out _));

    [Fact]
    public void Same_period_last_year_is_the_baseline() =>
        Assert.Equal(Period.Quarter(2020, 1), Period.Quarter(2021, 1).SamePeriodLastYear());
}
