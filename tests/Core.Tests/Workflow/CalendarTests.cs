using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Core.Tests.Workflow;

public class CalendarTests
{
    [Theory]
    // Midnight in Vietnam is 17:00 UTC the day before: the business year changes exactly there.
    [InlineData("2021-12-31T16:59:59Z", "2021-12-31")]
    [InlineData("2021-12-31T17:00:00Z", "2022-01-01")]
    [InlineData("2022-01-01T08:00:00Z", "2022-01-01")]
    [InlineData("2021-06-30T23:30:00+07:00", "2021-06-30")]
    public void The_business_date_is_the_Vietnam_date(string instant, string date) =>
        Assert.Equal(DateOnly.Parse(date), VietnamTime.DateOf(DateTimeOffset.Parse(instant)));

    [Fact]
    public void A_Vietnam_day_starts_at_17_00_UTC_the_day_before() =>
        Assert.Equal(DateTimeOffset.Parse("2021-12-31T17:00:00Z"), VietnamTime.StartOf(new DateOnly(2022, 1, 1)));

    [Theory]
    // 2021-03-31 is a Wednesday: 5 working days later is Wednesday 7 April.
    [InlineData("2021-03-31", 5, "2021-04-07")]
    // Friday 30 April and Monday 3 May are public holidays here: 2 working days after Thursday 29 April.
    [InlineData("2021-04-29", 2, "2021-05-05")]
    // Zero working days: the deadline is the last day of the period itself, even a Saturday.
    [InlineData("2021-07-31", 0, "2021-07-31")]
    // A period ending on a Saturday counts from the Monday after.
    [InlineData("2021-07-31", 1, "2021-08-02")]
    public void Working_days_skip_weekends_and_public_holidays(string from, int days, string expected)
    {
        var calendar = new WorkingCalendar([new DateOnly(2021, 4, 30), new DateOnly(2021, 5, 3)]);
        Assert.Equal(DateOnly.Parse(expected), calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Fact]
    public void Deadlines_and_locks_are_set_per_level()
    {
        var rules = new ReportingRules(new Dictionary<UnitLevel, LevelSchedule>
        {
            [UnitLevel.Commune] = new(2, 4),
            [UnitLevel.District] = new(5, 10),
        }, new WorkingCalendar());
        var q1 = Period.Quarter(2021, 1);
        Assert.Equal(new DateOnly(2021, 4, 2), rules.DeadlineDate(UnitLevel.Commune, q1));
        Assert.Equal(new DateOnly(2021, 4, 7), rules.DeadlineDate(UnitLevel.District, q1));
        Assert.Equal(new DateOnly(2021, 4, 14), rules.LockDate(UnitLevel.District, q1));
        // The deadline passes when the deadline date ends in Vietnam.
        Assert.Equal(DateTimeOffset.Parse("2021-04-07T17:00:00Z"), rules.DeadlinePasses(UnitLevel.District, q1));
    }

    [Fact]
    public void A_lock_before_the_deadline_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportingRules(
            new Dictionary<UnitLevel, LevelSchedule> { [UnitLevel.District] = new(5, 3) }, new WorkingCalendar()));
        Assert.Contains("District", error.Message);
    }

    [Fact]
    public void A_plan_period_has_no_deadline() =>
        Assert.Throws<ArgumentException>(() => ReportingRules.Default.DeadlineDate(UnitLevel.District, Period.Plan(2021, 2025)));

    [Fact]
    public void A_year_has_nineteen_reporting_periods() =>
        Assert.Equal(19, ReportingRules.ReportingPeriodsOf(2021).Distinct().Count());
}
