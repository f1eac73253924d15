using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Functions.Storage;

// Targets table.
// PartitionKey = "{unitCode}|{year}": a unit's targets for one year (or one milestone year of a
// plan period) are one partition, read in one query for an attainment report.
// RowKey = "{indicatorCode}|{planPeriod}", planPeriod empty for a yearly plan: a yearly target and a
// plan-period milestone for the same year can both exist.
// The parsed expression is stored beside the original text, which is always kept for display, with the
// reading of a change an administrator fixed (Reading: Points | Relative, empty when the rule decides), and the
// target's place among its plan's rows (Position), the order forms and annexes list the plan in.
public sealed class TargetStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Targets, cancellationToken);

    private static string PartitionOf(string unitCode, int year) => $"{unitCode}|{year.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IReadOnlyList<Target>> GetAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        var partition = PartitionOf(unitCode, year);
        var result = new List<Target>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<TargetEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
            result.Add(e.ToTarget(unitCode, year));
        return result;
    }

    /// The target that applies to each indicator in a year: the yearly plan's, else the plan-period milestone's.
    public async Task<IReadOnlyDictionary<string, Target>> GetInForceAsync(string unitCode, int year, CancellationToken cancellationToken = default) =>
        (await GetAsync(unitCode, year, cancellationToken))
            .GroupBy(t => t.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.PlanPeriod is null ? 0 : 1).First(), StringComparer.Ordinal);

    public async Task UpsertAsync(IEnumerable<Target> targets, CancellationToken cancellationToken = default)
    {
        foreach (var partition in targets.GroupBy(t => PartitionOf(t.UnitCode, t.Year)))
        {
            var actions = partition.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TargetEntity.From(t)));
            foreach (var chunk in actions.Chunk(100))
                await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    public async Task DeleteAsync(IEnumerable<Target> targets, CancellationToken cancellationToken = default)
    {
        foreach (var partition in targets.GroupBy(t => PartitionOf(t.UnitCode, t.Year)))
        {
            var actions = partition.Select(t => new TableTransactionAction(TableTransactionActionType.Delete, TargetEntity.From(t), ETag.All));
            foreach (var chunk in actions.Chunk(100))
                await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    private sealed class TargetEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string IndicatorCode { get; set; } = "";
        public string? PlanPeriod { get; set; }
        public string Text { get; set; } = "";
        public string Form { get; set; } = "";
        public string? Value { get; set; }
        public string? Low { get; set; }
        public string? High { get; set; }
        public string? Change { get; set; }
        public string? Symbol { get; set; }
        public bool PerYear { get; set; }
        public string? Reason { get; set; }
        public string? Subject { get; set; }
        public int? BaselineYear { get; set; }
        public string? Reading { get; set; }
        public int? Position { get; set; }

        public Target ToTarget(string unitCode, int year) => new(unitCode, IndicatorCode, year,
            new TargetExpression(Text, Enum.Parse<TargetForm>(Form), StoredNumber.Parse(Value), StoredNumber.Parse(Low),
                StoredNumber.Parse(High), Change is null ? null : Enum.Parse<ChangeDirection>(Change), Symbol, PerYear, Reason,
                Subject, BaselineYear, Reading is null ? null : Enum.Parse<ChangeReading>(Reading)),
            string.IsNullOrEmpty(PlanPeriod) ? null : PlanPeriod, Position);

        public static TargetEntity From(Target t) => new()
        {
            PartitionKey = PartitionOf(t.UnitCode, t.Year),
            RowKey = $"{t.IndicatorCode}|{t.PlanPeriod}",
            IndicatorCode = t.IndicatorCode,
            PlanPeriod = t.PlanPeriod,
            Text = t.Expression.Text,
            Form = t.Expression.Form.ToString(),
            Value = StoredNumber.Format(t.Expression.Value),
            Low = StoredNumber.Format(t.Expression.Low),
            High = StoredNumber.Format(t.Expression.High),
            Change = t.Expression.Change?.ToString(),
            Symbol = t.Expression.Symbol,
            PerYear = t.Expression.PerYear,
            Reason = t.Expression.Reason,
            Subject = t.Expression.Subject,
            BaselineYear = t.Expression.BaselineYear,
            Reading = t.Expression.Reading?.ToString(),
            Position = t.Position,
        };
    }
}
