using System.Reflection;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Hosting.Worker;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Hosting;

/// <summary>The host's timers as the worker delivers them: the timer functions run the same job code.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerFunctionTests(AzuriteFixture azurite) : IDisposable
{
    // The server's clock when the host fires the year-end timer: just after the occurrence.
    static readonly DateTimeOffset FiredAt = DateTimeOffset.Parse("2021-12-31T17:00:00.0312Z");
    static readonly DateTimeOffset YearEnd2021 = new(2021, 12, 31, 17, 0, 0, TimeSpan.Zero);

    readonly HostingFactory factory = new(azurite, FiredAt);

    HostTimerRuns Runs() => ActivatorUtilities.CreateInstance<HostTimerRuns>(factory.Services);

    [Fact]
    public async Task Host_timer_runs_the_job_once_for_the_occurrence_it_fired_at()
    {
        var report = await Runs().RunAsync("year-end-test", isPastDue: false, CancellationToken.None);

        Assert.Equal("year 2021 summarised", report.Result!.Summary);
        Assert.Contains("Information: Summarised year 2021.", report.Logs);
        var run = Assert.Single(factory.RunLog.Runs);
        Assert.Equal(("year-end-test", new JobRun(YearEnd2021, IsPastDue: false, JobSource.HostTimer)), run);
    }

    [Fact]
    public async Task A_timer_the_host_reports_past_due_runs_the_latest_occurrence_marked_past_due()
    {
        factory.Clock!.SetUtcNow(DateTimeOffset.Parse("2022-01-02T08:15:00Z"));

        await Runs().RunAsync("year-end-test", isPastDue: true, CancellationToken.None);

        Assert.Equal(new JobRun(YearEnd2021, IsPastDue: true, JobSource.HostTimer), Assert.Single(factory.RunLog.Runs).Run);
    }

    [Fact]
    public async Task A_failing_job_fails_the_invocation_with_its_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Runs().RunAsync("failing-test", isPastDue: false, CancellationToken.None));

        Assert.Contains("failing-test", error.Message);
        Assert.Contains("the snapshot container is missing", error.InnerException!.Message);
        Assert.Single(factory.RunLog.Runs);
    }

    [Fact]
    public void Every_registered_job_has_one_timer_function_on_the_schedule_the_job_declares()
    {
        var timers = typeof(JobFunctions).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(t => t is not null)!.Schedule)
            .Order(StringComparer.Ordinal);
        var jobs = factory.Services.GetRequiredService<JobCatalog>().Entries
            .Where(e => !e.Name.EndsWith("-test", StringComparison.Ordinal))
            .Select(e => e.Schedule.Text)
            .Order(StringComparer.Ordinal);

        Assert.Equal(jobs, timers);
    }

    public void Dispose() => factory.Dispose();
}
