using HealthFuncs.Functions.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

/// <summary>
/// The real server with two test jobs registered and its own scheduler turned off, so the only
/// runs are the ones a test asks for. Each test gets a fresh factory (and checkpoint folder).
/// </summary>
public sealed class HostingFactory : WebApplicationFactory<Program>
{
    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), "healthfuncs-jobs-" + Guid.NewGuid().ToString("N"));

    public RunLog RunLog => Services.GetRequiredService<RunLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:RunLocally", "false");
        builder.UseSetting("Jobs:CheckpointDirectory", CheckpointDirectory);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RunLog>();
            services.AddScheduledJob<YearEndTestJob>();
            services.AddScheduledJob<FailingTestJob>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(CheckpointDirectory))
        {
            Directory.Delete(CheckpointDirectory, recursive: true);
        }
    }
}
