using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

// IndicatorSets table: the "bộ chỉ tiêu" a province assigns to all its units for a year.
// PartitionKey = "{provinceCode}|{year}" (one set is one partition, read in one query),
// RowKey = indicator code. A set is replaced whole, so it is written in one transaction.
public sealed class IndicatorSetStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.IndicatorSets, cancellationToken);

    private static string PartitionOf(string unitCode, int year) => $"{unitCode}|{year.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IReadOnlyList<string>> GetAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        var partition = PartitionOf(unitCode, year);
        var codes = new List<string>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
            codes.Add(e.RowKey);
        return codes;
    }

    /// Replaces the set: codes no longer in it are deleted, new ones added, in one transaction (a set
    /// holds at most the catalog, well under the 100 operations of a batch).
    public async Task ReplaceAsync(string unitCode, int year, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        var partition = PartitionOf(unitCode, year);
        var before = await GetAsync(unitCode, year, cancellationToken);
        var actions = before.Where(c => !codes.Contains(c))
            .Select(c => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, c), ETag.All))
            .Concat(codes.Where(c => !before.Contains(c))
                .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, c))))
            .ToList();
        foreach (var chunk in actions.Chunk(100))
            await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
    }
}
