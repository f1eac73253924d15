using System.Net;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

/// <summary>
/// Two instances of the server on the same storage, as a scaled-out function app runs. Each keeps the rows of the
/// versions it committed, or read whole, and reads them without a query; a version committed by the other is read
/// from storage first, so neither ever serves figures older than the form's current version.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeptVersionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageRequests _aRequests = new(), _bRequests = new();
    private HealthFuncsFactory _a = null!, _b = null!;
    private TestCatalog.Keys _keys = null!;

    public async Task InitializeAsync()
    {
        _a = new HealthFuncsFactory(azurite) { StoragePolicies = { _aRequests } };
        _keys = await TestCatalog.SeedAsync(_a);
        _b = new HealthFuncsFactory(azurite) { Settings = { ["Storage:TablePrefix"] = _a.TablePrefix }, StoragePolicies = { _bRequests } };
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static async Task<decimal?> BedsAsync(HttpClient client, StorageRequests requests, bool expectQuery, string period = "2024-M01")
    {
        requests.Take();
        var form = await (await client.GetAsync($"/api/units/D1/periods/{period}/values")).ReadAsync<FormValues>();
        var queried = requests.Take().Any(r => r.EndsWith("Values()", StringComparison.Ordinal));
        Assert.True(queried == expectQuery, expectQuery ? "the rows were not read from storage" : "the rows were read from storage again");
        return form.Values.Single(v => v.IndicatorCode == "BEDS").Value;
    }

    [Fact]
    public async Task Each_instance_reads_its_own_commits_from_memory_and_the_others_from_storage_never_an_old_version()
    {
        var (a, b) = (_a.ClientWithKey(_keys.D1), _b.ClientWithKey(_keys.D1));
        Assert.Equal(HttpStatusCode.OK, (await a.SubmitAsync("D1", "2024-M01", Values(("BEDS", 400)))).StatusCode);
        Assert.Equal(400, await BedsAsync(a, _aRequests, expectQuery: false));
        Assert.Equal(400, await BedsAsync(b, _bRequests, expectQuery: true));

        Assert.Equal(HttpStatusCode.OK, (await b.SubmitAsync("D1", "2024-M01", Values(("BEDS", 410)), ifMatch: "\"1\"")).StatusCode);
        Assert.Equal(410, await BedsAsync(b, _bRequests, expectQuery: false));
        Assert.Equal(410, await BedsAsync(a, _aRequests, expectQuery: true));

        // A's update replaces the version B wrote: its audit's "old" is B's figure, read from storage.
        Assert.Equal(HttpStatusCode.OK, (await a.SubmitAsync("D1", "2024-M01", Values(("BEDS", 420)), ifMatch: "\"2\"")).StatusCode);
        Assert.Equal(420, await BedsAsync(b, _bRequests, expectQuery: true));
        var audit = (await _a.Get<AuditStore>().GetLatestAsync("D1", 50)).Where(e => e.IndicatorCode == "BEDS").Select(e => (e.Old, e.New)).Reverse();
        Assert.Equal([(null, "400"), ("400", "410"), ("410", "420")], audit);
    }

    [Fact]
    public async Task A_version_read_whole_from_storage_is_kept_and_one_read_short_of_its_rows_is_not()
    {
        var (a, b) = (_a.ClientWithKey(_keys.D1), _b.ClientWithKey(_keys.D1));
        Assert.Equal(HttpStatusCode.OK, (await a.SubmitAsync("D1", "2024-M03", Values(("BEDS", 300), ("X001", 5)))).StatusCode);
        Assert.Equal(300, await BedsAsync(b, _bRequests, expectQuery: true, "2024-M03"));
        Assert.Equal(300, await BedsAsync(b, _bRequests, expectQuery: false, "2024-M03"));

        // Fewer values than the form records, as a read that overlapped the deletion of the version's rows finds: read,
        // never kept. 300 figures with long notes take two rows; the second is gone.
        var note = new string('n', 150);
        var large = new
        {
            values = Enumerable.Range(1, 300).Select(n => new { indicatorCode = $"X{n:000}", value = (decimal)n, note = (string?)note })
                .Append(new { indicatorCode = "BEDS", value = 400m, note = (string?)null }).ToArray(),
        };
        Assert.Equal(HttpStatusCode.OK, (await a.SubmitAsync("D1", "2024-M04", large)).StatusCode);
        var values = await _a.Get<StorageAccount>().TableAsync(TableName.Values);
        await values.DeleteEntityAsync("D1|2024", "2024-M04|000001|~00001");
        Assert.Equal(400, await BedsAsync(b, _bRequests, expectQuery: true, "2024-M04"));
        Assert.Equal(400, await BedsAsync(b, _bRequests, expectQuery: true, "2024-M04"));
    }

    [Fact]
    public async Task With_no_rows_kept_an_instance_reads_even_its_own_commits_from_storage()
    {
        await using var factory = new HealthFuncsFactory(azurite)
        {
            Settings = { ["Storage:TablePrefix"] = _a.TablePrefix, ["Storage:KeptVersionRows"] = "0" }, StoragePolicies = { _bRequests },
        };
        var client = factory.ClientWithKey(_keys.D1);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("D1", "2024-M02", Values(("BEDS", 500)))).StatusCode);
        _bRequests.Take();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units/D1/periods/2024-M02/values")).StatusCode);
        Assert.Contains(_bRequests.Take(), r => r.EndsWith("Values()", StringComparison.Ordinal));
    }
}
