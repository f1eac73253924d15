using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Functions.Storage;

// Populations table.
// PartitionKey = "{year}" (a consolidation needs every unit's population of one year: one query),
// RowKey = unit code.
public sealed class PopulationStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Populations, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> GetYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var partition = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<PopulationEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            result[e.RowKey] = e.People;
        return result;
    }

    public async Task UpsertAsync(IEnumerable<Population> populations, CancellationToken cancellationToken = default)
    {
        foreach (var year in populations.GroupBy(p => p.Year))
        {
            var actions = year.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PopulationEntity
            {
                PartitionKey = p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), RowKey = p.UnitCode, People = p.People,
            }));
            foreach (var chunk in actions.Chunk(100))
                await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    private sealed class PopulationEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public long People { get; set; }
    }
}
