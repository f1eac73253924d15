using System.Net;
using Azure.Data.Tables;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

/// <summary>A version's values stored as JSON in its claim row and, when large, a few rows after it; versions stored as a
/// row per value, as they once were, read and replaced as before.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VersionRowsTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private async Task<List<TableEntity>> RowsAsync(string partition) =>
        await (await Factory.Get<StorageAccount>().TableAsync(TableName.Values)).QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();

    [Fact]
    public async Task A_form_is_one_row_and_a_large_one_a_few_every_value_read_back_as_sent()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-M01", Values(("BEDS", 400), ("X001", 5)))).StatusCode);
        Assert.Equal(["2021-M01|000001|"], (await RowsAsync("D1|2021")).Select(r => r.RowKey));

        // 300 figures with notes of 150 characters: more than one row holds.
        var note = string.Concat(Enumerable.Repeat("Ghi chú \"có\" dấu; ", 9))[..150];
        var large = new
        {
            values = Enumerable.Range(1, 300).Select(n => new { indicatorCode = $"X{n:000}", value = (decimal)n, note = (string?)$"{n} {note}" })
                .Append(new { indicatorCode = "BEDS", value = 999_999_999_999m, note = (string?)null }).ToArray(),
        };
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2022-M01", large)).StatusCode);

        var rows = (await RowsAsync("D1|2022")).Select(r => r.RowKey).ToList();
        Assert.True(rows.Count >= 2, $"{rows.Count} row(s)");
        Assert.Equal(["2022-M01|000001|", .. Enumerable.Range(1, rows.Count - 1).Select(n => $"2022-M01|000001|~{n:00000}")], rows);
        var read = await ReadFormAsync(period: "2022-M01");
        var sent = large.values.Select(v => ((string?)v.indicatorCode, (decimal?)v.value, v.note)).OrderBy(v => v.Item1, StringComparer.Ordinal);
        Assert.Equal(sent, read.Values.Select(v => ((string?)v.IndicatorCode, v.Value, v.Note)));
    }

    [Fact]
    public async Task A_version_of_more_rows_than_one_transaction_holds_is_written_whole_and_claimed_once()
    {
        // 600 values with notes of 2 000 characters: some 40 rows, more than the 32 a transaction takes.
        var period = Period.Month(2023, 1);
        var note = string.Concat(Enumerable.Repeat("Số liệu đã được kiểm tra lại với sổ sách của trạm. ", 40))[..2000];
        var written = Enumerable.Range(1, 600).Select(n => new Observation("D1", $"Y{n:0000}", period, n * 1.5m, n, 2m * n, $"{n}: {note}")).ToList();
        var store = Factory.Get<ValueStore>();
        await store.WriteAsync("D1", period, 1, written, new VersionClaim("first", "d1-staff", DateTimeOffset.UtcNow));

        Assert.True((await RowsAsync("D1|2023")).Count > 32);
        Assert.Equal(written, await store.ReadAsync("D1", period, 1));
        // A second writer of the same number stores nothing: its first transaction holds the claim row.
        var second = await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() =>
            store.WriteAsync("D1", period, 1, written.Take(5).ToList(), new VersionClaim("second", "d1-staff", DateTimeOffset.UtcNow)));
        Assert.Equal(409, second.Status);
        Assert.Equal("first", (await store.ClaimOfAsync("D1", period, 1))!.Id);
        Assert.Equal(written, await store.ReadAsync("D1", period, 1));
    }

    [Fact]
    public async Task A_version_stored_as_a_row_per_value_is_read_and_replaced_as_before()
    {
        // Written as versions were before their values went into JSON: a claim row, then a row per value.
        var values = await Factory.Get<StorageAccount>().TableAsync(TableName.Values);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await values.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("D1|2021", "2021-M05|000001|") { ["Id"] = "earlier", ["By"] = "d1-staff", ["At"] = at }),
            new(TableTransactionActionType.Add, new TableEntity("D1|2021", "2021-M05|000001|BEDS") { ["IndicatorCode"] = "BEDS", ["Value"] = "300" }),
            new(TableTransactionActionType.Add, new TableEntity("D1|2021", "2021-M05|000001|X001") { ["IndicatorCode"] = "X001", ["Value"] = "5.5", ["Note"] = "cũ" }),
        ]);
        await Factory.Get<FormStore>().CommitAsync(FormState.New("D1", "2021-M05"), 1, "d1-staff", at, "10.0.0.9", rows: 2, auditRows: 1);

        var usage = Factory.Get<CatalogUsage>();
        Assert.True(await usage.HasFiguresAsync("X001"));
        Assert.False(await usage.HasFiguresAsync("X002"));

        var before = await ReadFormAsync(period: "2021-M05");
        Assert.Equal([("BEDS", 300m, (string?)null), ("X001", 5.5m, "cũ")], before.Values.Select(v => (v.IndicatorCode, v.Value!.Value, v.Note)));

        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-M05", Values(("BEDS", 310)), ifMatch: "\"1\"")).StatusCode);
        var after = await ReadFormAsync(period: "2021-M05");
        Assert.Equal([("BEDS", 310m, (string?)null), ("X001", 5.5m, "cũ")], after.Values.Select(v => (v.IndicatorCode, v.Value!.Value, v.Note)));
        var audit = await Factory.Get<AuditStore>().GetLatestAsync("D1", 50);
        Assert.Contains(audit, e => e is { IndicatorCode: "BEDS", Old: "300", New: "310" });
        Assert.True(await usage.HasFiguresAsync("X001"));
    }
}
