using System.Net;
using System.Net.Http.Headers;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// The allowed range an administrator sets on an indicator, and the submissions it refuses.
[Collection(AzuriteCollection.Name)]
public sealed class IndicatorRangeTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Admin => Factory.ClientWithKey(UserKeys.Admin);

    private static object Beds(decimal? minimum, decimal? maximum) => new
    {
        name = "Tổng số giường bệnh", unit = "giường", kind = "Count", direction = "HigherIsBetter", time = "Stock",
        group = "I", groupName = "Khám chữa bệnh", order = 1, minimum, maximum,
    };

    private static object Cover(decimal? minimum, decimal? maximum, bool allowsAbove100 = false) => new
    {
        name = "Tỷ lệ bao phủ BHYT", unit = "%", kind = "Percentage", direction = "HigherIsBetter", time = "Stock",
        group = "II", groupName = "Bảo hiểm y tế", order = 1, minimum, maximum, allowsAbove100,
    };

    private async Task<HttpResponseMessage> ChangeAsync(string code, object body) =>
        await Admin.SendJsonAsync(HttpMethod.Put, $"/api/indicators/{code}", body, await Admin.EtagAsync($"/api/indicators/{code}"));

    [Fact]
    public async Task An_admin_narrows_an_indicators_range_listed_and_audited_old_to_new()
    {
        var changed = await ChangeAsync("BEDS", Beds(10, 1000));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var listed = (await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>()).Single(i => i.Code == "BEDS");
        Assert.Equal((10m, 1000m), (listed.Minimum, listed.Maximum));
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 5)).Single();
        Assert.Contains("\"Minimum\":null,\"Maximum\":null", audit.Old);
        Assert.Contains("\"Minimum\":10,\"Maximum\":1000", audit.New);

        // Cleared again: the kind's own range is back.
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync("BEDS", Beds(null, null))).StatusCode);
        Assert.Null((await (await Admin.GetAsync("/api/indicators/BEDS")).ReadAsync<IndicatorRecord>()).Indicator.Maximum);
    }

    [Theory]
    [InlineData("BEDS", 50, 20, false, "minimum", "greater than the maximum")]
    [InlineData("BEDS", -1, null, false, "minimum", "must not be negative")]
    [InlineData("COVER", 50, 120, false, "maximum", "within 0–100")]
    [InlineData("COVER", 101, null, false, "minimum", "within 0–100")]
    public async Task A_range_upside_down_negative_or_wider_than_the_kind_allows_is_refused_naming_the_field(
        string code, int? minimum, int? maximum, bool allowsAbove100, string field, string en)
    {
        var before = await Admin.EtagAsync($"/api/indicators/{code}");
        var body = code == "BEDS" ? Beds(minimum, maximum) : Cover(minimum, maximum, allowsAbove100);

        var refused = await ChangeAsync(code, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Contains(en, problem.GetProperty("en").GetString());
        Assert.Equal(before, await Admin.EtagAsync($"/api/indicators/{code}"));
        Assert.Empty(await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 5));
    }

    [Fact]
    public async Task A_percentage_allowed_above_100_may_have_a_maximum_above_100()
    {
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync("COVER", Cover(0, 150, allowsAbove100: true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021", HttpExtensions.Values(("COVER", 120m)), ifMatch: "\"0\"")).StatusCode);
    }

    [Fact]
    public async Task A_submission_outside_the_indicators_range_is_refused_naming_the_value_and_the_range()
    {
        await ChangeAsync("BEDS", Beds(10, 1000));

        var json = await D1.SubmitAsync("D1", "2021-H1", HttpExtensions.Values(("BEDS", 1500m)), ifMatch: "\"0\"");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, json.StatusCode);
        var rejected = (await json.ReadJsonAsync()).GetProperty("rejected").EnumerateArray().Single();
        Assert.Equal("BEDS", rejected.GetProperty("indicatorCode").GetString());
        Assert.Contains("1.500 giường nằm ngoài khoảng cho phép của chỉ tiêu (từ 10 đến 1.000)", rejected.GetProperty("messageVi").GetString());
        Assert.Contains("1,500 giường is outside the indicator's allowed range (10 to 1,000)", rejected.GetProperty("messageEn").GetString());

        // The uploaded form goes through the same check.
        var form = new MemoryStream(await (await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx")).Content.ReadAsByteArrayAsync());
        var file = new StreamContent(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 5 }));
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookStore.XlsxContentType);
        var upload = await D1.PostAsync("/api/units/D1/periods/2021-H1/upload", new MultipartFormDataContent { { file, "file", "bieu.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Contains("5 giường nằm ngoài khoảng cho phép của chỉ tiêu (từ 10 đến 1.000)", await upload.Content.ReadAsStringAsync());
        Assert.Empty((await ReadFormAsync(period: "2021-H1")).Values);

        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-H1", HttpExtensions.Values(("BEDS", 420m)), ifMatch: "\"0\"")).StatusCode);
    }
}
