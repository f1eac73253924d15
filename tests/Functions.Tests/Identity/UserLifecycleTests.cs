using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

[Collection(AzuriteCollection.Name)]
public sealed class UserLifecycleTests(AzuriteFixture azurite) : TwoProvinces(azurite)
{
    [Fact]
    public async Task An_admin_lists_every_user_and_province_staff_only_the_users_of_their_subtree()
    {
        Assert.Equal(["admin", "d1-staff", "d2-staff", "d3-staff", "p-staff", "q-staff"], Ids(await (await Admin.GetAsync("/api/users")).ReadJsonAsync()));
        Assert.Equal(["d1-staff", "d2-staff", "p-staff"], Ids(await (await PStaff.GetAsync("/api/users")).ReadJsonAsync()));
        Assert.Equal(["d3-staff", "q-staff"], Ids(await (await Factory.ClientWithKey(QKey).GetAsync("/api/users")).ReadJsonAsync()));
        Assert.Equal(["d1-staff"], Ids(await (await Admin.GetAsync("/api/users?unit=D1")).ReadJsonAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_unit_change_takes_effect_on_the_next_request()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/units/D2/periods/2021/values")).StatusCode);

        var moved = await MoveAsync("d1-staff", "District", "D2");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("\"2\"", moved.Headers.ETag?.ToString());
        Assert.Equal("D2", (await (await D1.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("unitCode").GetString());
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/units/D2/periods/2021/values")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/units/D1/periods/2021/values")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/users")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await MoveAsync("d1-staff", "Admin", null)).StatusCode);

        Assert.Equal("Admin", (await (await D1.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_change_without_If_Match_is_428_and_with_a_stale_one_409_and_nothing_changes()
    {
        var body = new { name = "Huyện D1 mới", role = "District", unitCode = "D1" };
        var missing = await PutUserAsync(Admin, "d1-staff", body, null);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("\"1\"", (await missing.ReadJsonAsync()).GetProperty("currentEtag").GetString());

        Assert.Equal(HttpStatusCode.OK, (await PutUserAsync(Admin, "d1-staff", body, "\"1\"")).StatusCode);
        var stale = await PutUserAsync(Admin, "d1-staff", body with { name = "Khác" }, "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("\"2\"", (await stale.ReadJsonAsync()).GetProperty("currentEtag").GetString());
        Assert.Equal("Huyện D1 mới", (await UserAsync(Admin, "d1-staff")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_change_naming_an_unknown_unit_or_no_role_is_a_validation_problem()
    {
        var unknown = await PutUserAsync(Admin, "d1-staff", new { name = "D1", role = "District", unitCode = "ZZ" }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("unitCode", out _));
        var noRole = await PutUserAsync(Admin, "d1-staff", new { name = "D1", unitCode = "D1" }, "\"1\"");
        Assert.True((await noRole.ReadJsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await PutUserAsync(Admin, "nobody", new { name = "x", role = "District", unitCode = "D1" }, "\"1\"")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_with_the_reason_and_enabled_again_works()
    {
        // Used once before: the instance knows whose key it is, and still reads the user on the next request.
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync("/api/users/d1-staff/disable", null)).StatusCode);

        var refused = await D1.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("UserDisabled", problem.GetProperty("reason").GetString());
        Assert.Contains("vô hiệu hóa", problem.GetProperty("detail").GetString());
        Assert.Contains("disabled", problem.GetProperty("en").GetString());
        Assert.True((await UserAsync(Admin, "d1-staff")).GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync("/api/users/d1-staff/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await D1.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_signed_in_through_app_service_is_refused_too()
    {
        await using var trusted = new HealthFuncsFactory(Azurite, trustAppServiceAuthentication: true);
        var keys = await TestCatalog.SeedAsync(trusted);
        var signedIn = trusted.CreateClient();
        signedIn.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", val = "d1-staff" } },
        }))));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await trusted.ClientWithKey(keys.Admin).PostAsync("/api/users/d1-staff/disable", null)).StatusCode);

        var refused = await signedIn.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("UserDisabled", (await refused.ReadJsonAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Province_staff_manage_their_districts_users_but_not_another_provinces_nor_admins()
    {
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync("d1-staff", "District", "D2", PStaff)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PStaff.PostAsync("/api/users/d2-staff/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.GetAsync("/api/users/d3-staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("d3-staff", "District", "D1", PStaff)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.PostAsync("/api/users/d3-staff/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.GetAsync("/api/users/d3-staff/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.PostAsync("/api/users/admin/disable", null)).StatusCode);
        // Nor move their own people out of the province, nor make anyone an admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("d1-staff", "District", "D3", PStaff)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("d1-staff", "Admin", null, PStaff)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientWithKey(D3Key).GetAsync("/api/me")).StatusCode);
        Assert.Equal("D3", (await UserAsync(Admin, "d3-staff")).GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task Province_staff_add_users_only_inside_their_province()
    {
        var inside = await PStaff.PostAsJsonAsync("/api/users", new { id = "d2-new", name = "Cán bộ D2", role = "District", unitCode = "D2" });
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.PostAsJsonAsync("/api/users", new { id = "d3-new", name = "x", role = "District", unitCode = "D3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.PostAsJsonAsync("/api/users", new { id = "c1-new", name = "x", role = "District", unitCode = "C1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/users/d3-new")).StatusCode);
    }

    [Fact]
    public async Task Nobody_changes_their_own_role_or_unit_or_disables_themselves()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("p-staff", "Province", "D1", PStaff)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Admin.PostAsync("/api/users/admin/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("d1-staff", "District", "D2", D1)).StatusCode);
    }

    [Fact]
    public async Task Each_change_is_audited_with_who_from_where_and_old_and_new()
    {
        var province = PStaff;
        await MoveAsync("d1-staff", "District", "D2", province);
        await province.PostAsync("/api/users/d1-staff/disable", null);

        var d2 = await (await PStaff.GetAsync("/api/audit?unit=D2")).ReadJsonAsync();
        var changed = d2.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "UserChanged");
        Assert.Equal(("p-staff", "d1-staff"), (changed.GetProperty("user").GetString(), changed.GetProperty("subject").GetString()));
        Assert.Equal("d1-staff · District · D1", changed.GetProperty("old").GetString());
        Assert.Equal("d1-staff · District · D2", changed.GetProperty("new").GetString());
        Assert.Equal("203.0.113.7", changed.GetProperty("from").GetString());
        Assert.Equal("d1-staff · District · D2 · disabled",
            d2.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "UserDisabled").GetProperty("new").GetString());
        // The unit the user left keeps the move in its history too.
        Assert.Contains((await (await PStaff.GetAsync("/api/audit?unit=D1")).ReadJsonAsync()).EnumerateArray(),
            e => e.GetProperty("action").GetString() == "UserChanged");

        var log = await (await Admin.GetAsync("/api/audit/users")).ReadJsonAsync();
        Assert.Equal(["UserDisabled", "UserChanged"], log.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.GetAsync("/api/audit/users")).StatusCode);
    }
}
