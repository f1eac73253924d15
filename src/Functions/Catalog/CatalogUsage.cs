using Azure.Data.Tables;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Catalog;

/// Whether an indicator has figures or targets anywhere. Values and targets are partitioned by unit
/// and year, so this is a filtered scan of both tables: an administrator's rare question, never asked
/// on a reporting path.
public sealed class CatalogUsage(StorageAccount account)
{
    public async Task<bool> HasFiguresAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        await AnyAsync(TableName.Values, indicatorCode, cancellationToken);

    public async Task<bool> IsUsedAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        await HasFiguresAsync(indicatorCode, cancellationToken) || await AnyAsync(TableName.Targets, indicatorCode, cancellationToken);

    private async Task<bool> AnyAsync(TableName name, string indicatorCode, CancellationToken cancellationToken)
    {
        var table = await account.TableAsync(name, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"IndicatorCode eq {indicatorCode}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            return true;
        return false;
    }
}
