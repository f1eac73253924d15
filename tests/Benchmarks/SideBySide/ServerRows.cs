using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using static HealthFuncs.Benchmarks.SideBySide.Measure;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>The rows that need the server: ingest against raw table transactions on the same Azurite, consolidation, cold start.</summary>
public sealed class ServerRows(LocalStack stack, Province province)
{
    private const int Forms = 100;
    private int _month, _rawRun;

    /// <summary>100 forms through the API (each a new form of a fresh month) against the same values as 100 raw transactions,
    /// and against the storage calls a submission's protocol makes (README, "How a submission stays whole") made directly.</summary>
    public async Task<IReadOnlyList<Row>> IngestAsync(int rounds)
    {
        // The peer writes each form's values the plain way, a row per value in one transaction, into the server's own
        // Values table, in partitions of years no form uses (3000 on), so both sides pay what Azurite charges for a table
        // of that size, which grows as the runs go. (The server stores a form's values as JSON in one row.)
        var tables = new TableServiceClient(stack.ConnectionString);
        var table = tables.GetTableClient("Values");
        await table.CreateIfNotExistsAsync();
        var protocol = new ProtocolCalls(tables, province);
        var samples = await InterleavedAsync(rounds,
            () => ApiAsync(1), () => RawAsync(table, 1), () => protocol.RunAsync(1),
            () => ApiAsync(8), () => RawAsync(table, 8), () => protocol.RunAsync(8));
        var values = Forms * province.ValuesPerForm;
        double Rate(Sample s) => values / (s.Milliseconds / 1000);
        return [Ingest(1, samples[0], samples[1]), Ingest(8, samples[3], samples[4]),
            Protocol(1, samples[0], samples[1], samples[2]), Protocol(8, samples[3], samples[4], samples[5])];

        Row Ingest(int concurrency, Sample api, Sample raw)
        {
            var ratio = Rate(api) / Rate(raw);
            return new Row($"API ingest c{concurrency} ({Forms} forms × {province.ValuesPerForm} values)", $"{Whole(Rate(api))} values/s",
                $"Azure.Data.Tables transactions {Whole(Rate(raw))} values/s", ratio, "≥ 0.80 × raw", ratio >= 0.8);
        }

        // Not a goal: how near raw transactions the protocol's own storage calls can come (the most the API row can
        // reach), and how near those the API comes.
        Row Protocol(int concurrency, Sample api, Sample raw, Sample calls) =>
            new($"submission protocol's storage calls made directly, c{concurrency}",
                $"{Whole(Rate(calls))} values/s (the API at {Measure.Ratio(Rate(api) / Rate(calls))} of it)",
                $"Azure.Data.Tables transactions {Whole(Rate(raw))} values/s", Rate(calls) / Rate(raw), "- (the API row's ceiling)", null);
    }

    private Task ApiAsync(int concurrency)
    {
        // Every run writes new forms: the next month of a year no other row uses (2030 onwards, twelve runs a year).
        var run = _month++;
        var period = $"{2030 + run / 12}-M{run % 12 + 1:00}";
        return InParallel(concurrency, i => province.SubmitAsync(province.Communes[i], period));
    }

