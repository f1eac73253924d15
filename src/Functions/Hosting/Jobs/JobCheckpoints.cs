using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>
/// The last occurrence each job completed, so the server's own scheduler can tell after a restart
/// that an occurrence was missed. One small JSON file per job under <c>Jobs:CheckpointDirectory</c>:
/// the scheduler only runs when the server runs alone on one machine (under Azure Functions the
/// host's timer keeps its own schedule status), so a local file is the whole store it needs.
/// A checkpoint only moves forward: re-running an older occurrence by hand does not rewind it.
/// </summary>
public sealed class JobCheckpoints(IOptions<JobOptions> options)
{
    readonly SemaphoreSlim gate = new(1, 1);

    public async Task<DateTimeOffset?> LastCompletedAsync(string jobName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(jobName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        var checkpoint = await JsonSerializer.DeserializeAsync<Checkpoint>(stream, cancellationToken: cancellationToken);
        return checkpoint?.LastCompleted;
    }

    public async Task RecordAsync(string jobName, DateTimeOffset completedOccurrence, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await LastCompletedAsync(jobName, cancellationToken);
            if (current >= completedOccurrence)
            {
                return;
            }

            var path = PathOf(jobName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write beside and move over, so a crash mid-write never leaves a torn checkpoint.
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new Checkpoint(completedOccurrence.ToUniversalTime())), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    string PathOf(string jobName) => Path.Combine(options.Value.ResolvedCheckpointDirectory, jobName.ToLowerInvariant() + ".json");

    sealed record Checkpoint(DateTimeOffset LastCompleted);
}
