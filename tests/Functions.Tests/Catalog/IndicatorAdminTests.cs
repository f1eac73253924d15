using System.Net;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

[Collection(AzuriteCollection.Name)]
public sealed class IndicatorAdminTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Admin => Factory.ClientWithKey(UserKeys.Admin);

    private static object Doctors(string code = "NL.BAC_SY", string kind = "Count", int? ratePer = null, string? parent = null, int? retiredFrom = null) => new
    {
        code, name = "Số bác sĩ/vạn dân", unit = "bác sĩ", kind, direction = "HigherIsBetter", time = "Stock",
        group = "IV", groupName = "Nhân lực", order = 1, parentCode = parent, ratePer, retiredFrom,
    };

    [Fact]
    public async Task An_admin_adds_an_indicator_listed_on_the_next_request_and_audited()
    {
        var created = await Admin.SendJsonAsync(HttpMethod.Post, "/api/indicators", Doctors());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(created.Headers.GetValues("ETag").Single(), (await created.ReadAsync<IndicatorRecord>()).Etag);

        var listed = await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal("Số bác sĩ/vạn dân", listed.Single(i => i.Code == "NL.BAC_SY").Name);
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 5)).Single();
        Assert.Equal((AuditAction.IndicatorAdded, "NL.BAC_SY", null), (audit.Action, audit.IndicatorCode, audit.Old));
        Assert.Contains("\"Name\":\"Số bác sĩ/vạn dân\"", audit.New);

        // Admins read the catalog's history over the API; others may not.
        var read = await (await Admin.GetAsync("/api/audit/catalog?take=5")).ReadJsonAsync();
        Assert.Equal("IndicatorAdded", read.EnumerateArray().Single().GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/audit/catalog")).StatusCode);
    }

    [Fact]
    public async Task Adding_an_existing_code_is_a_conflict_and_a_bad_field_is_named()
    {
        var taken = await Admin.SendJsonAsync(HttpMethod.Post, "/api/indicators", Doctors("BEDS"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("BEDS", (await taken.ReadJsonAsync()).GetProperty("en").GetString());

        var rate = await Admin.SendJsonAsync(HttpMethod.Post, "/api/indicators", Doctors(kind: "Rate"));
        Assert.Equal(HttpStatusCode.BadRequest, rate.StatusCode);
        Assert.True((await rate.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ratePer", out _));

        var parent = await Admin.SendJsonAsync(HttpMethod.Post, "/api/indicators", Doctors(parent: "KHONG_CO"));
        Assert.Contains("KHONG_CO", (await parent.ReadJsonAsync()).GetProperty("detail").GetString());

        var district = await D1.SendJsonAsync(HttpMethod.Post, "/api/indicators", Doctors());
        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
    }

    [Fact]
    public async Task A_change_needs_the_version_read_and_a_stale_one_is_a_conflict()
    {
        var etag = await Admin.EtagAsync("/api/indicators/COVER");
        var change = new
        {
            name = "Tỷ lệ người dân tham gia BHYT", unit = "%", kind = "Percentage", direction = "HigherIsBetter", time = "Stock",
            group = "II", groupName = "Bảo hiểm y tế", order = 1,
        };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/COVER", change)).StatusCode);

        var done = await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/COVER", change, etag);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("Tỷ lệ người dân tham gia BHYT", (await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>()).Single(i => i.Code == "COVER").Name);

        var stale = await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/COVER", change, etag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(done.Headers.GetValues("ETag").Single(), (await stale.ReadJsonAsync()).GetProperty("currentEtag").GetString());
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 5)).Single();
        Assert.Contains("Tỷ lệ bao phủ BHYT", audit.Old);
        Assert.Contains("Tỷ lệ người dân tham gia BHYT", audit.New);
    }

    [Fact]
    public async Task A_kind_change_is_refused_once_the_indicator_has_figures()
    {
        var asPercentage = new
        {
            name = "Tổng số giường bệnh", unit = "%", kind = "Percentage", direction = "HigherIsBetter", time = "Stock",
            group = "I", groupName = "Khám chữa bệnh", order = 1,
        };
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021", HttpExtensions.Values(("BEDS", 420m)), ifMatch: "\"0\"")).StatusCode);

        var refused = await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/BEDS", asPercentage, await Admin.EtagAsync("/api/indicators/BEDS"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("has figures as a Count", (await refused.ReadJsonAsync()).GetProperty("en").GetString());
        Assert.Equal("Count", (await (await Admin.GetAsync("/api/indicators/BEDS")).ReadJsonAsync()).GetProperty("indicator").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_used_indicator_is_retired_not_deleted_and_an_unused_one_is_deleted()
    {
        await D1.SubmitAsync("D1", "2021", HttpExtensions.Values(("X001", 5m)), ifMatch: "\"0\"");
        var used = await Admin.SendJsonAsync(HttpMethod.Delete, "/api/indicators/X001", new { }, await Admin.EtagAsync("/api/indicators/X001"));
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("retire it instead", (await used.ReadJsonAsync()).GetProperty("en").GetString());

        var retire = new { name = "Chỉ tiêu thử 1", unit = "lượt", kind = "Count", direction = "HigherIsBetter", time = "Flow", group = "III", groupName = "Khác", order = 1, retiredFrom = 2022 };
        var retired = await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/X001", retire, await Admin.EtagAsync("/api/indicators/X001"));
        Assert.Equal(2022, (await retired.ReadAsync<IndicatorRecord>()).RetiredFrom);
        var in2021 = await (await Admin.GetAsync("/api/units/D2/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        var in2022 = await (await D1.GetAsync("/api/units/D1/indicators?year=2022")).ReadAsync<List<IndicatorItem>>();
        Assert.Contains(in2021, i => i.Code == "X001");
        Assert.DoesNotContain(in2022, i => i.Code == "X001");

        var deleted = await Admin.SendJsonAsync(HttpMethod.Delete, "/api/indicators/X002", new { }, await Admin.EtagAsync("/api/indicators/X002"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/indicators/X002")).StatusCode);
        Assert.Equal(AuditAction.IndicatorRemoved, (await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 1)).Single().Action);
    }

    [Fact]
    public async Task A_total_cannot_become_a_part_of_its_own_part()
    {
        var loop = new { name = "Tổng số giường bệnh", unit = "giường", kind = "Count", direction = "HigherIsBetter", time = "Stock", group = "I", groupName = "Khám chữa bệnh", order = 1, parentCode = "BEDS.HOSP" };
        var refused = await Admin.SendJsonAsync(HttpMethod.Put, "/api/indicators/BEDS", loop, await Admin.EtagAsync("/api/indicators/BEDS"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is a breakdown part of 'BEDS'", (await refused.ReadJsonAsync()).GetProperty("en").GetString());
    }
}
