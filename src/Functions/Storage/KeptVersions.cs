using HealthFuncs.Core.Observations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Storage;

/// <summary>
/// The rows of form versions, kept in memory so the next submission's checks and a consolidation read them without a
/// query. A version's rows never change once it is committed (a later write is a new version, and a committed number
/// is never claimed again), so what is kept is never stale, here or after a write in another instance: which version
/// readers want is still read from the form every time. Commits fill it, and so do reads that find a version whole:
/// as many rows as its form records (a read that overlapped the deletion of an old version finds fewer, and is not
/// kept). Bounded by <see cref="StorageOptions.KeptVersionRows"/> rows, the least recently used dropped first.
/// </summary>
public sealed class KeptVersions(IOptions<StorageOptions> options) : IDisposable
{
    private readonly int _limit = options.Value.KeptVersionRows;
    private readonly MemoryCache _versions = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.KeptVersionRows) });

    public void Keep(string unitCode, string periodCode, int version, IReadOnlyList<Observation> rows)
    {
        // An empty version (every value removed) still counts as one, so it is kept like any other.
        if (_limit > 0) _versions.Set((unitCode, periodCode, version), rows, new MemoryCacheEntryOptions { Size = Math.Max(1, rows.Count) });
    }

    public bool TryGet(string unitCode, string periodCode, int version, out IReadOnlyList<Observation> rows)
    {
        var found = _versions.TryGetValue((unitCode, periodCode, version), out IReadOnlyList<Observation>? kept) && kept is not null;
        rows = found ? kept! : [];
        return found;
    }

    public void Forget(string unitCode, string periodCode, int version) => _versions.Remove((unitCode, periodCode, version));

    public void Dispose() => _versions.Dispose();
}