    private Task RawAsync(TableClient table, int concurrency)
    {
        var run = _rawRun++;
        var period = $"{3000 + run / 12}-M{run % 12 + 1:00}";
        return InParallel(concurrency, i => table.SubmitTransactionAsync(Enumerable.Range(0, province.ValuesPerForm).Select(v =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity($"{province.Communes[i]}|{3000 + run / 12}", $"{period}|000001|RAW{v:D3}")
                {
                    ["IndicatorCode"] = $"RAW{v:D3}", ["Value"] = "80", ["Numerator"] = "800", ["Denominator"] = "1000",
                }))));
    }

    /// <summary>
    /// The storage calls the server makes for a new form, made directly with the SDK on the same tables, with rows of
    /// the same shape: the caller's key and user, the unit tree's and the catalog's version rows and the unit's forms
    /// of the year and the three before, at once; the claim row holding the form's values as JSON; the commit (the
    /// form's entity); the audit row. Nothing is checked: what is left is what storage charges for the protocol.
    /// </summary>
    private sealed class ProtocolCalls(TableServiceClient tables, Province province)
    {
        private readonly string _keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(province.Key)));
        private int _run;

        public Task RunAsync(int concurrency)
        {
            var run = _run++;
            var year = 4000 + run / 12;
            var period = $"{year}-M{run % 12 + 1:00}";
            return InParallel(concurrency, i => FormAsync(province.Communes[i], year, period));
        }

        private async Task FormAsync(string unit, int year, string period)
        {
            var (forms, values) = (tables.GetTableClient("Forms"), tables.GetTableClient("Values"));
            await Task.WhenAll(
                tables.GetTableClient("ApiKeys").GetEntityIfExistsAsync<TableEntity>("key", _keyHash),
                tables.GetTableClient("Users").GetEntityIfExistsAsync<TableEntity>("user", Province.UserId),
                tables.GetTableClient("Units").GetEntityIfExistsAsync<TableEntity>("unit", "~version", ["RowKey"]),
                tables.GetTableClient("Indicators").GetEntityIfExistsAsync<TableEntity>("indicator", "~version", ["RowKey"]),
                DrainAsync(forms.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
                    $"PartitionKey eq {unit} and RowKey ge {(year - 3).ToString(CultureInfo.InvariantCulture)} and RowKey lt {year.ToString(CultureInfo.InvariantCulture) + "."}"))));
            var at = DateTimeOffset.UtcNow;
            var rows = new JsonArray([.. province.Values.Select(v => (JsonNode)new JsonArray(
                (string)v!["indicatorCode"]!, Text(v["value"]), Text(v["numerator"]), Text(v["denominator"]), null))]).ToJsonString();
            await values.AddEntityAsync(new TableEntity($"{unit}|{year}", $"{period}|000001|")
            {
                ["Id"] = Guid.NewGuid().ToString("N"), ["By"] = Province.UserId, ["At"] = at, ["Values"] = rows,
            });
            await forms.AddEntityAsync(new TableEntity(unit, period)
            {
                ["CurrentVersion"] = 1, ["BaseVersion"] = 0, ["UpdatedBy"] = Province.UserId, ["UpdatedAt"] = at, ["UpdatedFrom"] = "127.0.0.1",
                ["AuditRows"] = 1, ["CurrentRows"] = province.ValuesPerForm,
            });
            var changes = new JsonArray([.. province.Values.Select(v => (JsonNode)new JsonObject
            {
                ["Action"] = "ValueAdded", ["Indicator"] = (string)v!["indicatorCode"]!, ["Old"] = null, ["New"] = Text(v["value"]),
            })]).ToJsonString();
            await tables.GetTableClient("Audit").UpsertEntityAsync(new TableEntity(unit,
                $"{(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{period}|v1|00000")
            {
                ["At"] = at, ["User"] = Province.UserId, ["Action"] = "ValueAdded", ["Period"] = period, ["UnitCode"] = unit, ["Origin"] = "127.0.0.1",
                ["Changes"] = changes,
            }, TableUpdateMode.Replace);
        }

        private static string? Text(JsonNode? number) => number?.ToJsonString();

        private static async Task DrainAsync(Azure.AsyncPageable<TableEntity> query)
        {
            await foreach (var _ in query) { }
        }
    }

    private static async Task InParallel(int concurrency, Func<int, Task> form)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Forms) await form(i);
        }));
    }

    private const string ConsolidatedPeriod = "2029-M01";

    /// <summary>Every commune reports one month, then the province's consolidation is read as JSON and as the workbook.</summary>
    public async Task<IReadOnlyList<Row>> ConsolidationAsync(int rounds)
    {
        await InParallel(8, i => province.SubmitAsync(province.Communes[i], ConsolidatedPeriod));
        for (var i = Forms; i < province.Communes.Count; i++) await province.SubmitAsync(province.Communes[i], ConsolidatedPeriod);
        return await ConsolidatedAsync(province.Client, rounds, "");
    }

    /// <summary>The same consolidation read through a second instance of the server on the same storage, as a scaled-out
    /// app serves it: one that took none of the submissions, so it keeps none of their rows.</summary>
    public async Task<IReadOnlyList<Row>> ConsolidationElsewhereAsync(Uri address, int rounds)
    {
        using var client = new HttpClient { BaseAddress = address };
        // Its first consolidation reads every child's figures from storage (and is its first request, compiled as it
        // goes); the rows measured after it are the same instance once it holds them. Shown on stderr, not a row.
        var first = Stopwatch.StartNew();
        await Province.MustAsync(client, province.Key, HttpMethod.Get, $"/api/units/{Province.Code}/periods/{ConsolidatedPeriod}/consolidated");
        Console.Error.WriteLine($"first consolidation (JSON) through another instance, its figures read from storage: {Ms(first.Elapsed.TotalMilliseconds)}");
        return await ConsolidatedAsync(client, rounds, ", another instance");
    }

    private async Task<IReadOnlyList<Row>> ConsolidatedAsync(HttpClient client, int rounds, string where)
    {
        var path = $"/api/units/{Province.Code}/periods/{ConsolidatedPeriod}/consolidated";
        var samples = await InterleavedAsync(rounds,
            () => Province.MustAsync(client, province.Key, HttpMethod.Get, path),
            () => Province.MustAsync(client, province.Key, HttpMethod.Get, path + ".xlsx"));
        var work = $"province consolidation, {province.Communes.Count} communes{where}";
        return
        [
            new Row($"{work}, JSON", Ms(samples[0].Milliseconds), "-", samples[0].Milliseconds / 300, "≤ 300 ms", samples[0].Milliseconds <= 300),
            new Row($"{work}, .xlsx", Ms(samples[1].Milliseconds), "-", samples[1].Milliseconds / 1000, "≤ 1000 ms", samples[1].Milliseconds <= 1000),
        ];
    }

    /// <summary>From starting the built server to its first 200 on an authenticated request, the median of several starts.</summary>
    public static async Task<Row> ColdStartAsync(LocalStack stack, string key, int rounds)
    {
        var samples = new List<Sample>();
        for (var round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var (process, address) = stack.StartServer();
            try
            {
                using var client = new HttpClient { BaseAddress = address };
                while (true)
                {
                    if (process.HasExited) throw new InvalidOperationException("the server exited while starting");
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
                        request.Headers.Add("X-Api-Key", key);
                        using var response = await client.SendAsync(request);
                        if (response.IsSuccessStatusCode) break;
                    }
                    catch (HttpRequestException)
                    {
                        // Not listening yet.
                    }
                    await Task.Delay(5);
                }
                // The first start also warms the OS's file cache; it is not counted.
                if (round > 0) samples.Add(new Sample(watch.Elapsed.TotalMilliseconds, 0));
            }
            finally
            {
                stack.Stop(process);
            }
        }
        var median = Median(samples);
        return new Row("cold start to first authenticated 200", Ms(median.Milliseconds), "-", median.Milliseconds / 500, "≤ 500 ms", median.Milliseconds <= 500);
    }
}
