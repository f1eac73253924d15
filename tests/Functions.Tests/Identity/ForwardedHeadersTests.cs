using System.Net;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Identity;

/// The audit's "from" believes X-Forwarded-For only when the request came through a configured proxy.
[Collection(AzuriteCollection.Name)]
public sealed class ForwardedHeadersTests(AzuriteFixture azurite)
{
    private static async Task<string?> FromOfAFirstWriteAsync(HealthFuncsFactory factory, string forwardedFor)
    {
        var keys = await TestCatalog.SeedAsync(factory);
        var client = factory.ClientWithKey(keys.D1);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("D1", "2021", Values(("BEDS", 400)))).StatusCode);
        return (await factory.Get<AuditStore>().GetLatestAsync("D1", 5)).Single().From;
    }

    [Fact]
    public async Task With_no_proxy_configured_a_forwarded_address_is_ignored()
    {
        await using var factory = new HealthFuncsFactory(azurite) { RemoteAddress = IPAddress.Parse("198.51.100.20") };
        Assert.Equal("198.51.100.20", await FromOfAFirstWriteAsync(factory, "203.0.113.7"));
    }

    [Fact]
    public async Task Through_configured_proxies_the_first_address_none_of_them_vouches_for_is_recorded()
    {
        await using var factory = new HealthFuncsFactory(azurite) { RemoteAddress = IPAddress.Parse("10.0.0.2") };
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1";
        factory.Settings["ForwardedHeaders:KnownProxies:1"] = "10.0.0.2";
        Assert.Equal("203.0.113.7", await FromOfAFirstWriteAsync(factory, "198.51.100.99, 203.0.113.7, 10.0.0.1"));
    }
}
