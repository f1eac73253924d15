using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthFuncs.Core.Seeds;
using HealthFuncs.Functions.Seeding;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

[Collection(AzuriteCollection.Name)]
public sealed class KeyLifecycleTests(AzuriteFixture azurite) : TwoProvinces(azurite)
{
    private static async Task<JsonElement> IssueAsync(HttpClient client, string userId, string name, DateTimeOffset? expiresAt = null)
    {
        var response = await client.PostAsJsonAsync($"/api/users/{userId}/keys", new { name, expiresAt }, HttpExtensions.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement[]> KeysAsync(HttpClient client, string userId) =>
        [.. (await (await client.GetAsync($"/api/users/{userId}/keys")).ReadJsonAsync()).EnumerateArray()];

    [Fact]
    public async Task A_user_holds_several_named_keys_listed_without_the_key_itself()
    {
        var laptop = await IssueAsync(Admin, "d1-staff", "laptop");
        await IssueAsync(D1, "d1-staff", "Excel văn phòng", DateTimeOffset.UtcNow.AddDays(30));

        Assert.StartsWith("hf_", laptop.GetProperty("apiKey").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientWithKey(laptop.GetProperty("apiKey").GetString()!).GetAsync("/api/me")).StatusCode);
        var listed = await KeysAsync(D1, "d1-staff");
        Assert.Equal(["", "laptop", "Excel văn phòng"], listed.Select(k => k.GetProperty("name").GetString()!).ToArray());
        Assert.True(listed[2].GetProperty("expiresAt").ValueKind == JsonValueKind.String);
        var text = await (await D1.GetAsync("/api/users/d1-staff/keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(laptop.GetProperty("apiKey").GetString()!, text);
        Assert.DoesNotContain(ApiKeyStore.Hash(laptop.GetProperty("apiKey").GetString()!), text);
        Assert.DoesNotContain("apiKey", text);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_next_request_and_the_users_other_keys_still_work()
    {
        var leaked = await IssueAsync(Admin, "d1-staff", "pasted in a shared sheet");
        var client = Factory.ClientWithKey(leaked.GetProperty("apiKey").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var revoke = await PStaff.DeleteAsync($"/api/users/d1-staff/keys/{leaked.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var refused = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("KeyRevoked", problem.GetProperty("reason").GetString());
        Assert.Contains("thu hồi", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PStaff.DeleteAsync("/api/users/d1-staff/keys/0123456789abcdef")).StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_refused_with_the_reason()
    {
        var key = ApiKeyStore.NewKey();
        await Factory.Get<ApiKeyStore>().AddAsync(key, "d1-staff", "old", DateTimeOffset.UtcNow.AddMinutes(-1));

        var refused = await Factory.ClientWithKey(key).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("KeyExpired", (await refused.ReadJsonAsync()).GetProperty("reason").GetString());
        var past = await D1.PostAsJsonAsync("/api/users/d1-staff/keys", new { name = "x", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, HttpExtensions.Json);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
    }

    [Fact]
    public async Task A_user_rotates_their_own_key_and_the_old_one_stops_working()
    {
        var rotated = await (await D1.PostAsync("/api/me/keys/rotate", null)).ReadJsonAsync();

        var fresh = Factory.ClientWithKey(rotated.GetProperty("issued").GetProperty("apiKey").GetString()!);
        Assert.Equal("d1-staff", (await (await fresh.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await D1.GetAsync("/api/me")).StatusCode);
        var keys = await KeysAsync(fresh, "d1-staff");
        Assert.Single(keys, k => k.GetProperty("revokedAt").ValueKind == JsonValueKind.Null);
        var log = (await (await Admin.GetAsync("/api/audit?unit=D1")).ReadJsonAsync()).EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("user").GetString())).ToArray();
        Assert.Equal([("KeyRevoked", "d1-staff"), ("KeyCreated", "d1-staff")], log);
    }

    [Fact]
    public async Task District_staff_cannot_see_or_issue_keys_of_anyone_else()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/users/d2-staff/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.PostAsJsonAsync("/api/users/d2-staff/keys", new { name = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.ClientWithKey(QKey).GetAsync("/api/users/d1-staff/keys")).StatusCode);
    }

    [Fact]
    public async Task Last_used_is_written_once_per_interval_not_on_every_request()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/me")).StatusCode);
        var stored = await Factory.Get<ApiKeyStore>().FindAsync(UserKeys.D1);
        Assert.NotNull(stored!.Key.LastUsedAt);

        for (var i = 0; i < 3; i++) await D1.GetAsync("/api/me");

        var after = await Factory.Get<ApiKeyStore>().FindAsync(UserKeys.D1);
        Assert.Equal((stored.Key.LastUsedAt, stored.ETag), (after!.Key.LastUsedAt, after.ETag));
        Assert.Equal(stored.Key.LastUsedAt, (await KeysAsync(D1, "d1-staff"))[0].GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Issuing_and_revoking_keys_is_audited_without_the_key()
    {
        var issued = await IssueAsync(Admin, "d1-staff", "scanner");
        await Admin.DeleteAsync($"/api/users/d1-staff/keys/{issued.GetProperty("id").GetString()}");

        var log = (await (await Admin.GetAsync("/api/audit/users")).ReadJsonAsync()).EnumerateArray().ToArray();
        Assert.Equal(["KeyRevoked", "KeyCreated"], log.Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.All(log, e => Assert.Equal(("admin", "d1-staff"), (e.GetProperty("user").GetString(), e.GetProperty("subject").GetString())));
        Assert.Equal($"scanner ({issued.GetProperty("id").GetString()})", log[0].GetProperty("old").GetString());
        Assert.DoesNotContain(issued.GetProperty("apiKey").GetString()!, log.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Seeding_again_keeps_a_revoked_dev_key_revoked_and_a_disabled_seeded_user_disabled()
    {
        var catalog = SeedCatalog.Load(Path.Combine(AzuriteFixture.RepositoryRoot, "seeds"));
        await Factory.Get<SeedLoader>().LoadAsync(catalog, includeDevKeys: true);
        var seeded = catalog.Users.ToDictionary(u => u.Id);
        var tq = Factory.ClientWithKey(seeded["tq-syt"].DevKey);
        var sd = Factory.ClientWithKey(seeded["sd-pyt"].DevKey);
        Assert.Equal(HttpStatusCode.OK, (await sd.GetAsync("/api/me")).StatusCode);
        var devKey = (await KeysAsync(sd, "sd-pyt")).Single();
        Assert.Equal("dev", devKey.GetProperty("name").GetString());

        await Admin.DeleteAsync($"/api/users/sd-pyt/keys/{devKey.GetProperty("id").GetString()}");
        await Admin.PostAsync("/api/users/tq-syt/disable", null);
        await Factory.Get<SeedLoader>().LoadAsync(catalog, includeDevKeys: true);

        Assert.Equal("KeyRevoked", (await (await sd.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("reason").GetString());
        Assert.Equal("UserDisabled", (await (await tq.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("reason").GetString());
    }
}
