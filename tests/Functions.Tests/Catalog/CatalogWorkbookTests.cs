using System.Net;
using System.Net.Http.Headers;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// The catalog downloaded as a workbook, edited, and uploaded with a preview.
[Collection(AzuriteCollection.Name)]
public sealed class CatalogWorkbookTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Admin => Factory.ClientWithKey(UserKeys.Admin);

    private async Task<(List<CatalogRow> Rows, string Etag)> DownloadAsync()
    {
        var response = await Admin.GetAsync("/api/indicators/catalog.xlsx");
        response.EnsureSuccessStatusCode();
        var read = CatalogWorkbook.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Null(read.Refusal);
        Assert.Empty(read.Problems);
        return (read.Rows.ToList(), response.Headers.GetValues("ETag").Single());
    }

    private Task<HttpResponseMessage> UploadAsync(IReadOnlyList<CatalogRow> rows, bool dryRun, string? ifMatch = null)
    {
        var stream = new MemoryStream();
        CatalogWorkbook.Write(rows, stream);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/indicators/catalog.xlsx" + (dryRun ? "?dryRun=true" : ""))
        {
            Content = new MultipartFormDataContent { { file, "file", "danh-muc.xlsx" } },
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Admin.SendAsync(request);
    }

    private static List<CatalogRow> Edited(List<CatalogRow> rows)
    {
        var cover = rows.Single(r => r.Indicator.Code == "COVER");
        var edited = rows.Select(r => r == cover ? r with { Indicator = r.Indicator with { Name = "Tỷ lệ người dân tham gia BHYT" } } : r).ToList();
        edited.Add(new CatalogRow(new Indicator("BEDS.TYT", "Giường trạm y tế", "giường", IndicatorKind.Count, Direction.HigherIsBetter,
            TimeBehaviour.Stock, "I", "Khám chữa bệnh", 3, "BEDS"), null));
        return edited;
    }

    [Fact]
    public async Task A_downloaded_catalog_edited_and_uploaded_previews_then_stores_the_changes()
    {
        var (rows, etag) = await DownloadAsync();
        Assert.Equal(TestCatalog.Indicators.Length, rows.Count);

        var preview = await (await UploadAsync(Edited(rows), dryRun: true)).ReadAsync<CatalogPreview>();
        Assert.Equal(["BEDS.TYT"], preview.Added);
        Assert.Equal(["COVER"], preview.Changed.Select(c => c.Code));
        Assert.Equal(rows.Count - 1, preview.Unchanged);
        Assert.Contains("Tỷ lệ bao phủ BHYT", preview.Changed.Single().Old);
        Assert.Equal(etag, preview.Etag);
        Assert.DoesNotContain((await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>()), i => i.Code == "BEDS.TYT");

        var stored = await UploadAsync(Edited(rows), dryRun: false, preview.Etag);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var listed = await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal("BEDS", listed.Single(i => i.Code == "BEDS.TYT").ParentCode);
        Assert.Equal("Tỷ lệ người dân tham gia BHYT", listed.Single(i => i.Code == "COVER").Name);
        var audit = await Factory.Get<AuditStore>().GetLatestAsync(IndicatorAdminApi.AuditUnit, 10);
        Assert.Equal([AuditAction.IndicatorChanged, AuditAction.IndicatorAdded], audit.Select(a => a.Action));

        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(Edited(rows), dryRun: false, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await UploadAsync(Edited(rows), dryRun: false)).StatusCode);
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_stores_nothing_and_names_the_row()
    {
        var (rows, etag) = await DownloadAsync();
        var bad = Edited(rows);
        bad.Add(new CatalogRow(new Indicator("RATE", "Tỷ suất thử", "‰", IndicatorKind.Rate, Direction.LowerIsBetter, TimeBehaviour.Flow, "III", "Khác", 400), null));

        var response = await UploadAsync(bad, dryRun: false, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadAsync<CatalogPreview>()).Problems.Single();
        Assert.Equal(((uint)bad.Count + 1, "ratePer"), (problem.Row, problem.Column));
        Assert.DoesNotContain((await (await D1.GetAsync("/api/indicators")).ReadAsync<List<IndicatorItem>>()), i => i.Code == "BEDS.TYT");
        var district = await D1.PostAsync("/api/indicators/catalog.xlsx", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
    }
}
