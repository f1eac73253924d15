using Azure;
using Azure.Data.Tables;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Jobs;

/// One step of a job: a unit of work whose output is written create-if-absent, so running it again
/// changes nothing. <see cref="RunAsync"/> returns a short line for the run's summary.
public sealed record JobStep(string Name, Func<CancellationToken, Task<string>> RunAsync);

/// What a job will do for one occurrence: the checkpoint key (job and business date) and the steps in order.
/// Jobs expose their plan so a caller (and a test) can see, run or interrupt the steps one by one.
public sealed record JobPlan(string Job, string Key, IReadOnlyList<JobStep> Steps);

/// What a plan's run did: the steps run now and those skipped because an earlier run had finished them.
public sealed record StepReport(IReadOnlyList<string> Ran, IReadOnlyList<string> AlreadyDone, IReadOnlyList<string> Lines);

// JobSteps table: the checkpoints.
// PartitionKey = "{job}|{key}" (one occurrence of one job, e.g. "year-end-summary|2021"),
// RowKey = step name with '/' replaced by ':' (table keys may not contain '/').
// A checkpoint is added once the step's output is stored; a rerun reads the partition once and runs
// only the steps without one. Added, never replaced: a second runner racing on the same step gets 409
// and keeps the first checkpoint.
public sealed class JobStepRunner(ReportStorage storage, TimeProvider clock, ILogger<JobStepRunner> logger)
{
    private TableClient Table => storage.Table(ReportTable.JobSteps);

    public async Task<StepReport> RunAsync(JobPlan plan, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        var partition = $"{plan.Job}|{plan.Key}";
        var done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
            done.Add(e.RowKey);

        var ran = new List<string>();
        var skipped = new List<string>();
        var lines = new List<string>();
        foreach (var step in plan.Steps)
        {
            var rowKey = step.Name.Replace('/', ':');
            if (done.Contains(rowKey))
            {
                skipped.Add(step.Name);
                continue;
            }
            var line = await step.RunAsync(cancellationToken);
            try
            {
                await Table.AddEntityAsync(new TableEntity(partition, rowKey) { ["CompletedAt"] = clock.GetUtcNow(), ["Line"] = line }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another run of the same occurrence finished this step first; its output is the same.
            }
            logger.LogInformation("{Job} {Key}: {Step}: {Line}", plan.Job, plan.Key, step.Name, line);
            ran.Add(step.Name);
            lines.Add(line);
        }
        return new StepReport(ran, skipped, lines);
    }

    /// The steps of an occurrence that have a checkpoint, by step name.
    public async Task<IReadOnlyList<string>> CompletedAsync(string job, string key, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        var partition = $"{job}|{key}";
        var result = new List<string>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
            result.Add(e.RowKey);
        return result;
    }
}
