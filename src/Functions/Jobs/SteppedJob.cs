using HealthFuncs.Functions.Hosting.Jobs;

namespace HealthFuncs.Functions.Jobs;

/// A scheduled job made of checkpointed steps. The occurrence's business date (a Vietnam date derived
/// from the scheduled UTC time, never from "now") names every output, so a rerun, a second runner or a
/// past-due catch-up of the same occurrence plans the same steps and writes the same blobs.
public abstract class SteppedJob(JobStepRunner runner) : IScheduledJob
{
    public abstract string Name { get; }

    public abstract string Schedule { get; }

    /// The steps for one occurrence, in order. Public so an operator or a test can inspect or run them one by one.
    public abstract Task<JobPlan> PlanAsync(JobRun run, CancellationToken cancellationToken = default);

    public async Task<JobResult> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(run, cancellationToken);
        if (plan.Steps.Count == 0)
            return JobResult.Skipped($"{plan.Key}: nothing to do.");
        var report = await runner.RunAsync(plan, cancellationToken);
        return report.Ran.Count == 0
            ? JobResult.Skipped($"{plan.Key}: all {plan.Steps.Count} steps were done by an earlier run.")
            : JobResult.Completed($"{plan.Key}: {report.Ran.Count} step(s) run, {report.AlreadyDone.Count} already done.");
    }
}
