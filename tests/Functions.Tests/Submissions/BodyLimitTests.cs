using System.Net;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Submissions;

/// The body size limit is Kestrel's, so this test runs the server on a real Kestrel (the in-memory
/// test server does not enforce request size limits).
[Collection(AzuriteCollection.Name)]
public sealed class BodyLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HealthFuncsFactory _factory = new(azurite);
    private TestCatalog.Keys _keys = null!;

    public async Task InitializeAsync()
    {
        // The endpoint is Kestrel's own option: asking the factory for a port makes it rewrite the server's
        // addresses after the app, which starts itself, may already have started listening.
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _keys = await TestCatalog.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_values_body_over_one_megabyte_is_413_and_writes_nothing()
    {
        var client = _factory.ClientWithKey(_keys.D1);
        var rows = Enumerable.Range(0, 3000).Select(n => new { indicatorCode = "X001", value = 1, note = new string('x', 400) });
        var response = await client.SubmitAsync("D1", "2021", new { values = rows });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var form = await (await client.GetAsync("/api/units/D1/periods/2021/values")).ReadAsync<FormValues>();
        Assert.Equal(0, form.Version);
    }
}
