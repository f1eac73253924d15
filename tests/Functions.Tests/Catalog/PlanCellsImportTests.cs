using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// A plan sent as the cells the add-in reads from a sheet (JSON), over the real seeds: the same route, reading and
/// matching as a workbook upload.
[Collection(AzuriteCollection.Name)]
public sealed class PlanCellsImportTests(AzuriteFixture azurite) : RealSeedsTests(azurite)
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string unit, object body, bool dryRun, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/years/2021/plan" + (dryRun ? "?dryRun=true" : ""))
        {
            Content = JsonContent.Create(body),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// The first sheet of a workbook as a grid, numbers as numbers, the way Excel's values come to the add-in.
    private static List<List<object?>> Grid(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var cells = new SheetCells(document.WorkbookPart!);
        var grid = new List<List<object?>>();
        foreach (var row in cells.Rows(cells.Sheets().First().Part))
        {
            while (grid.Count < row.Index) grid.Add([]);
            var line = grid[(int)row.Index - 1];
            foreach (var cell in row.Cells)
            {
                while (line.Count < cell.Column) line.Add(null);
                line[(int)cell.Column - 1] = cell.IsNumber ? decimal.Parse(cell.Text, System.Globalization.CultureInfo.InvariantCulture) : cell.Text;
            }
        }
        return grid;
    }

    [Fact]
    public async Task Son_Duong_2021_plan_sent_as_cells_previews_like_its_workbook_and_stores_the_same_targets()
    {
        var admin = As("admin");
        var annex = await (await As("sd-pyt").GetAsync("/api/units/SD/years/2021/plan.xlsx")).Content.ReadAsByteArrayAsync();
        var body = new { sheet = "Kế hoạch", cells = Grid(annex) };

        var preview = await (await SendAsync(admin, "TD", body, dryRun: true)).ReadAsync<PlanImportPreview>();
        Assert.Equal((19, 0, 19), (preview.Matched.Count, preview.Unmatched.Count, preview.Changes.Count));
        Assert.Equal("Kế hoạch", preview.Sheet);
        Assert.Empty(await Factory.Get<TargetStore>().GetAsync("TD", 2021));

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(admin, "TD", body, dryRun: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, "TD", body, dryRun: false, preview.Etag)).StatusCode);
        var sonDuong = (await Factory.Get<TargetStore>().GetAsync("SD", 2021)).ToDictionary(t => t.IndicatorCode, t => t.Expression.Form);
        var tamDuong = (await Factory.Get<TargetStore>().GetAsync("TD", 2021)).ToDictionary(t => t.IndicatorCode, t => t.Expression.Form);
        Assert.Equal(sonDuong.OrderBy(kv => kv.Key), tamDuong.OrderBy(kv => kv.Key));
        Assert.Equal(19, (await Factory.Get<AuditStore>().GetLatestAsync("TD", 50)).Count(a => a.Action == AuditAction.TargetSet));
    }

    [Fact]
    public async Task A_hand_typed_table_matches_rows_by_name_and_lists_the_rows_it_cannot_match()
    {
        var cells = new object?[][]
        {
            ["Phụ lục: chỉ tiêu năm 2021"],
            [],
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021"],
            [1, "Tổng số giường bệnh trong huyện", "giường", 430],
            [2, "Số con mèo được tiêm phòng", "con", "≥ 90%"],
        };

        var preview = await (await SendAsync(As("admin"), "SD", new { cells }, dryRun: true)).ReadAsync<PlanImportPreview>();

        var matched = Assert.Single(preview.Matched);
        Assert.Equal(("KCB.GIUONG_BENH", PlanMatch.Name, "430", 4u), (matched.IndicatorCode, matched.MatchedBy, matched.Text, matched.Row));
        Assert.Equal("Số con mèo được tiêm phòng", Assert.Single(preview.Unmatched).Written);
        Assert.Contains(preview.Changes, c => c == new TargetChange("KCB.GIUONG_BENH", "420", "430"));
        Assert.Contains(preview.Changes, c => c.IndicatorCode == "KCB.LUOT_KHAM" && c.New is null); // the rest of Sơn Dương's plan would go
    }

    [Fact]
    public async Task Cells_without_a_plan_table_or_a_body_that_is_neither_are_refused_with_the_reason()
    {
        var noTable = await SendAsync(As("admin"), "SD", new { cells = new[] { new[] { "Chỉ tiêu" } } }, dryRun: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTable.StatusCode);
        Assert.Contains("No plan table found", (await noTable.ReadJsonAsync()).GetProperty("en").GetString());

        var empty = await SendAsync(As("admin"), "SD", new { cells = Array.Empty<string[]>() }, dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.ReadJsonAsync()).GetProperty("errors").TryGetProperty("cells", out _));

        var text = await As("admin").PostAsync("/api/units/SD/years/2021/plan?dryRun=true", new StringContent("TT;Chỉ tiêu"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        var cut = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.xlsx\"\r\n\r\nPK");
        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var damaged = await As("admin").PostAsync("/api/units/SD/years/2021/plan?dryRun=true", cut);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.Contains("multipart", (await damaged.ReadJsonAsync()).GetProperty("en").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(As("sd-pyt"), "SD", new { cells = new[] { new[] { "x" } } }, dryRun: true)).StatusCode);
    }
}
