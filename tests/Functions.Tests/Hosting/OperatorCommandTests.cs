using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class OperatorCommandTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("healthfuncs-cli-").FullName;
    WebApplication app = null!;

    public Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Jobs:RunLocally"] = "false";
        builder.Configuration["Jobs:CheckpointDirectory"] = Path.Combine(folder, "checkpoints");
        builder.AddStandaloneHosting();
        builder.Services.AddSingleton<RunLog>();
        builder.Services.AddScheduledJob<YearEndTestJob>();
        builder.Services.AddScheduledJob<FailingTestJob>();
        builder.Services.AddWorkbookExport(new WorkbookExport("sample", "a test export", async (services, request, stream, cancellationToken) =>
        {
            if (request.Unit != "SD")
            {
                throw new ArgumentException($"Unknown unit '{request.Unit}'.");
            }

            await stream.WriteAsync("PK-sample"u8.ToArray(), cancellationToken);
        }));
        app = builder.Build();
        app.MapGet("/api/health", () => "ok");
        app.MapHostingEndpoints();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_job_runs_the_named_job_for_the_given_occurrence()
    {
        var exit = await app.RunOrExecuteAsync(["run-job", "year-end-test", "--at", "2021-12-31T17:00:00Z"]);

        Assert.Equal(0, exit);
        var run = Assert.Single(app.Services.GetRequiredService<RunLog>().Runs).Run;
        Assert.Equal(new JobRun(new DateTimeOffset(2021, 12, 31, 17, 0, 0, TimeSpan.Zero), false, JobSource.CommandLine), run);
        Assert.Equal(run.ScheduledAt, await app.Services.GetRequiredService<JobCheckpoints>().LastCompletedAsync("year-end-test"));
    }

    [Fact]
    public async Task Run_job_without_a_time_runs_the_latest_occurrence_of_the_schedule()
    {
        var exit = await app.RunOrExecuteAsync(["run-job", "YEAR-END-TEST"]);

        Assert.Equal(0, exit);
        var run = Assert.Single(app.Services.GetRequiredService<RunLog>().Runs).Run;
        Assert.Equal(JobSchedule.Parse("0 0 17 31 12 *").LatestAtOrBefore(DateTimeOffset.UtcNow), run.ScheduledAt);
    }

    [Theory]
    [InlineData(new[] { "run-job", "no-such-job" }, 2)]
    [InlineData(new[] { "run-job", "year-end-test", "--at", "31/12/2021" }, 2)]
    [InlineData(new[] { "run-job", "failing-test" }, 1)]
    [InlineData(new[] { "no-such-command" }, 1)]
    public async Task Bad_command_line_exits_with_an_error_code(string[] args, int expected)
    {
        Assert.Equal(expected, await app.RunOrExecuteAsync(args));
        Assert.DoesNotContain(app.Services.GetRequiredService<RunLog>().Runs, r => r.Job == "year-end-test");
    }

    [Fact]
    public async Task Export_writes_the_workbook_of_a_registered_kind()
    {
        var output = Path.Combine(folder, "sd-2021.xlsx");

        var exit = await app.RunOrExecuteAsync(["export", "sample", "--unit", "SD", "--period", "2021", "--out", output]);

        Assert.Equal(0, exit);
        Assert.Equal("PK-sample", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task Export_creates_a_missing_output_folder()
    {
        var output = Path.Combine(folder, "out", "2021", "sd.xlsx");

        var exit = await app.RunOrExecuteAsync(["export", "sample", "--unit", "SD", "--period", "2021", "--out", output]);

        Assert.Equal(0, exit);
        Assert.Equal("PK-sample", await File.ReadAllTextAsync(output));
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Theory]
    [InlineData("sample", "XX")]
    [InlineData("no-such-kind", "SD")]
    public async Task Failed_export_leaves_no_file_behind(string kind, string unit)
    {
        var output = Path.Combine(folder, "out.xlsx");

        var exit = await app.RunOrExecuteAsync(["export", kind, "--unit", unit, "--period", "2021", "--out", output]);

        Assert.Equal(2, exit);
        Assert.Empty(Directory.GetFiles(folder));
        Assert.False(File.Exists(output));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
