using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Periods;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Units;

namespace HealthFuncs.Functions.Tests.Catalog;

[Collection(AzuriteCollection.Name)]
public sealed class CatalogTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var response = await Factory.CreateClient().GetAsync("/api/health");
        Assert.Equal("ok", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Me_names_the_caller_its_role_and_unit()
    {
        var me = await (await Factory.ClientWithKey(UserKeys.D1).GetAsync("/api/me")).ReadAsync<User>();
        Assert.Equal(new User("d1-staff", "d1-staff", UserRole.District, "D1"), me);
    }

    [Fact]
    public async Task Units_of_a_year_carry_the_parent_they_had_that_year()
    {
        var units = await (await Factory.ClientWithKey(UserKeys.D1).GetAsync("/api/units?year=2021")).ReadAsync<List<UnitItem>>();
        Assert.Equal(["P", "D1", "D2", "C1"], units.Select(u => u.Code));
        Assert.Equal("D1", units.Single(u => u.Code == "C1").ParentCode);
    }

    [Fact]
    public async Task Indicators_come_in_annex_order_with_their_kind_as_a_name()
    {
        var response = await Factory.ClientWithKey(UserKeys.D1).GetAsync("/api/indicators");
        var indicators = await response.ReadAsync<List<IndicatorItem>>();
        Assert.Equal(["BEDS", "BEDS.HOSP", "COVER"], indicators.Take(3).Select(i => i.Code));
        Assert.Contains("\"kind\":\"Percentage\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Periods_of_a_year_have_vietnamese_labels()
    {
        var periods = await (await Factory.ClientWithKey(UserKeys.D1).GetAsync("/api/periods?year=2021")).ReadAsync<List<PeriodItem>>();
        Assert.Equal(19, periods.Count);
        Assert.Equal("Quý I/2021", periods.Single(p => p.Code == "2021-Q1").Label);
        Assert.Equal("2021", periods[^1].Code);
    }

    [Fact]
    public async Task An_admin_creates_a_user_whose_key_works_once_shown()
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).PostAsJsonAsync("/api/users",
            new { id = "c1-staff", name = "Trạm y tế C1", role = "District", unitCode = "C1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedUser>();

        var me = await (await Factory.ClientWithKey(created.ApiKey).GetAsync("/api/me")).ReadAsync<User>();
        Assert.Equal(("c1-staff", UserRole.District, "C1"), (me.Id, me.Role, me.UnitCode));
        Assert.Equal(HttpStatusCode.Conflict, (await Factory.ClientWithKey(UserKeys.Admin).PostAsJsonAsync("/api/users",
            new { id = "c1-staff", name = "again", role = "District", unitCode = "C1" })).StatusCode);
    }

    [Fact]
    public async Task Province_staff_cannot_create_an_admin()
    {
        var response = await Factory.ClientWithKey(UserKeys.Province).PostAsJsonAsync("/api/users",
            new { id = "x", name = "x", role = "Admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_values_endpoint_and_its_errors()
    {
        var doc = await (await Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var post = doc.GetProperty("paths").GetProperty("/api/units/{unit}/periods/{period}/values").GetProperty("post");
        var statuses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Superset(new HashSet<string> { "200", "400", "403", "404", "409", "422", "428" }, statuses.ToHashSet());
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("ImportSummary", out _));
    }
}
