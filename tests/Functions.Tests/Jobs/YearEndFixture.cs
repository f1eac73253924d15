using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Jobs;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;
using HealthFuncs.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Jobs;

/// Seeded figures for 2021 and helpers to look at what the jobs stored.
public static class YearEndFixture
{
    /// The occurrence that closes 2021: 00:00 on 1 January 2022 in Vietnam.
    public static readonly DateTimeOffset Closing2021 = DateTimeOffset.Parse("2021-12-31T17:00:00Z");

    /// A host whose clock starts in January 2021, before any form below is sent.
    public static WorkflowHost NewHost(AzuriteFixture azurite) => new(azurite, DateTimeOffset.Parse("2021-01-15T00:00:00Z"));

    /// D1 and D2 send their year forms (D2 also two months, which the year does not add up); both have a beds target.
    public static async Task<WorkflowHost.Keys> SeedYearAsync(WorkflowHost host)
    {
        var keys = await host.SeedAsync();
        await host.Get<TargetStore>().UpsertAsync([
            new Target("D1", "BEDS", 2021, TargetParser.Parse("≥400")),
            new Target("D2", "BEDS", 2021, TargetParser.Parse("120")),
            new Target("P", "BEDS", 2021, TargetParser.Parse("≥500")),
        ]);
        var d1 = host.ClientWithKey(keys.D1);
        var d2 = host.ClientWithKey(keys.D2);
        // Each form is sent within its own reporting window: a month's form locks two weeks after the month.
        host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-02-02T03:00:00Z"));
        Assert.Equal(HttpStatusCode.OK, (await d2.SubmitAsync("D2", "2021-M01", HttpExtensions.Values(("VISITS", 1000)))).StatusCode);
        host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-03-02T03:00:00Z"));
        Assert.Equal(HttpStatusCode.OK, (await d2.SubmitAsync("D2", "2021-M02", HttpExtensions.Values(("VISITS", 1500), ("BEDS", 130)))).StatusCode);
        host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-12-31T16:00:00Z"));
        Assert.Equal(HttpStatusCode.OK, (await d1.SubmitAsync("D1", "2021", HttpExtensions.Values(("BEDS", 420), ("VISITS", 260000)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await d2.SubmitAsync("D2", "2021", HttpExtensions.Values(("BEDS", 130), ("VISITS", 2500)))).StatusCode);
        return keys;
    }

    public static Task<JobRunReport> RunAsync(WorkflowHost host, string job, DateTimeOffset scheduledAt, bool pastDue = false) =>
        host.Get<JobRunner>().RunAsync(job, new JobRun(scheduledAt, pastDue, pastDue ? JobSource.HostTimer : JobSource.CommandLine));

    /// Every stored report blob: name → (ETag, content MD5). Equal maps mean nothing was rewritten or added.
    public static async Task<SortedDictionary<string, (string Etag, string Md5)>> BlobsAsync(WorkflowHost host, string prefix = "")
    {
        var container = host.Get<ReportStorage>().Reports;
        var result = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, default))
            result[blob.Name] = (blob.Properties.ETag?.ToString() ?? "", Convert.ToHexString(blob.Properties.ContentHash ?? []));
        return result;
    }

    /// The checkpoint rows of one occurrence.
    public static async Task<IReadOnlyList<string>> CheckpointsAsync(WorkflowHost host, string job, string key) =>
        (await host.Get<JobStepRunner>().CompletedAsync(job, key)).Order(StringComparer.Ordinal).ToList();

    public static async Task<BinaryData> DownloadAsync(WorkflowHost host, string name) =>
        (await host.Get<ReportStorage>().Reports.GetBlobClient(name).DownloadContentAsync()).Value.Content;

    public static T Job<T>(WorkflowHost host) where T : IScheduledJob =>
        host.Services.CreateScope().ServiceProvider.GetServices<IScheduledJob>().OfType<T>().Single();

    public static readonly string[] Files2021 =
    [
        "year-end/2021/manifest.json",
        "year-end/2021/provinces/P.xlsx",
        "year-end/2021/units/D1.xlsx",
        "year-end/2021/units/D2.xlsx",
        "year-end/2021/units/P.xlsx",
    ];
}
