using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Functions.Storage;

// Units table.
// PartitionKey = "unit" (the whole tree is one small partition, read in one query),
// RowKey = unit code. The parent history is kept as JSON so a past year consolidates under the
// parents it had then.
public sealed class UnitStore(StorageAccount account)
{
    private const string Partition = "unit";
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Units, cancellationToken);

    public async Task<OrgTree> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        var units = new List<OrgUnit>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<UnitEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            units.Add(e.ToUnit());
        return new OrgTree(units);
    }

    public async Task UpsertAsync(IEnumerable<OrgUnit> units, CancellationToken cancellationToken = default)
    {
        var actions = units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, UnitEntity.From(u)));
        foreach (var chunk in actions.Chunk(100))
            await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
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

        public OrgUnit ToUnit() => new(RowKey, Name, Enum.Parse<UnitLevel>(Level),
            JsonSerializer.Deserialize<List<ParentLink>>(Parents) ?? []);

        public static UnitEntity From(OrgUnit u) => new()
        {
            RowKey = u.Code, Name = u.Name, Level = u.Level.ToString(), Parents = JsonSerializer.Serialize(u.Parents),
        };
    }
}
