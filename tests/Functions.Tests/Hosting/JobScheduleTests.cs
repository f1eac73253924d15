using HealthFuncs.Functions.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class JobScheduleTests
{
    static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, null, System.Globalization.DateTimeStyles.AssumeUniversal);

    [Theory]
    // Year-end summary at 17:00 UTC (midnight in Vietnam) on 31 December.
    [InlineData("0 0 17 31 12 *", "2021-06-01T00:00:00Z", "2021-12-31T17:00:00Z")]
    [InlineData("0 0 17 31 12 *", "2021-12-31T17:00:00Z", "2022-12-31T17:00:00Z")]
    // Nightly at 02:30.
    [InlineData("0 30 2 * * *", "2021-03-01T02:29:59Z", "2021-03-01T02:30:00Z")]
    [InlineData("0 30 2 * * *", "2021-03-01T02:30:00Z", "2021-03-02T02:30:00Z")]
    // On the 25th of each month at 01:00, the completeness reminder; past the 28th of February.
    [InlineData("0 0 1 25 * *", "2021-02-26T00:00:00Z", "2021-03-25T01:00:00Z")]
    // Every Monday at 08:00.
    [InlineData("0 0 8 * * MON", "2021-12-29T00:00:00Z", "2022-01-03T08:00:00Z")]
    public void Next_occurrence_comes_from_the_six_field_schedule_in_utc(string schedule, string after, string expected)
    {
        Assert.Equal(Utc(expected), JobSchedule.Parse(schedule).NextAfter(Utc(after)));
    }

    [Theory]
    [InlineData("0 0 17 31 12 *", "2022-03-01T00:00:00Z", "2021-12-31T17:00:00Z")]
    [InlineData("0 0 17 31 12 *", "2021-12-31T17:00:00Z", "2021-12-31T17:00:00Z")]
    [InlineData("0 30 2 * * *", "2021-03-01T02:29:00Z", "2021-02-28T02:30:00Z")]
    [InlineData("*/10 * * * * *", "2021-03-01T02:29:07Z", "2021-03-01T02:29:00Z")]
    public void Latest_occurrence_at_or_before_a_moment(string schedule, string at, string expected)
    {
        Assert.Equal(Utc(expected), JobSchedule.Parse(schedule).LatestAtOrBefore(Utc(at)));
    }

    [Theory]
    // Down over new year: the year-end run is caught up once.
    [InlineData("2021-12-30T00:00:00Z", "2022-01-02T09:00:00Z", "2021-12-31T17:00:00Z")]
    // Nightly job down for three nights: only the latest night is caught up.
    [InlineData("2021-12-20T00:00:00Z", "2021-12-23T09:00:00Z", "2021-12-31T17:00:00Z")]
    public void Missed_occurrence_is_the_latest_one_after_the_last_run(string lastRun, string now, string expectedYearEnd)
    {
        var yearEnd = JobSchedule.Parse("0 0 17 31 12 *");
        var nightly = JobSchedule.Parse("0 30 2 * * *");

        var missedYearEnd = yearEnd.MissedSince(Utc(lastRun), Utc(now));
        var missedNight = nightly.MissedSince(Utc(lastRun), Utc(now));

        Assert.Equal(Utc(now) > Utc(expectedYearEnd) ? Utc(expectedYearEnd) : null, missedYearEnd);
        Assert.Equal(nightly.LatestAtOrBefore(Utc(now)), missedNight);
    }

    [Fact]
    public void Nothing_is_missed_when_the_last_run_is_the_latest_occurrence_or_there_is_no_record()
    {
        var nightly = JobSchedule.Parse("0 30 2 * * *");

        Assert.Null(nightly.MissedSince(Utc("2021-03-01T02:30:00Z"), Utc("2021-03-01T23:00:00Z")));
        Assert.Null(nightly.MissedSince(null, Utc("2021-03-01T23:00:00Z")));
    }

    [Theory]
    [InlineData("0 17 31 12 *", "six fields")]
    [InlineData("", "six fields")]
    [InlineData("0 0 25 31 12 *", "not a valid NCRONTAB")]
    [InlineData("0 0 17 31 13 *", "not a valid NCRONTAB")]
    [InlineData("x 0 17 31 12 *", "not a valid NCRONTAB")]
    public void Invalid_schedule_is_rejected_with_the_reason(string schedule, string reason)
    {
        Assert.False(JobSchedule.TryParse(schedule, out _, out var error));
        Assert.Contains(reason, error);
    }
}
