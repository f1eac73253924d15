using Azure.Data.Tables;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Catalog;

/// Whether an indicator has figures or targets anywhere. Values and targets are partitioned by unit
/// and year, so this is a scan of both tables: an administrator's rare question, never asked
/// on a reporting path.
public sealed class CatalogUsage(StorageAccount account, ValueStore values)
{
    public Task<bool> HasFiguresAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        values.AnyOfAsync(indicatorCode, cancellationToken);

    public async Task<bool> IsUsedAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        await HasFiguresAsync(indicatorCode, cancellationToken) || await AnyTargetAsync(indicatorCode, cancellationToken);

    private async Task<bool> AnyTargetAsync(string indicatorCode, CancellationToken cancellationToken)
    {
        var table = await account.TableAsync(TableName.Targets, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"IndicatorCode eq {indicatorCode}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            return true;
        return false;
    }
}
