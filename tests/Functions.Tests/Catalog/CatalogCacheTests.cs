using System.Net;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// <summary>
/// Two instances of the server on the same storage, as a scaled-out function app runs: each keeps the unit tree and
/// the catalog in memory, and a change written through either is seen by the other's next request.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageRequests _requests = new();
    private HealthFuncsFactory _writer = null!, _reader = null!;
    private TestCatalog.Keys _keys = null!;

    public async Task InitializeAsync()
    {
        _writer = new HealthFuncsFactory(azurite);
        _keys = await TestCatalog.SeedAsync(_writer);
        _reader = new HealthFuncsFactory(azurite) { Settings = { ["Storage:TablePrefix"] = _writer.TablePrefix }, StoragePolicies = { _requests } };
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _writer.DisposeAsync();
    }

    [Fact]
    public async Task A_unit_added_through_another_instance_is_known_to_this_one_from_its_next_request()
    {
        var reader = _reader.ClientWithKey(_keys.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/units/C9/periods/2021/values")).StatusCode);

        Assert.NotNull(await _writer.Get<UnitStore>().AddAsync(new StoredUnit(new OrgUnit("C9", "Xã C9", UnitLevel.Commune, [new ParentLink(2000, "D2")]), null, null)));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/units/C9/periods/2021/values")).StatusCode);
    }

    [Fact]
    public async Task An_indicator_changed_or_removed_through_another_instance_is_seen_by_this_ones_next_request()
    {
        var reader = _reader.ClientWithKey(_keys.Admin);
        Assert.DoesNotContain("NEW.ONE", await reader.GetStringAsync("/api/indicators"));
        var store = _writer.Get<IndicatorStore>();
        var added = new Indicator("NEW.ONE", "Chỉ tiêu mới", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, "III", "Khác", 999);

        var etag = await store.AddAsync(added);
        Assert.Contains("Chỉ tiêu mới", await reader.GetStringAsync("/api/indicators"));

        etag = await store.ReplaceAsync(added with { Name = "Chỉ tiêu đổi tên" }, null, etag!);
        Assert.Contains("Chỉ tiêu đổi tên", await reader.GetStringAsync("/api/indicators"));

        Assert.True(await store.DeleteAsync("NEW.ONE", etag!));
        Assert.DoesNotContain("NEW.ONE", await reader.GetStringAsync("/api/indicators"));
    }

    [Fact]
    public async Task While_nothing_changes_a_request_reads_only_the_version_rows_not_the_tree_or_the_catalog()
    {
        var reader = _reader.ClientWithKey(_keys.Admin);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/units/D1/periods/2021/attainment")).StatusCode);
        _requests.Take();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/units/D1/periods/2021/attainment")).StatusCode);
        var calls = _requests.Take();

        Assert.Contains(calls, c => c.Contains("Units(PartitionKey='unit',RowKey='~version')", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Contains("Indicators(PartitionKey='indicator',RowKey='~version')", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.EndsWith("Units()", StringComparison.Ordinal) || c.EndsWith("Indicators()", StringComparison.Ordinal));
    }
}
