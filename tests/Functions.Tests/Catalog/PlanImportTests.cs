using System.Net;
using System.Net.Http.Headers;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// A plan annex imported as a unit's plan, over the real seeds.
[Collection(AzuriteCollection.Name)]
public sealed class PlanImportTests(AzuriteFixture azurite) : RealSeedsTests(azurite)
{

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string unit, byte[] workbook, bool dryRun, string? ifMatch = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "ke-hoach.xlsx");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/years/2021/plan" + (dryRun ? "?dryRun=true" : "")) { Content = form };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private async Task<byte[]> SonDuongPlanAsync() =>
        await (await As("sd-pyt").GetAsync("/api/units/SD/years/2021/plan.xlsx")).Content.ReadAsByteArrayAsync();

    [Fact]
    public async Task Son_Duong_2021_plan_annex_imported_as_Tam_Duong_plan_gives_identical_targets()
    {
        var admin = As("admin");
        var annex = await SonDuongPlanAsync();
        var preview = await (await ImportAsync(admin, "TD", annex, dryRun: true)).ReadAsync<PlanImportPreview>();
        Assert.Equal((19, 0, 19), (preview.Matched.Count, preview.Unmatched.Count, preview.Changes.Count));
        Assert.All(preview.Matched, r => Assert.Equal(PlanMatch.Code, r.MatchedBy));
        Assert.Empty(await Factory.Get<TargetStore>().GetAsync("TD", 2021));

        var stored = await ImportAsync(admin, "TD", annex, dryRun: false, preview.Etag);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var sonDuong = (await Factory.Get<TargetStore>().GetAsync("SD", 2021)).ToDictionary(t => t.IndicatorCode);
        var tamDuong = (await Factory.Get<TargetStore>().GetAsync("TD", 2021)).ToDictionary(t => t.IndicatorCode);
        Assert.Equal(sonDuong.Keys.Order(), tamDuong.Keys.Order());
        foreach (var (code, source) in sonDuong)
        {
            var (a, b) = (source.Expression, tamDuong[code].Expression);
            Assert.Equal((a.Form, a.Value, a.Low, a.High, a.Change, a.PerYear), (b.Form, b.Value, b.Low, b.High, b.Change, b.PerYear));
            // A point target travels as a number ("95%" comes back as "95"); every other target as the plan wrote it.
            if (a.Form != TargetForm.Point) Assert.Equal(a.Text, b.Text);
        }
        var listed = await (await admin.GetAsync("/api/units/TD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal(sonDuong.Keys.Order(), listed.Select(i => i.Code).Order());
        // In Sơn Dương's plan's order, not only the same set.
        var sonDuongListed = await (await admin.GetAsync("/api/units/SD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal(sonDuongListed.Select(i => i.Code), listed.Select(i => i.Code));
        var audit = await Factory.Get<AuditStore>().GetLatestAsync("TD", 50);
        Assert.Equal(19, audit.Count(a => a.Action == AuditAction.TargetSet && a.Old is null && a.User == "admin"));
    }

    [Fact]
    public async Task Storing_a_plan_needs_the_previewed_version_and_a_stale_one_is_a_conflict()
    {
        var admin = As("admin");
        var annex = await SonDuongPlanAsync();
        var missing = await ImportAsync(admin, "TD", annex, dryRun: false);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(Preconditions.Missing, (await missing.ReadJsonAsync()).GetProperty("currentEtag").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, "TD", annex, dryRun: false, Preconditions.Missing)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ImportAsync(admin, "TD", annex, dryRun: false, Preconditions.Missing)).StatusCode);

        // Imported again over itself: nothing would change.
        var again = await (await ImportAsync(admin, "TD", annex, dryRun: true)).ReadAsync<PlanImportPreview>();
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task A_plan_is_refused_from_a_non_admin_and_a_file_that_is_not_a_workbook()
    {
        var annex = await SonDuongPlanAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(As("td-pyt"), "TD", annex, dryRun: true)).StatusCode);

        var junk = await ImportAsync(As("admin"), "TD", "không phải tệp Excel"u8.ToArray(), dryRun: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.False(string.IsNullOrEmpty((await junk.ReadJsonAsync()).GetProperty("en").GetString()));
    }
}
