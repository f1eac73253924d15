namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>Settings under <c>Jobs:</c>.</summary>
public sealed class JobOptions
{
    /// <summary>
    /// Whether the server runs the jobs on their schedules itself when it is not under the
    /// Functions host. On by default so a laptop install behaves like production; tests turn it off.
    /// </summary>
    public bool RunLocally { get; set; } = true;

    /// <summary>Where the local scheduler keeps each job's last completed occurrence.</summary>
    public string? CheckpointDirectory { get; set; }

    internal string ResolvedCheckpointDirectory =>
        string.IsNullOrWhiteSpace(CheckpointDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "HealthFuncs", "jobs")
            : CheckpointDirectory;
}
