using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Workflow;

/// "This year" is Vietnam's: at 01:00 on 1 January in Vietnam it is still 31 December in UTC.
[Collection(AzuriteCollection.Name)]
public sealed class VietnamYearTests(AzuriteFixture azurite) : IDisposable
{
    private readonly WorkflowHost _host = new(azurite, DateTimeOffset.Parse("2025-12-31T18:00:00Z"));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Defaults_to_the_current_year_use_the_vietnam_year_on_new_years_eve_in_utc()
    {
        var keys = await _host.SeedAsync();
        var client = _host.ClientWithKey(keys.D1);

        var periods = await (await client.GetAsync("/api/periods")).ReadJsonAsync();

        Assert.StartsWith("2026", periods[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }
}
