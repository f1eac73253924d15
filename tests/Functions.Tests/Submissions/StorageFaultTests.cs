using System.Net;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

/// Storage going away under the server: an Azurite of this class's own, stopped and started again on its data.
public sealed class StorageFaultTests(RestartableAzurite azurite) : IClassFixture<RestartableAzurite>, IAsyncLifetime
{
    private readonly AnswerLost _commitAnswerLost = new("PUT", "Forms(PartitionKey='D1',RowKey='2019')");
    private HealthFuncsFactory _factory = null!;
    private TestCatalog.Keys _keys = null!;

    public async Task InitializeAsync()
    {
        _factory = new(azurite) { StoragePolicies = { _commitAnswerLost } };
        _keys = await TestCatalog.SeedAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        await azurite.StartAsync();
        await _factory.DisposeAsync();
    }

    private HttpClient D1 => _factory.ClientWithKey(_keys.D1);

    private static object AllCounts(decimal value) =>
        new { values = TestCatalog.Indicators.Where(i => i.Code.StartsWith('X')).Select(i => new { indicatorCode = i.Code, value }).ToArray() };

    [Fact]
    public async Task With_storage_down_requests_answer_503_with_retry_after_health_stays_ok_and_readiness_reports_storage()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/api/health/ready")).StatusCode);
        await azurite.StopAsync();
        try
        {
            foreach (var response in new[]
            {
                await D1.GetAsync("/api/units/D1/periods/2021/values"),
                await D1.SubmitAsync("D1", "2021", Values(("BEDS", 430)), ifMatch: "\"1\""),
                await _factory.CreateClient().GetAsync("/api/health/ready"),
            })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
            }
            Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/api/health")).StatusCode);
        }
        finally
        {
            await azurite.StartAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/api/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021", Values(("BEDS", 430)), ifMatch: "\"1\"")).StatusCode);
    }

    [Fact]
    public async Task Storage_restarted_mid_write_leaves_a_whole_version_and_the_form_writable_again_within_seconds()
    {
        var forms = _factory.Get<FormStore>();
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2020", AllCounts(1))).StatusCode);
        var sending = D1.SubmitAsync("D1", "2020", AllCounts(2), ifMatch: "\"1\"", idempotencyKey: "restart-1");
        while (!sending.IsCompleted && await _factory.Get<ValueStore>().ClaimOfAsync("D1", Period.FullYear(2020), 2) is null) { }
        await azurite.StopAsync();
        var interrupted = await sending;
        await azurite.StartAsync();
        Assert.Contains(interrupted.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });

        // Readers see one whole version, whichever it is.
        var seen = await (await D1.GetAsync("/api/units/D1/periods/2020/values")).ReadAsync<FormValues>();
        Assert.Equal(TestCatalog.Indicators.Count(i => i.Code.StartsWith('X')), seen.Values.Count);
        Assert.Single(seen.Values.Select(v => v.Value).Distinct());

        // The next writer gets through once the dead claim's short lease is over: it may be told to wait, never refused for good.
        HttpResponseMessage next;
        var attempts = 0;
        do
        {
            next = await D1.SubmitAsync("D1", "2020", AllCounts(3), ifMatch: seen.Etag);
            Assert.Contains(next.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            if (next.StatusCode == HttpStatusCode.Conflict) await Task.Delay(next.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        } while (next.StatusCode != HttpStatusCode.OK && ++attempts < 5);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var form = await (await D1.GetAsync("/api/units/D1/periods/2020/values")).ReadAsync<FormValues>();
        Assert.All(form.Values, v => Assert.Equal(3m, v.Value));
        Assert.Null((await forms.GetAsync("D1", "2020"))!.PendingVersion);
    }

    [Fact]
    public async Task A_commit_whose_answer_was_lost_stays_committed_with_its_rows_and_its_audit()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2019", AllCounts(1))).StatusCode);

        _commitAnswerLost.Armed = true;
        var response = await D1.SubmitAsync("D1", "2019", AllCounts(2), ifMatch: "\"1\"");
        _commitAnswerLost.Armed = false;

        Assert.Equal(1, _commitAnswerLost.Lost);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var form = await (await D1.GetAsync("/api/units/D1/periods/2019/values")).ReadAsync<FormValues>();
        Assert.Equal(2, form.Version);
        Assert.Equal(TestCatalog.Indicators.Count(i => i.Code.StartsWith('X')), form.Values.Count);
        Assert.All(form.Values, v => Assert.Equal(2m, v.Value));
        var audit = (await _factory.Get<AuditStore>().GetLatestAsync("D1", 10_000)).Where(e => e.Period == "2019").ToList();
        Assert.Equal(form.Values.Count, audit.Count(e => e.Action == AuditAction.ValueChanged));
    }

    /// Sends the matching request, then fails as if its answer never came back: the change is stored, the caller
    /// does not know it.
    private sealed class AnswerLost(string method, string pathEnd) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public volatile bool Armed;

        public int Lost { get; private set; }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app calls storage asynchronously.");

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (!Armed || message.Request.Method.ToString() != method || !message.Request.Uri.Path.EndsWith(pathEnd, StringComparison.Ordinal)) return;
            Lost++;
            throw new Azure.RequestFailedException("The connection was reset before the answer arrived.");
        }
    }
}
