using System.Collections.Concurrent;
using HealthFuncs.Functions.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

/// <summary>The runs the test jobs saw, shared through DI so each test app has its own.</summary>
public sealed class RunLog
{
    readonly ConcurrentQueue<(string Job, JobRun Run)> runs = new();
    readonly TaskCompletionSource<JobRun> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(string Job, JobRun Run)> Runs => runs.ToArray();

    public Task<JobRun> FirstRun => first.Task;

    public void Add(string job, JobRun run)
    {
        runs.Enqueue((job, run));
        first.TrySetResult(run);
    }
}

/// <summary>Runs at 17:00 UTC on 31 December, like a year-end job; logs and records each run.</summary>
public sealed class YearEndTestJob(RunLog log, ILogger<YearEndTestJob> logger) : IScheduledJob
{
    public string Name => "year-end-test";

    public string Schedule => "0 0 17 31 12 *";

    public Task<JobResult> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        log.Add(Name, run);
        logger.LogInformation("Summarised year {Year}.", run.ScheduledAt.Year);
        return Task.FromResult(JobResult.Completed($"year {run.ScheduledAt.Year} summarised"));
    }
}

/// <summary>Always fails, to show how a failure reaches the host.</summary>
public sealed class FailingTestJob(RunLog log) : IScheduledJob
{
    public string Name => "failing-test";

    public string Schedule => "0 30 2 * * *";

    public Task<JobResult> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        log.Add(Name, run);
        throw new InvalidOperationException("the snapshot container is missing");
    }
}
