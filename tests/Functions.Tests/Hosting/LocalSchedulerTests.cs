using HealthFuncs.Functions.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class LocalSchedulerTests : IDisposable
{
    readonly string checkpoints = Path.Combine(Path.GetTempPath(), "healthfuncs-jobs-" + Guid.NewGuid().ToString("N"));

    ServiceProvider Services(bool runLocally = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:RunLocally"] = runLocally ? "true" : "false",
            ["Jobs:CheckpointDirectory"] = checkpoints,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<RunLog>();
        services.AddScheduledJob<YearEndTestJob>();
        return services.BuildServiceProvider();
    }


    [Fact]
    public async Task Year_end_missed_while_the_server_was_down_is_caught_up_once_on_start_as_past_due()
    {
        await using var provider = Services();
        var lastYear = DateTimeOffset.UtcNow.AddYears(-2);
        await provider.GetRequiredService<JobCheckpoints>().RecordAsync("year-end-test", lastYear);
        var expected = JobSchedule.Parse("0 0 17 31 12 *").LatestAtOrBefore(DateTimeOffset.UtcNow);

        var scheduler = provider.GetServices<IHostedService>().OfType<LocalJobScheduler>().Single();

        await scheduler.StartAsync(CancellationToken.None);
        // Bounded so a broken scheduler fails the test instead of hanging it.
        var run = await provider.GetRequiredService<RunLog>().FirstRun.WaitAsync(TimeSpan.FromMinutes(1));
        var checkpoint = await WaitForCheckpointAsync(provider.GetRequiredService<JobCheckpoints>(), c => c == expected);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(new JobRun(expected!.Value, IsPastDue: true, JobSource.LocalScheduler), run);
        Assert.Single(provider.GetRequiredService<RunLog>().Runs);
        Assert.Equal(expected, checkpoint);
    }

    [Fact]
    public async Task First_start_records_a_checkpoint_instead_of_running_old_occurrences()
    {
        await using var provider = Services();
        var scheduler = provider.GetServices<IHostedService>().OfType<LocalJobScheduler>().Single();
        var before = DateTimeOffset.UtcNow;

        await scheduler.StartAsync(CancellationToken.None);
        var checkpoint = await WaitForCheckpointAsync(provider.GetRequiredService<JobCheckpoints>(), _ => true);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.True(checkpoint >= before);
        Assert.Empty(provider.GetRequiredService<RunLog>().Runs);
    }

    // Under the Functions host the worker hosting turns it off the same way (WorkerHostingTests).
    [Fact]
    public async Task Scheduler_stays_idle_when_turned_off()
    {
        await using var provider = Services(runLocally: false);
        await provider.GetRequiredService<JobCheckpoints>().RecordAsync("year-end-test", DateTimeOffset.UtcNow.AddYears(-2));
        var scheduler = provider.GetServices<IHostedService>().OfType<LocalJobScheduler>().Single();

        await scheduler.StartAsync(CancellationToken.None);
        await (scheduler.ExecuteTask ?? Task.CompletedTask);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.True(scheduler.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(provider.GetRequiredService<RunLog>().Runs);
    }

    static async Task<DateTimeOffset> WaitForCheckpointAsync(JobCheckpoints store, Func<DateTimeOffset, bool> wanted)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await store.LastCompletedAsync("year-end-test", limit.Token) is { } checkpoint && wanted(checkpoint))
            {
                return checkpoint;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(checkpoints))
        {
            Directory.Delete(checkpoints, recursive: true);
        }
    }
}
