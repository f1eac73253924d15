using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Functions.Storage;

// Indicators table.
// PartitionKey = "indicator" (the catalog is one small partition, read in one query),
// RowKey = indicator code, and one row "~version" that every write replaces.
// The catalog is kept in the process and re-read only when a write in any instance replaced the partition's
// version row (CachedPartition): a request costs one point read.
public sealed class IndicatorStore(StorageAccount account)
{
    private const string Partition = "indicator";
    private readonly CachedPartition<IReadOnlyList<StoredIndicator>> _catalog = new(Partition);
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Indicators, cancellationToken);

    /// The catalog keyed by code, in annex order (group, then order). Retired indicators are included:
    /// past years still have their figures.
    public async Task<IReadOnlyDictionary<string, Indicator>> GetAllAsync(CancellationToken cancellationToken = default) =>
        (await GetRecordsAsync(cancellationToken)).ToDictionary(r => r.Indicator.Code, r => r.Indicator, StringComparer.Ordinal);

    /// Every indicator as stored, in annex order, with its retirement and the version an edit must name.
    public async Task<IReadOnlyList<StoredIndicator>> GetRecordsAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        return await _catalog.GetAsync(table, async ct =>
        {
            var list = new List<StoredIndicator>();
            await foreach (var e in table.QueryAsync<IndicatorEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
                if (!CachedPartition<IReadOnlyList<StoredIndicator>>.IsVersionRow(e.RowKey)) list.Add(e.ToStored());
            return list.OrderBy(r => RomanValue(r.Indicator.Group)).ThenBy(r => r.Indicator.Group, StringComparer.Ordinal).ThenBy(r => r.Indicator.Order).ToList();
        }, cancellationToken);
    }

    // Annex groups are numbered I, II, ..., IX: sorting the text would put IX before V.
    private static int RomanValue(string numeral)
    {
        var total = 0;
        for (var k = 0; k < numeral.Length; k++)
        {
            var v = Digit(numeral[k]);
            total += k + 1 < numeral.Length && Digit(numeral[k + 1]) > v ? -v : v;
        }
        return total;

        static int Digit(char c) => char.ToUpperInvariant(c) switch
        {
            'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 1000,
        };
    }

    // Merged, not replaced: a re-seed restores a seeded indicator's definition but keeps what only an
    // administrator sets (its retirement).
    public async Task UpsertAsync(IEnumerable<Indicator> indicators, CancellationToken cancellationToken = default)
    {
        var actions = indicators.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, IndicatorEntity.From(i)));
        await _catalog.SubmitManyAsync(await TableAsync(cancellationToken), actions, cancellationToken);
    }

    public async Task<StoredIndicator?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var found = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<IndicatorEntity>(Partition, code, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToStored() : null;
    }

    /// Adds a new indicator; null when the code is taken.
    public async Task<string?> AddAsync(Indicator indicator, CancellationToken cancellationToken = default)
    {
        try
        {
            var added = await _catalog.SubmitAsync(await TableAsync(cancellationToken), [new(TableTransactionActionType.Add, IndicatorEntity.From(indicator))], cancellationToken);
            return added.Value[0].Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 409) { return null; }
    }

    /// Replaces an indicator if it is still at <paramref name="etag"/>; null when it changed meanwhile.
    public async Task<string?> ReplaceAsync(Indicator indicator, int? retiredFrom, string etag, CancellationToken cancellationToken = default)
    {
        var entity = IndicatorEntity.From(indicator);
        entity.RetiredFrom = retiredFrom;
        try
        {
            var replaced = await _catalog.SubmitAsync(await TableAsync(cancellationToken), [new(TableTransactionActionType.UpdateReplace, entity, new ETag(etag))], cancellationToken);
            return replaced.Value[0].Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { return null; }
    }

    /// Deletes an indicator if it is still at <paramref name="etag"/>; false when it changed meanwhile.
    public async Task<bool> DeleteAsync(string code, string etag, CancellationToken cancellationToken = default)
    {
        try
        {
            await _catalog.SubmitAsync(await TableAsync(cancellationToken),
                [new(TableTransactionActionType.Delete, new TableEntity(Partition, code), new ETag(etag))], cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { return false; }
    }

    private sealed class IndicatorEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Name { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Direction { get; set; } = "";
        public string Time { get; set; } = "";
        public string Group { get; set; } = "";
        public string GroupName { get; set; } = "";
        public int Order { get; set; }
        public string? ParentCode { get; set; }
        public int? RatePer { get; set; }
        public bool AllowsAbove100 { get; set; }
        // Decimal strings (StoredNumber); null properties are not written, so a seed's merge keeps an admin's range.
        public string? Minimum { get; set; }
        public string? Maximum { get; set; }
        public int? RetiredFrom { get; set; }

        public StoredIndicator ToStored() => new(ToIndicator(), RetiredFrom, ETag.ToString());

        public Indicator ToIndicator() => new(RowKey, Name, Unit, Enum.Parse<IndicatorKind>(Kind), Enum.Parse<Direction>(Direction),
            Enum.Parse<TimeBehaviour>(Time), Group, GroupName, Order, ParentCode, RatePer, AllowsAbove100,
            StoredNumber.Parse(Minimum), StoredNumber.Parse(Maximum));

        public static IndicatorEntity From(Indicator i) => new()
        {
            RowKey = i.Code, Name = i.Name, Unit = i.Unit, Kind = i.Kind.ToString(), Direction = i.Direction.ToString(),
            Time = i.Time.ToString(), Group = i.Group, GroupName = i.GroupName, Order = i.Order, ParentCode = i.ParentCode,
            RatePer = i.RatePer, AllowsAbove100 = i.AllowsAbove100, Minimum = StoredNumber.Format(i.Minimum), Maximum = StoredNumber.Format(i.Maximum),
        };
    }
}

/// An indicator as stored: retired from a year on (kept for the years it has figures), and its version.
public sealed record StoredIndicator(Indicator Indicator, int? RetiredFrom, string Etag);
