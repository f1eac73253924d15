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
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<PopulationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
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

    /// One unit's population of a year with its version ("" when none is stored).
    public async Task<(long? People, string Etag)> GetAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        var found = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<PopulationEntity>(
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), unitCode, cancellationToken: cancellationToken);
        return found.HasValue ? (found.Value!.People, found.Value.ETag.ToString()) : (null, "");
    }

    /// Sets it if still at <paramref name="etag"/> ("" to add a new one); null when it changed meanwhile.
    public async Task<string?> SetAsync(Population population, string etag, CancellationToken cancellationToken = default)
    {
        var entity = new PopulationEntity
        {
            PartitionKey = population.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), RowKey = population.UnitCode, People = population.People,
        };
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = etag.Length == 0
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404) { return null; }
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
