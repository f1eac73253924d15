using HealthFuncs.Functions.Submissions;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// <summary>A server on tables of its own, seeded with the test catalog; district D1 calls it with its key.</summary>
public abstract class SeededServerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// Requests seem to come from 203.0.113.7 (a documentation address), what the audit records as "from".
    protected HealthFuncsFactory Factory { get; } = new(azurite) { RemoteAddress = System.Net.IPAddress.Parse("203.0.113.7") };
    protected TestCatalog.Keys UserKeys { get; private set; } = null!;
    protected HttpClient D1 => Factory.ClientWithKey(UserKeys.D1);

    public async Task InitializeAsync() => UserKeys = await TestCatalog.SeedAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    protected async Task<FormValues> ReadFormAsync(string unit = "D1", string period = "2021") =>
        await (await D1.GetAsync($"/api/units/{unit}/periods/{period}/values")).ReadAsync<FormValues>();
}
