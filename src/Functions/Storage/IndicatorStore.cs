using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Functions.Storage;

// Indicators table.
// PartitionKey = "indicator" (the catalog is one small partition, read in one query),
// RowKey = indicator code.
public sealed class IndicatorStore(StorageAccount account)
{
    private const string Partition = "indicator";
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Indicators, cancellationToken);

    /// The catalog keyed by code, in annex order (group, then order).
    public async Task<IReadOnlyDictionary<string, Indicator>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<Indicator>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<IndicatorEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            list.Add(e.ToIndicator());
        return list.OrderBy(i => RomanValue(i.Group)).ThenBy(i => i.Group, StringComparer.Ordinal).ThenBy(i => i.Order)
            .ToDictionary(i => i.Code, StringComparer.Ordinal);
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

    public async Task UpsertAsync(IEnumerable<Indicator> indicators, CancellationToken cancellationToken = default)
    {
        var actions = indicators.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, IndicatorEntity.From(i)));
        foreach (var chunk in actions.Chunk(100))
            await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
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

        public Indicator ToIndicator() => new(RowKey, Name, Unit, Enum.Parse<IndicatorKind>(Kind), Enum.Parse<Direction>(Direction),
            Enum.Parse<TimeBehaviour>(Time), Group, GroupName, Order, ParentCode, RatePer, AllowsAbove100);

        public static IndicatorEntity From(Indicator i) => new()
        {
            RowKey = i.Code, Name = i.Name, Unit = i.Unit, Kind = i.Kind.ToString(), Direction = i.Direction.ToString(),
            Time = i.Time.ToString(), Group = i.Group, GroupName = i.GroupName, Order = i.Order, ParentCode = i.ParentCode,
            RatePer = i.RatePer, AllowsAbove100 = i.AllowsAbove100,
        };
    }
}
