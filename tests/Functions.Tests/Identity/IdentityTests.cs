using System.Net;
using System.Text;
using System.Text.Json;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

[Collection(AzuriteCollection.Name)]
public sealed class IdentityTests(AzuriteFixture azurite)
{
    private static string Principal(string userId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = new[] { new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", val = userId } },
    })));

    [Fact]
    public async Task Without_a_key_the_api_answers_401_as_a_problem()
    {
        await using var factory = new HealthFuncsFactory(azurite);
        await TestCatalog.SeedAsync(factory);
        var response = await factory.CreateClient().GetAsync("/api/units/D1/periods/2021/values");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        await using var factory = new HealthFuncsFactory(azurite);
        await TestCatalog.SeedAsync(factory);
        var response = await factory.ClientWithKey("hf_not-a-key").GetAsync("/api/units/D1/periods/2021/values");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_client_principal_header_is_ignored_unless_the_app_trusts_app_service_authentication()
    {
        await using var factory = new HealthFuncsFactory(azurite, trustAppServiceAuthentication: false);
        await TestCatalog.SeedAsync(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units/D1/periods/2021/values")).StatusCode);
    }

    [Fact]
    public async Task A_trusted_client_principal_maps_to_its_user()
    {
        await using var factory = new HealthFuncsFactory(azurite, trustAppServiceAuthentication: true);
        await TestCatalog.SeedAsync(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("d1-staff"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units/D1/periods/2021/values")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/units/D2/periods/2021/values")).StatusCode);
    }

    [Fact]
    public async Task A_trusted_principal_that_is_not_a_user_is_401()
    {
        await using var factory = new HealthFuncsFactory(azurite, trustAppServiceAuthentication: true);
        await TestCatalog.SeedAsync(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("stranger@example.org"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units/D1/periods/2021/values")).StatusCode);
    }
}
