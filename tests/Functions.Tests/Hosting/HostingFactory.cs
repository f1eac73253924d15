using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Tests.Infrastructure;
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
/// runs are the ones a test asks for. Each test gets a fresh factory (and checkpoint folder), on
/// the shared Azurite with its own table prefix, since parts of the server prepare storage at start.
/// </summary>
/// With <c>now</c>, the server's clock is a fake one set to it (<see cref="Clock"/>).
public sealed class HostingFactory(AzuriteFixture azurite, DateTimeOffset? now = null) : WebApplicationFactory<Program>
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; } = now is { } at ? new(at) : null;

    public string TablePrefix { get; } = "h" + Guid.NewGuid().ToString("N")[..20];

    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), "healthfuncs-jobs-" + Guid.NewGuid().ToString("N"));

    public RunLog RunLog => Services.GetRequiredService<RunLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Jobs:RunLocally", "false");
        builder.UseSetting("Jobs:CheckpointDirectory", CheckpointDirectory);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RunLog>();
            services.AddScheduledJob<YearEndTestJob>();
            services.AddScheduledJob<FailingTestJob>();
            if (Clock is not null) services.AddSingleton<TimeProvider>(Clock);
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
