using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Reports;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ExportCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("healthfuncs-export-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Storage:ConnectionString"] = azurite.ConnectionString;
        builder.Configuration["Storage:TablePrefix"] = "x" + Guid.NewGuid().ToString("N")[..20];
        builder.Configuration["Jobs:RunLocally"] = "false";
        builder.Configuration["Jobs:CheckpointDirectory"] = Path.Combine(_folder, "checkpoints");
        builder.AddStandaloneHosting();
        builder.Services.AddStorage();
        builder.Services.AddReportExports();
        builder.Services.AddWorkflow();
        _app = builder.Build();
        _app.MapHostingEndpoints();
        await _app.Services.GetRequiredService<UnitStore>().UpsertAsync(TestCatalog.Units);
        await _app.Services.GetRequiredService<IndicatorStore>().UpsertAsync(TestCatalog.Indicators);
        var forms = _app.Services.GetRequiredService<FormStore>();
        var at = DateTimeOffset.UtcNow;
        await _app.Services.GetRequiredService<ValueStore>().WriteAsync("D1", Period.FirstHalf(2021), 1,
            [new Observation("D1", "BEDS", Period.FirstHalf(2021), 420)], new VersionClaim("export-test", "test", at));
        await forms.CommitAsync(FormState.New("D1", "2021-H1"), 1, "test", at, null, rows: 1, auditRows: 0);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, true);
    }

    [Theory]
    [InlineData("plan", "D1", "2021", "Kế hoạch")]
    [InlineData("result", "D1", "2021-H1", "Kết quả")]
    [InlineData("form", "D1", "2021-H1", "Nhập liệu")]
    [InlineData("consolidated", "P", "2021-H1", "Tổng hợp")]
    [InlineData("export", "P", "2021", "Dữ liệu")]
    public async Task Each_workbook_kind_exports_to_a_valid_file(string kind, string unit, string period, string firstSheet)
    {
        var output = Path.Combine(_folder, kind + ".xlsx");
        Assert.Equal(0, await _app.RunOrExecuteAsync(["export", kind, "--unit", unit, "--period", period, "--out", output]));
        using var document = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal(firstSheet, document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().First().Name!.Value);
    }

    [Fact]
    public async Task Consolidated_export_is_the_workbook_the_api_serves_with_its_reporting_status_sheet()
    {
        var output = Path.Combine(_folder, "consolidated.xlsx");
        Assert.Equal(0, await _app.RunOrExecuteAsync(["export", "consolidated", "--unit", "P", "--period", "2021-H1", "--out", output]));
        using var document = SpreadsheetDocument.Open(output, false);
        var names = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Tổng hợp", "Ma trận", "Huyện D1", "Chưa báo cáo", EarlyWarningSheet.Name, CompletenessSheet.SheetName], names);
    }

    [Theory]
    [InlineData("result", "NOPE", "2021-H1")]
    [InlineData("result", "D1", "2021-2025")]
    [InlineData("export", "P", "2021-Q1")]
    public async Task A_wrong_unit_or_period_fails_and_leaves_no_file(string kind, string unit, string period)
    {
        var output = Path.Combine(_folder, "bad.xlsx");
        Assert.Equal(2, await _app.RunOrExecuteAsync(["export", kind, "--unit", unit, "--period", period, "--out", output]));
        Assert.False(File.Exists(output));
    }
}
