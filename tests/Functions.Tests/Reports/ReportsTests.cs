using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ReportsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HealthFuncsFactory _factory = new(azurite);
    private TestCatalog.Keys _keys = null!;
    private HttpClient D1 => _factory.ClientWithKey(_keys.D1);

    public async Task InitializeAsync()
    {
        _keys = await TestCatalog.SeedAsync(_factory);
        await _factory.Get<TargetStore>().UpsertAsync([
            new Target("D1", "BEDS", 2021, new TargetExpression("420", TargetForm.Point, 420)),
            new Target("D1", "COVER", 2021, new TargetExpression("≥95", TargetForm.AtLeast, 95)),
            new Target("P", "BEDS", 2021, new TargetExpression("900", TargetForm.Point, 900)),
        ]);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<MemoryStream> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WorkbookStore.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(stream, false))
            Assert.Empty(new OpenXmlValidator().Validate(document));
        stream.Position = 0;
        return stream;
    }

    private static IReadOnlyList<string> SheetNames(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    private Task<HttpResponseMessage> UploadAsync(Stream content, string period = "2021-H1", string fileName = "bieu.xlsx", string? ifMatch = null)
    {
        var body = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookStore.XlsxContentType);
        body.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/D1/periods/{period}/upload") { Content = body };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return D1.SendAsync(request);
    }

    [Fact]
    public async Task A_downloaded_form_filled_and_uploaded_stores_what_was_typed()
    {
        // The form lists D1's plan: X007 is on it once planned.
        await _factory.Get<TargetStore>().UpsertAsync([new Target("D1", "X007", 2021, new TargetExpression("1000", TargetForm.Point, 1000))]);
        var form = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx"));
        var response = await UploadAsync(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 420, ["BEDS.HOSP"] = 280, ["X007"] = 1234 }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.Equal((3, 1), (summary.Imported, summary.Version));

        var stored = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>();
        Assert.Equal([("BEDS", 420m), ("BEDS.HOSP", 280m), ("X007", 1234m)], stored.Values.Select(v => (v.IndicatorCode!, v.Value!.Value)).OrderBy(v => v.Item1));
        Assert.NotNull(await _factory.Get<WorkbookStore>().OpenReadAsync("D1/2021-H1/form.xlsx"));
    }

    [Fact]
    public async Task A_form_made_before_someone_else_changed_the_figures_is_refused_as_stale()
    {
        var form = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx"));
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-H1", Values(("BEDS", 400)))).StatusCode);
        var response = await UploadAsync(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 420 }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("\"1\"", (await response.ReadJsonAsync()).GetProperty("currentEtag").GetString());
        var stored = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>();
        Assert.Equal(400m, stored.Values.Single().Value);
    }

    [Fact]
    public async Task An_upload_while_another_write_is_under_way_is_told_when_to_retry_and_nothing_of_it_is_stored()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-H1", Values(("BEDS", 400)))).StatusCode);
        var form = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx"));
        // Another writer has claimed version 2 and is writing its rows.
        await _factory.Get<ValueStore>().WriteAsync("D1", Period.FirstHalf(2021), 2, [new Observation("D1", "BEDS", Period.FirstHalf(2021), 999)],
            new VersionClaim("other", "d1-staff", DateTimeOffset.UtcNow));

        var response = await UploadAsync(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 420 }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), FormWriter.ClaimLease);
        var stored = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>();
        Assert.Equal((1, 400m), (stored.Version, stored.Values.Single().Value!.Value));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_reason_and_nothing_is_stored()
    {
        var xls = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(xls, 0);
        var response = await UploadAsync(new MemoryStream(xls), fileName: "bao-cao.xls");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("LegacyXls", problem.GetProperty("problem").GetString());
        Assert.Equal((0, 0), (problem.GetProperty("imported").GetInt32(), problem.GetProperty("updated").GetInt32()));
        Assert.Equal("file", Assert.Single(problem.GetProperty("rejected").EnumerateArray()).GetProperty("field").GetString());
        Assert.Contains(".xls", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(".xls", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        var stored = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>();
        Assert.Empty(stored.Values);
    }

    [Fact]
    public async Task A_form_of_another_period_is_refused()
    {
        var form = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-Q1/form.xlsx"));
        var response = await UploadAsync(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 420 }), period: "2021-H1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("WrongPeriod", (await response.ReadJsonAsync()).GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Rows_the_checks_reject_name_their_sheet_row_and_nothing_is_written()
    {
        var form = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx"));
        var response = await UploadAsync(WorkbookRows.Fill(form, new Dictionary<string, decimal> { ["BEDS"] = 420, ["BEDS.HOSP"] = 500 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.NotEmpty(summary.Rejected);
        Assert.Equal((0, 0), (summary.Imported, summary.Updated));
        Assert.All(summary.Rejected, r => Assert.StartsWith("Trang 'Nhập liệu', dòng", r.MessageVi, StringComparison.Ordinal));
        Assert.Empty((await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>()).Values);
    }

    [Fact]
    public async Task Plan_result_consolidated_and_export_workbooks_download_and_are_kept()
    {
        await D1.SubmitAsync("D1", "2021-H1", Values(("BEDS", 420), ("BEDS.HOSP", 280)));
        var province = _factory.ClientWithKey(_keys.Province);

        var plan = await WorkbookAsync(await D1.GetAsync("/api/units/D1/years/2021/plan.xlsx"));
        Assert.Equal(["Kế hoạch"], SheetNames(plan));
        var result = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/result.xlsx"));
        Assert.Equal(["Kết quả", ChartSheets.SheetName], SheetNames(result));
        var consolidated = await WorkbookAsync(await province.GetAsync("/api/units/P/periods/2021-H1/consolidated.xlsx"));
        // The province also sees who has sent the period's form, and on time.
        Assert.Equal(["Tổng hợp", "Ma trận", ChartSheets.SheetName, "Huyện D1", "Chưa báo cáo", EarlyWarningSheet.Name, CompletenessSheet.SheetName], SheetNames(consolidated));
        var export = await WorkbookAsync(await province.GetAsync("/api/units/P/years/2021/export.xlsx"));
        using (var document = SpreadsheetDocument.Open(export, false))
            Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().Count()); // header + 2 values

        var kept = _factory.Get<WorkbookStore>();
        foreach (var name in new[] { "D1/2021/plan.xlsx", "D1/2021-H1/result.xlsx", "P/2021-H1/consolidated.xlsx", "P/2021/export.xlsx" })
            Assert.NotNull(await kept.OpenReadAsync(name));
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/units/D2/periods/2021-H1/result.xlsx")).StatusCode);
    }

    [Fact]
    public async Task A_hand_typed_table_needs_the_if_match_it_read_once_the_form_exists()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-H1", Values(("BEDS", 400)))).StatusCode);
        // The result annex carries no form identity, so it is read as a hand-typed table (by its header and exact names).
        var annex = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2021-H1/result.xlsx"));
        var typed = WorkbookRows.Fill(annex, new Dictionary<string, decimal> { ["BEDS"] = 430, ["BEDS.HOSP"] = 290 });
        var bytes = typed.ToArray();

        var without = await UploadAsync(new MemoryStream(bytes));
        Assert.Equal((HttpStatusCode)428, without.StatusCode);

        var with = await UploadAsync(new MemoryStream(bytes), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("\"2\"", with.Headers.ETag?.Tag);
        var stored = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/values")).ReadAsync<FormValues>();
        Assert.Equal([("BEDS", 430m), ("BEDS.HOSP", 290m)], stored.Values.Select(v => (v.IndicatorCode!, v.Value!.Value)).OrderBy(v => v.Item1));
    }
}
