using System.Net.Http.Json;
using System.Text.Json;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

/// The test catalog (province P: districts D1, D2) plus a second province Q with district D3 and its staff,
/// for the rules about who manages whom.
public abstract class TwoProvinces(AzuriteFixture azurite) : SeededServerTests(azurite), IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;
    protected string QKey { get; private set; } = "";
    protected string D3Key { get; private set; } = "";
    protected HttpClient Admin => Factory.ClientWithKey(UserKeys.Admin);
    protected HttpClient PStaff => Factory.ClientWithKey(UserKeys.Province);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Factory.Get<UnitStore>().UpsertAsync([
            new OrgUnit("Q", "Tỉnh Q", UnitLevel.Province, [new ParentLink(2000, null)]),
            new OrgUnit("D3", "Huyện D3", UnitLevel.District, [new ParentLink(2000, "Q")])]);
        QKey = await Factory.AddUserAsync("q-staff", UserRole.Province, "Q");
        D3Key = await Factory.AddUserAsync("d3-staff", UserRole.District, "D3");
    }

    protected static async Task<JsonElement> UserAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/users/{id}")).ReadJsonAsync();

    protected static Task<HttpResponseMessage> PutUserAsync(HttpClient client, string id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{id}") { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// Changes the user's name, role and unit as an admin, with the ETag just read.
    protected async Task<HttpResponseMessage> MoveAsync(string id, string role, string? unit, HttpClient? client = null)
    {
        client ??= Admin;
        var current = await UserAsync(Admin, id);
        return await PutUserAsync(client, id, new { name = current.GetProperty("name").GetString(), role, unitCode = unit },
            current.GetProperty("etag").GetString());
    }

    protected static string[] Ids(JsonElement list) => [.. list.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).Order()];
}
