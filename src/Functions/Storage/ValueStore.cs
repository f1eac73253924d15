using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Functions.Storage;

/// Who began writing a version and when; <see cref="Id"/> is that one write's own.
public sealed record VersionClaim(string Id, string By, DateTimeOffset At);

// Values table.
// PartitionKey = "{unitCode}|{year}": a unit's year is one partition, so a form is a range query
// inside one partition and a consolidation is one query per child unit, never a table scan.
// Every submission writes a complete new version of the form, its values as JSON (VersionRows): the version's
// first row, RowKey "{periodCode}|{version:D6}|", is its claim (who began writing it and when) and holds as
// many values as fit in 30 000 characters (the whole catalog); a larger version goes on in rows
// "{periodCode}|{version:D6}|~00001", "~00002"... The claim row is added alone, or in the same transaction as the
// version's first further rows, so two writers can never write one version: the second one's first write fails
// whole (409), and nothing of it is stored. Readers read only the version the Forms table points at, so a batch
// of any size (written in transactions of at most 32 rows) becomes visible all at once.
// Versions written before values were stored as JSON have a row per value, "{periodCode}|{version:D6}|{indicatorCode}"
// (a code never starts with '~'), and a claim row without values; they are read as they are.
// The version a commit replaced is kept (the audit's baseline for that commit); older ones are deleted.
// Versions this instance committed or read whole are read from memory (KeptVersions): a version's rows never change.
public sealed class ValueStore(StorageAccount account, KeptVersions kept)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Values, cancellationToken);

    private static string PartitionOf(string unitCode, Period period) => $"{unitCode}|{period.Year.ToString(CultureInfo.InvariantCulture)}";

    private static string VersionPrefix(Period period, int version) => $"{period.Code}|{version.ToString("D6", CultureInfo.InvariantCulture)}|";

    /// The values of one version; <paramref name="rows"/>, the count of values its form records, lets a whole version
    /// read from storage be kept.
    public async Task<IReadOnlyList<Observation>> ReadAsync(string unitCode, Period period, int version, int? rows = null,
        CancellationToken cancellationToken = default)
    {
        var result = new List<Observation>();
        if (version <= 0) return result;
        if (kept.TryGet(unitCode, period.Code, version, out var known)) return known;
        await foreach (var e in QueryRange(unitCode, period, VersionPrefix(period, version), VersionPrefix(period, version + 1), cancellationToken))
            result.AddRange(e.ToObservations(unitCode, period));
        if (result.Count == rows) kept.Keep(unitCode, period.Code, version, result);
        return result;
    }

    /// The values of a unit's year that belong to the given version of each period's form: one query over the
    /// whole partition, however many periods the year has, rather than one per form.
    public Task<IReadOnlyList<Observation>> ReadYearAsync(string unitCode, int year, IReadOnlyDictionary<string, int> versionByPeriod,
        IReadOnlyDictionary<string, int>? rowsByPeriod = null, CancellationToken cancellationToken = default) =>
        ReadYearsAsync(unitCode, year, year, versionByPeriod, rowsByPeriod, cancellationToken);

    /// The same for the consecutive years <paramref name="first"/> to <paramref name="last"/>: their partitions
    /// ("{unit}|2023", "{unit}|2024") are one range of partition keys, so one query (continued by the service
    /// where it must), not one per year. A unit code never holds '|', so no other unit's partition falls inside.
    /// <paramref name="rowsByPeriod"/>, the row counts the forms record, lets each version read whole be kept.
    public async Task<IReadOnlyList<Observation>> ReadYearsAsync(string unitCode, int first, int last, IReadOnlyDictionary<string, int> versionByPeriod,
        IReadOnlyDictionary<string, int>? rowsByPeriod = null, CancellationToken cancellationToken = default)
    {
        var result = new List<Observation>();
        if (versionByPeriod.Count == 0) return result;
        if (Kept(unitCode, first, last, versionByPeriod) is { } known) return known;
        var (from, to) = ($"{unitCode}|{first.ToString(CultureInfo.InvariantCulture)}", $"{unitCode}|{last.ToString(CultureInfo.InvariantCulture)}");
        var partitions = Enumerable.Range(first, last - first + 1).Select(y => $"{unitCode}|{y.ToString(CultureInfo.InvariantCulture)}").ToHashSet(StringComparer.Ordinal);
        var table = await TableAsync(cancellationToken);
        var rows = first == last
            ? table.QueryAsync<ValueEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {from}"), cancellationToken: cancellationToken)
            : table.QueryAsync<ValueEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}"), cancellationToken: cancellationToken);
        await foreach (var e in rows)
        {
            if (!partitions.Contains(e.PartitionKey)) continue;
            var key = e.RowKey.Split('|');
            if (key.Length == 3 && versionByPeriod.TryGetValue(key[0], out var version)
                && int.TryParse(key[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v == version)
                result.AddRange(e.ToObservations(unitCode, Period.ParseCode(key[0])));
        }
        // A version read whole (as many rows as its form records) is kept: a read that overlapped its deletion finds fewer.
        foreach (var version in result.GroupBy(o => o.Period.Code))
            if (rowsByPeriod?.GetValueOrDefault(version.Key) == version.Count())
                kept.Keep(unitCode, version.Key, versionByPeriod[version.Key], [.. version]);
        return result;
    }

    /// The rows of every version asked for, when this instance holds them all: in the order a query returns them
    /// (by partition, then row key). Null when one of them is not kept.
    private List<Observation>? Kept(string unitCode, int first, int last, IReadOnlyDictionary<string, int> versionByPeriod)
    {
        var versions = new List<(int Year, string Prefix, IReadOnlyList<Observation> Rows)>();
        foreach (var (code, version) in versionByPeriod)
        {
            var period = Period.ParseCode(code);
            if (version <= 0 || period.Year < first || period.Year > last) continue;
            if (!kept.TryGet(unitCode, code, version, out var rows)) return null;
            versions.Add((period.Year, VersionPrefix(period, version), rows));
        }
        return [.. versions.OrderBy(v => v.Year).ThenBy(v => v.Prefix, StringComparer.Ordinal).SelectMany(v => v.Rows)];
    }

    /// Keeps the values of a version just committed, as a read of it would return them (stored and parsed back, in
    /// indicator code order), so this instance's next reads of it need no query.
    public void KeepCommitted(string unitCode, Period period, int version, IReadOnlyList<Observation> values) =>
        kept.Keep(unitCode, period.Code, version, VersionRows.AsStored(values, unitCode, period));

    // Rows of a version per transaction: 32 rows of 30 000 characters stay under a transaction's 4 MiB however the
    // characters are encoded.
    private const int RowsPerTransaction = 32;

    /// Writes a complete new version of the form: its claim row holding the first values (the whole catalog), alone or
    /// in one transaction with the version's next rows, then 32 rows per transaction.
    /// Throws RequestFailedException 409, having stored nothing, when the version is claimed already (another
    /// writer's, at work or dead: <see cref="ClaimOfAsync"/> tells).
    public async Task WriteAsync(string unitCode, Period period, int version, IReadOnlyList<Observation> values, VersionClaim claim,
        CancellationToken cancellationToken = default)
    {
        var (partition, prefix) = (PartitionOf(unitCode, period), VersionPrefix(period, version));
        var rows = VersionRows.Of(values).Select((json, i) => i == 0
            ? new TableEntity(partition, prefix)
            {
                [nameof(VersionClaim.Id)] = claim.Id, [nameof(VersionClaim.By)] = claim.By, [nameof(VersionClaim.At)] = claim.At, [nameof(ValueEntity.Values)] = json,
            }
            : new TableEntity(partition, $"{prefix}~{i.ToString("D5", CultureInfo.InvariantCulture)}") { [nameof(ValueEntity.Values)] = json }).ToList();
        var table = await TableAsync(cancellationToken);
        if (rows.Count == 1)
        {
            await table.AddEntityAsync(rows[0], cancellationToken);
            return;
        }
        var actions = rows.Select((row, i) => new TableTransactionAction(i == 0 ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, row));
        foreach (var chunk in actions.Chunk(RowsPerTransaction))
            await table.SubmitTransactionAsync(chunk, cancellationToken);
    }

    /// A version's claim: null when no writer claimed it (or the version was deleted).
    public async Task<VersionClaim?> ClaimOfAsync(string unitCode, Period period, int version, CancellationToken cancellationToken = default)
    {
        var row = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<TableEntity>(PartitionOf(unitCode, period), VersionPrefix(period, version),
            [nameof(VersionClaim.Id), nameof(VersionClaim.By), nameof(VersionClaim.At)], cancellationToken);
        return row.HasValue ? new VersionClaim(row.Value!.GetString(nameof(VersionClaim.Id)) ?? "", row.Value.GetString(nameof(VersionClaim.By)) ?? "",
            row.Value.GetDateTimeOffset(nameof(VersionClaim.At)) ?? DateTimeOffset.MinValue) : null;
    }

    /// Deletes the rows of one version: a claim given back, or abandoned by a writer that died.
    public Task DeleteVersionAsync(string unitCode, Period period, int version, CancellationToken cancellationToken = default) =>
        DeleteRangeAsync(unitCode, period, VersionPrefix(period, version), VersionPrefix(period, version + 1), cancellationToken);

    /// Deletes every version before <paramref name="keepFrom"/>.
    public Task DeleteVersionsBeforeAsync(string unitCode, Period period, int keepFrom, CancellationToken cancellationToken = default) =>
        DeleteRangeAsync(unitCode, period, VersionPrefix(period, 0), VersionPrefix(period, keepFrom), cancellationToken);

    private async IAsyncEnumerable<ValueEntity> QueryRange(string unitCode, Period period, string from, string to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        var partition = PartitionOf(unitCode, period);
        var table = await TableAsync(cancellationToken);
        await foreach (var e in table.QueryAsync<ValueEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"),
            select: select, cancellationToken: cancellationToken))
            yield return e;
    }

    /// Whether any stored version holds a figure of the indicator: a scan of the whole table (the rows of older
    /// versions by their column, the JSON rows by reading them), for an administrator's rare question, never on a
    /// reporting path.
    public async Task<bool> AnyOfAsync(string indicatorCode, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"IndicatorCode eq {indicatorCode}"), maxPerPage: 1,
            select: [nameof(ITableEntity.PartitionKey)], cancellationToken: cancellationToken))
            return true;
        // Every string is at least the empty one; a row without values has no such column and is not returned.
        await foreach (var e in table.QueryAsync<ValueEntity>(TableClient.CreateQueryFilter($"Values ge {""}"),
            select: [nameof(ITableEntity.PartitionKey), nameof(ValueEntity.Values)], cancellationToken: cancellationToken))
            if (VersionRows.Holds(e.Values!, indicatorCode)) return true;
        return false;
    }

    private async Task DeleteRangeAsync(string unitCode, Period period, string from, string to, CancellationToken cancellationToken)
    {
        var doomed = new List<TableTransactionAction>();
        var versions = new HashSet<int>();
        await foreach (var e in QueryRange(unitCode, period, from, to, cancellationToken, [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)]))
        {
            doomed.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            if (int.TryParse(e.RowKey.Split('|')[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) versions.Add(version);
        }
        // Kept no longer either: what this instance holds stays what storage holds.
        foreach (var version in versions) kept.Forget(unitCode, period.Code, version);
        foreach (var chunk in doomed.Chunk(100))
            await (await TableAsync(cancellationToken)).SubmitTransactionAsync(chunk, cancellationToken);
    }

    private sealed class ValueEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string IndicatorCode { get; set; } = "";
        public string? Value { get; set; }
        public string? Numerator { get; set; }
        public string? Denominator { get; set; }
        public string? Note { get; set; }

        /// A version's values as JSON (<see cref="VersionRows"/>): on its claim row and the rows after it.
        public string? Values { get; set; }

        /// The values this row holds: its JSON, or, written before values were stored as JSON, the one value of a row
        /// whose key ends with an indicator code (a claim row of then holds none).
        public IEnumerable<Observation> ToObservations(string unitCode, Period period) =>
            Values is { } json ? VersionRows.Read(json, unitCode, period)
            : RowKey.EndsWith('|') ? []
            : [new Observation(unitCode, IndicatorCode, period, StoredNumber.Parse(Value), StoredNumber.Parse(Numerator), StoredNumber.Parse(Denominator), Note)];
    }
}
