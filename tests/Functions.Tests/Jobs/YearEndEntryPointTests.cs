using System.Diagnostics;
using System.Net;
using HealthFuncs.Functions.Hosting.Worker;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;
using static HealthFuncs.Functions.Tests.Jobs.YearEndFixture;

namespace HealthFuncs.Functions.Tests.Jobs;

/// The year-end summary for the seeded units, started the two ways operators and Azure start it:
/// the Functions host's timer function and the program's command-line mode.
[Collection(AzuriteCollection.Name)]
public sealed class YearEndEntryPointTests(AzuriteFixture azurite) : IDisposable
{
    private readonly WorkflowHost _host = NewHost(azurite);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_host_timer_function_produces_the_summary_listed_by_the_api()
    {
        var keys = await SeedYearAsync(_host);
        // The timer of job_year_end_summary fires at 00:00 on 1 January 2022 in Vietnam.
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-12-31T17:00:00.0312Z"));
        var functions = new JobFunctions(ActivatorUtilities.CreateInstance<HostTimerRuns>(_host.Services));

        await functions.YearEndSummaryAsync(new TimerInfo(), CancellationToken.None);

        await AssertListedAsync(keys);
    }

    [Fact]
    public async Task The_command_line_run_job_produces_the_summary_listed_by_the_api()
    {
        var keys = await SeedYearAsync(_host);
        var program = Path.Combine(AppContext.BaseDirectory, "HealthFuncs.Functions.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { program, "run-job", "year-end-summary", "--at", "2021-12-31T17:00:00Z" }) start.ArgumentList.Add(arg);
        start.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        start.Environment["Storage__TablePrefix"] = _host.TablePrefix;
        start.Environment["Jobs__RunLocally"] = "false";
        start.Environment["Jobs__CheckpointDirectory"] = _host.CheckpointDirectory;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
        Assert.Contains("year-end-summary 2021-12-31T17:00:00Z: Completed", await output);
        await AssertListedAsync(keys);
    }

    private async Task AssertListedAsync(WorkflowHost.Keys keys)
    {
        var all = await (await _host.ClientWithKey(keys.Admin).GetAsync("/api/summaries?year=2021")).ReadJsonAsync();
        Assert.Equal(["P.xlsx|provinces", "D1.xlsx|units", "D2.xlsx|units", "P.xlsx|units"],
            all.EnumerateArray().Select(f => $"{Path.GetFileName(f.GetProperty("name").GetString())}|{f.GetProperty("kind").GetString()}"));

        // A district sees only its own subtree, and can download its annex.
        var d1 = _host.ClientWithKey(keys.D1);
        var mine = await (await d1.GetAsync("/api/summaries?year=2021")).ReadJsonAsync();
        Assert.Equal(["D1"], mine.EnumerateArray().Select(f => f.GetProperty("unitCode").GetString()));
        var file = await d1.GetAsync("/api/summaries/2021/units/D1.xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("420", YearEndSummaryTests.CellsOf(new BinaryData(await file.Content.ReadAsByteArrayAsync())));
        Assert.Equal(HttpStatusCode.NotFound, (await d1.GetAsync("/api/summaries/2021/units/D2.xlsx")).StatusCode);
    }
}
