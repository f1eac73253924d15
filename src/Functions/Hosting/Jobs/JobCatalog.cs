using System.Text.RegularExpressions;
namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>A registered job as the hosting sees it: its name and parsed schedule.</summary>
public sealed record JobEntry(string Name, JobSchedule Schedule);

/// <summary>
/// The registered jobs, read once from DI and checked together: a bad name, a duplicate or an
/// invalid schedule stops the server at startup with every problem listed, instead of a timer
/// that silently never fires.
/// </summary>
public sealed partial class JobCatalog(IServiceScopeFactory scopes)
{
    readonly Lazy<IReadOnlyList<JobEntry>> entries = new(() => Load(scopes));

    public IReadOnlyList<JobEntry> Entries => entries.Value;

    public JobEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    static IReadOnlyList<JobEntry> Load(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var problems = new List<string>();
        var loaded = new List<JobEntry>();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            if (!JobName().IsMatch(job.Name))
            {
                problems.Add($"Job {job.GetType().Name}: name '{job.Name}' must start with a letter and use only letters, digits, '-' or '_'.");
                continue;
            }

            if (loaded.Any(e => string.Equals(e.Name, job.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"Job {job.GetType().Name}: name '{job.Name}' is registered twice.");
                continue;
            }

            if (!JobSchedule.TryParse(job.Schedule, out var schedule, out var error))
            {
                problems.Add($"Job '{job.Name}': {error}");
                continue;
            }

            loaded.Add(new JobEntry(job.Name, schedule));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Scheduled jobs are misconfigured:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return loaded.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex JobName();
}
