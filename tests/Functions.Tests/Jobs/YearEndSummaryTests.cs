using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Jobs;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;
using static HealthFuncs.Functions.Tests.Jobs.YearEndFixture;

namespace HealthFuncs.Functions.Tests.Jobs;

[Collection(AzuriteCollection.Name)]
public sealed class YearEndSummaryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly WorkflowHost _host = NewHost(azurite);
    private readonly List<WorkflowHost> _others = [];

    public void Dispose()
    {
        _host.Dispose();
        foreach (var other in _others) other.Dispose();
    }

    [Theory]
    // Midnight in Vietnam is 17:00 UTC: one second before it the latest occurrence still closes 2020.
    [InlineData("2021-12-31T16:59:59Z", 2020)]
    [InlineData("2021-12-31T17:00:00Z", 2021)]
    public async Task The_business_year_changes_exactly_at_midnight_in_Vietnam(string now, int closedYear)
    {
        await SeedYearAsync(_host);
        _host.Clock.SetUtcNow(DateTimeOffset.Parse(now));
        var job = Job<YearEndSummary>(_host);
        var occurrence = JobSchedule.Parse(job.Schedule).LatestAtOrBefore(_host.Clock.GetUtcNow())!.Value;

        var report = await RunAsync(_host, job.Name, occurrence);

        Assert.True(report.Succeeded, report.Error?.ToString());
        Assert.Equal(closedYear, YearEndSummary.YearOf(occurrence));
        var names = (await BlobsAsync(_host)).Keys;
        Assert.All(names, n => Assert.StartsWith($"year-end/{closedYear}/", n));
        Assert.Contains($"year-end/{closedYear}/provinces/P.xlsx", names);
        // Units write an annex only for a year they have a plan or figures for: the seeded year is 2021.
        Assert.Equal(closedYear == 2021, names.Contains($"year-end/{closedYear}/units/D1.xlsx"));
    }

    [Fact]
    public async Task Running_twice_leaves_exactly_the_same_blobs_and_records()
    {
        await SeedYearAsync(_host);
        var first = await RunAsync(_host, "year-end-summary", Closing2021);
        var blobs = await BlobsAsync(_host);
        var checkpoints = await CheckpointsAsync(_host, "year-end-summary", "2021");

        var second = await RunAsync(_host, "year-end-summary", Closing2021);

        Assert.Equal(JobOutcome.Completed, first.Result!.Outcome);
        Assert.Equal(JobOutcome.Skipped, second.Result!.Outcome);
        Assert.Equal(Files2021, blobs.Keys);
        Assert.Equal(blobs, await BlobsAsync(_host));
        Assert.Equal(["manifest", "provinces:P", "units:C1", "units:D1", "units:D2", "units:P"], checkpoints);
        Assert.Equal(checkpoints, await CheckpointsAsync(_host, "year-end-summary", "2021"));
    }

    [Fact]
    public async Task A_run_killed_after_its_first_step_completes_on_rerun_as_a_clean_run_would()
    {
        await SeedYearAsync(_host);
        var job = Job<YearEndSummary>(_host);
        var run = new JobRun(Closing2021, false, JobSource.CommandLine);
        var plan = await job.PlanAsync(run);
        // The process dies after the first two steps have stored their checkpoints: C1, which has nothing to sign
        // and writes no file, and D1, which stores its annex.
        var killed = plan with { Steps = [.. plan.Steps.Take(2), .. plan.Steps.Skip(2).Select(s => s with { RunAsync = _ => throw new OperationCanceledException("killed") })] };
        await Assert.ThrowsAsync<OperationCanceledException>(() => _host.Get<JobStepRunner>().RunAsync(killed));
        var afterCrash = await BlobsAsync(_host);
        Assert.Equal(["year-end/2021/units/D1.xlsx"], afterCrash.Keys);

        var rerun = await job.RunAsync(run, default);

        Assert.Equal(JobOutcome.Completed, rerun.Outcome);
        Assert.Contains("2 already done", rerun.Summary);
        var blobs = await BlobsAsync(_host);
        Assert.Equal(Files2021, blobs.Keys);
        Assert.Equal(afterCrash["year-end/2021/units/D1.xlsx"], blobs["year-end/2021/units/D1.xlsx"]);
        // A clean run elsewhere stores the same files with the same cells.
        await AssertSameSummaryAsync(await CleanRunAsync(Closing2021, pastDue: false), _host);
    }

    [Fact]
    public async Task A_past_due_run_the_next_morning_writes_what_the_missed_run_would_have()
    {
        var onTime = await CleanRunAsync(Closing2021, pastDue: false);
        // 08:00 on 1 January in Vietnam: the host reports the missed 17:00 UTC occurrence as past due.
        var late = await CleanRunAsync(Closing2021, pastDue: true, now: DateTimeOffset.Parse("2022-01-01T01:00:00Z"));

        Assert.Equal(Files2021, (await BlobsAsync(late)).Keys);
        await AssertSameSummaryAsync(onTime, late);
    }

    [Fact]
    public async Task The_annex_and_the_consolidated_workbook_are_valid_and_carry_the_figures()
    {
        await SeedYearAsync(_host);
        await RunAsync(_host, "year-end-summary", Closing2021);

        var d1 = CellsOf(await DownloadAsync(_host, "year-end/2021/units/D1.xlsx"));
        Assert.Contains("420", d1);
        Assert.Contains("260000", d1);
        var d2 = CellsOf(await DownloadAsync(_host, "year-end/2021/units/D2.xlsx"));
        Assert.Contains("2500", d2);
        var province = CellsOf(await DownloadAsync(_host, "year-end/2021/provinces/P.xlsx"));
        Assert.Contains("550", province); // 420 + 130 beds
        Assert.Contains("262500", province); // 260.000 + 2.500 visits
        Assert.Contains("TÌNH HÌNH BÁO CÁO NĂM 2021", province);
    }

    private async Task<WorkflowHost> CleanRunAsync(DateTimeOffset occurrence, bool pastDue, DateTimeOffset? now = null)
    {
        var host = NewHost(azurite);
        _others.Add(host);
        await SeedYearAsync(host);
        if (now is { } later) host.Clock.SetUtcNow(later);
        var report = await RunAsync(host, "year-end-summary", occurrence, pastDue);
        Assert.True(report.Succeeded, report.Error?.ToString());
        return host;
    }

    // Two runs of the same occurrence store the same files with the same cells. The packages' bytes are not
    // compared: the workbook writer gives parts random relationship ids and the zip entries a write time.
    private static async Task AssertSameSummaryAsync(WorkflowHost expected, WorkflowHost actual)
    {
        var names = (await BlobsAsync(expected)).Keys.ToList();
        Assert.Equal(names, (await BlobsAsync(actual)).Keys);
        foreach (var name in names.Where(n => n.EndsWith(".xlsx", StringComparison.Ordinal)))
            Assert.Equal(CellsOf(await DownloadAsync(expected, name)), CellsOf(await DownloadAsync(actual, name)));
        var manifest = "year-end/2021/manifest.json";
        Assert.Equal(FileNames(await DownloadAsync(expected, manifest)), FileNames(await DownloadAsync(actual, manifest)));
    }

    private static List<string> FileNames(BinaryData manifest) =>
        [.. manifest.ToObjectFromJson<SummaryManifest>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.Files.Select(f => f.Name)];

    /// Every cell's text or number of every sheet, after checking the package against the Open XML schema.
    internal static List<string> CellsOf(BinaryData xlsx)
    {
        using var stream = xlsx.ToStream();
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = new List<string>();
        foreach (var part in document.WorkbookPart!.WorksheetParts)
            foreach (var cell in part.Worksheet.Descendants<Cell>())
                cells.Add(cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
        return cells;
    }
}
