using System.Globalization;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Jobs;

/// A completeness reminder as stored and listed: the parent, the period, when the last child deadline
/// passed, and the children that had not sent their form by their own deadline.
public sealed record ReminderRecord(string ParentCode, string ParentName, string Period, DateTimeOffset DueAt, int Expected, IReadOnlyList<OverdueUnit> Overdue)
{
    public static string NameOf(Period period, string parentCode) => $"reminders/{period.Code}/{parentCode}.json";
}

/// Every morning at 08:00 Vietnam time (01:00 UTC), writes a reminder for each parent unit and reporting
/// period whose children's deadlines have all passed and that has no reminder yet: one blob per parent
/// and period, reminders/{period}/{parent}.json, created once and never rewritten. Looking back over the
/// current and the previous year makes a run after days of downtime catch up every reminder it missed.
public sealed class CompletenessReminder(JobStepRunner runner, UnitStore units, WorkflowStore workflow,
    WorkflowRulesSource rules, ReportBlobs blobs) : SteppedJob(runner)
{
    /// <summary>The job's name, and its timer function's schedule (constants: the worker reads them from the attribute).</summary>
    public const string JobName = "completeness-reminder";
    public const string Cron = "0 0 1 * * *";

    public override string Name => JobName;

    public override string Schedule => Cron;

    public override async Task<JobPlan> PlanAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        var day = VietnamTime.DateOf(run.ScheduledAt);
        var tree = await units.GetTreeAsync(cancellationToken);
        var stored = (await blobs.ListAsync("reminders/", cancellationToken)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var steps = new List<JobStep>();
        foreach (var year in new[] { day.Year - 1, day.Year })
        {
            foreach (var period in ReportingRules.ReportingPeriodsOf(year).Where(p => p.End < day))
            {
                foreach (var parent in tree.Units.Where(u => u.ExistsIn(year)).OrderBy(u => u.Code, StringComparer.Ordinal))
                {
                    var children = tree.ChildrenOf(parent.Code, year);
                    if (children.Count == 0 || stored.Contains(ReminderRecord.NameOf(period, parent.Code))) continue;
                    if (run.ScheduledAt < children.Max(c => rules.Reporting.DeadlinePasses(c.Level, period))) continue;
                    var (parentCode, parentName, p) = (parent.Code, parent.Name, period);
                    steps.Add(new JobStep($"{period.Code}/{parent.Code}", ct => WriteReminderAsync(parentCode, parentName, p, run.ScheduledAt, ct)));
                }
            }
        }
        return new JobPlan(Name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), steps);
    }

    private async Task<string> WriteReminderAsync(string parentCode, string parentName, Period period, DateTimeOffset scheduledAt, CancellationToken ct)
    {
        var tree = await units.GetTreeAsync(ct);
        var forms = await workflow.GetManyAsync(tree.ChildrenOf(parentCode, period.Year).Select(c => c.Code), period, ct);
        var reminder = Reminders.For(tree, rules.Reporting, parentCode, period, forms, scheduledAt)
            ?? throw new InvalidOperationException($"The reminder for {parentCode} {period.Code} is not due at {scheduledAt:O}.");
        var name = ReminderRecord.NameOf(period, parentCode);
        var record = new ReminderRecord(parentCode, parentName, period.Code, reminder.DueAt, reminder.Expected, reminder.Overdue);
        var created = await blobs.CreateJsonIfAbsentAsync(name, record, ct);
        return $"{name}: {reminder.Overdue.Count} of {reminder.Expected} overdue{(created ? "" : " (stored by another run)")}";
    }
}
