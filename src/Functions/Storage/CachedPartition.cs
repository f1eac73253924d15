using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// <summary>
/// A small partition every request needs (the unit tree, the catalog), kept in the process and read again only when
/// it changed. The partition holds a version row that every write to it replaces in the same transaction as its
/// change, so a point read of that row's ETag tells, in every instance, whether what this one holds is still current:
/// never stale after a write anywhere, and one point read instead of a partition query and its parsing.
/// </summary>
public sealed class CachedPartition<T>(string partition) where T : class
{
    /// <summary>The version row's key; partition queries skip it.</summary>
    public const string VersionRow = "~version";

    private sealed record Held(string Version, T Value);
    private volatile Held? _held;

    public static bool IsVersionRow(string rowKey) => rowKey == VersionRow;

    /// <summary>What the partition holds now: the kept value when the version row is unchanged, else <paramref name="read"/>'s.</summary>
    public async Task<T> GetAsync(TableClient table, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // The version is read before the partition: a write landing between the two leaves a value newer than its
        // version, which the next request's version read replaces; never an old value under a new version.
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, VersionRow, [nameof(ITableEntity.RowKey)], cancellationToken);
        var version = row.HasValue ? row.Value!.ETag.ToString() : "";
        if (_held is { } held && held.Version == version && version.Length > 0) return held.Value;
        var value = await read(cancellationToken);
        _held = new Held(version, value);
        return value;
    }

    /// <summary>The change as one transaction with the version row's replacement: both land, or neither.</summary>
    public async Task<Azure.Response<IReadOnlyList<Azure.Response>>> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> change,
        CancellationToken cancellationToken)
    {
        _held = null;
        return await table.SubmitTransactionAsync([.. change, Bump()], cancellationToken);
    }

    /// <summary>Many rows: transactions of 99 rows and the version row.</summary>
    public async Task SubmitManyAsync(TableClient table, IEnumerable<TableTransactionAction> changes, CancellationToken cancellationToken)
    {
        foreach (var chunk in changes.Chunk(99)) await SubmitAsync(table, chunk, cancellationToken);
    }

    private TableTransactionAction Bump() =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, VersionRow) { ["Changed"] = DateTimeOffset.UtcNow });
}
