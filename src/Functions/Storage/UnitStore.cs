using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Functions.Storage;

// Units table.
// PartitionKey = "unit" (the whole tree is one small partition, read in one query),
// RowKey = unit code, and one row "~version" that every write replaces (CachedPartition). The parent history
// is kept as JSON so a past year consolidates under the parents it had then.
// The tree is kept in the process (CachedPartition): a request costs one point read of the partition's version
// row, and a change made in any instance, which replaces that row in its transaction, is seen from the next
// request on. Within one request the tree is read once (the access check and the handler share it).
public sealed class UnitStore(StorageAccount account, IHttpContextAccessor? requests = null)
{
    private const string Partition = "unit";
    private static readonly object RequestTree = new();
    private readonly CachedPartition<OrgTree> _tree = new(Partition);
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Units, cancellationToken);

    public Task<OrgTree> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        if (requests?.HttpContext?.Items is not { } items) return ReadTreeAsync(cancellationToken);
        if (items[RequestTree] is Task<OrgTree> { IsFaulted: false, IsCanceled: false } read) return read;
        var tree = ReadTreeAsync(cancellationToken);
        items[RequestTree] = tree;
        return tree;
    }

    private void Changed() => requests?.HttpContext?.Items.Remove(RequestTree);

    private async Task<OrgTree> ReadTreeAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        return await _tree.GetAsync(table, async ct =>
        {
            var units = new List<OrgUnit>();
            await foreach (var e in table.QueryAsync<UnitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
                if (!CachedPartition<OrgTree>.IsVersionRow(e.RowKey)) units.Add(e.ToUnit());
            return new OrgTree(units);
        }, cancellationToken);
    }

    // Merged, not replaced: a re-seed restores a seeded unit but keeps the annex-header names an
    // administrator gave it.
    public async Task UpsertAsync(IEnumerable<OrgUnit> units, CancellationToken cancellationToken = default)
    {
        Changed();
        var actions = units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertMerge, UnitEntity.From(u)));
        await _tree.SubmitManyAsync(await TableAsync(cancellationToken), actions, cancellationToken);
    }

    /// Every unit as stored, with its annex-header names and the version an edit must name.
    public async Task<IReadOnlyList<StoredUnit>> GetRecordsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<StoredUnit>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<UnitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
            if (!CachedPartition<OrgTree>.IsVersionRow(e.RowKey)) list.Add(e.ToStored());
        return list;
    }

    public async Task<StoredUnit?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var found = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<UnitEntity>(Partition, code, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToStored() : null;
    }

    /// Adds a unit; null when the code is taken.
    public async Task<string?> AddAsync(StoredUnit unit, CancellationToken cancellationToken = default)
    {
        Changed();
        try
        {
            var added = await _tree.SubmitAsync(await TableAsync(cancellationToken), [new(TableTransactionActionType.Add, UnitEntity.From(unit))], cancellationToken);
            return added.Value[0].Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 409) { return null; }
    }

    /// Replaces a unit if it is still at <paramref name="etag"/>; null when it changed meanwhile.
    public async Task<string?> ReplaceAsync(StoredUnit unit, string etag, CancellationToken cancellationToken = default)
    {
        Changed();
        try
        {
            var replaced = await _tree.SubmitAsync(await TableAsync(cancellationToken),
                [new(TableTransactionActionType.UpdateReplace, UnitEntity.From(unit), new ETag(etag))], cancellationToken);
            return replaced.Value[0].Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { return null; }
    }

    private sealed class UnitEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Name { get; set; } = "";
        public string Level { get; set; } = "";
        public string Parents { get; set; } = "[]";
        public string? GoverningBody { get; set; }
        public string? IssuingAgency { get; set; }

        public StoredUnit ToStored() => new(ToUnit(), GoverningBody, IssuingAgency, ETag.ToString());

        public static UnitEntity From(StoredUnit s)
        {
            var e = From(s.Unit);
            e.GoverningBody = s.GoverningBody;
            e.IssuingAgency = s.IssuingAgency;
            return e;
        }

        public OrgUnit ToUnit() => new(RowKey, Name, Enum.Parse<UnitLevel>(Level),
            JsonSerializer.Deserialize<List<ParentLink>>(Parents) ?? []);

        public static UnitEntity From(OrgUnit u) => new()
        {
            RowKey = u.Code, Name = u.Name, Level = u.Level.ToString(), Parents = JsonSerializer.Serialize(u.Parents),
        };
    }
}

/// A unit as stored: the names its annex headers use ("UBND HUYỆN SƠN DƯƠNG" governs, "PHÒNG Y TẾ"
/// issues), and its version.
public sealed record StoredUnit(OrgUnit Unit, string? GoverningBody, string? IssuingAgency, string Etag = "");
