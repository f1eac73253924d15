using System.Net;
using System.Text;
using System.Text.Json;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class TimerInvocationTests(AzuriteFixture azurite) : IDisposable
{
    // The request the Functions host sends its custom handler when the timer of the function
    // "job_year_end_test" fires: trigger data keyed by the binding name from function.json,
    // and the host's system metadata.
    const string HostPayload = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": {
                "Last": "2020-12-31T17:00:00+00:00",
                "Next": "2021-12-31T17:00:00+00:00",
                "LastUpdated": "2020-12-31T17:00:00.0213+00:00"
              },
              "IsPastDue": false
            }
          },
          "Metadata": {
            "sys": {
              "MethodName": "job_year_end_test",
              "UtcNow": "2021-12-31T17:00:00.0312Z",
              "RandGuid": "5b0a7d1c-6f39-4bb9-9a0e-2d54c1f3c0aa"
            }
          }
        }
        """;

    // The server's clock when the host fires the year-end timer: just after the occurrence.
    static readonly DateTimeOffset FiredAt = DateTimeOffset.Parse("2021-12-31T17:00:00.0312Z");

    readonly HostingFactory factory = new(azurite, FiredAt);

    [Fact]
    public async Task Host_timer_invocation_runs_the_job_once_and_answers_in_the_custom_handler_shape()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/job_year_end_test", new StringContent(HostPayload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(JsonValueKind.Object, root.GetProperty("Outputs").ValueKind);
        Assert.Empty(root.GetProperty("Outputs").EnumerateObject());
        var logs = root.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("Information: Summarised year 2021.", logs);
        Assert.Equal("Completed", root.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Equal("year 2021 summarised", root.GetProperty("ReturnValue").GetProperty("summary").GetString());

        var run = Assert.Single(factory.RunLog.Runs);
        Assert.Equal("year-end-test", run.Job);
        Assert.Equal(new JobRun(new DateTimeOffset(2021, 12, 31, 17, 0, 0, TimeSpan.Zero), IsPastDue: false, JobSource.HostTimer), run.Run);
    }

    [Fact]
    public async Task An_invocation_the_server_receives_well_after_its_occurrence_is_past_due()
    {
        var client = factory.CreateClient();
        factory.Clock!.SetUtcNow(DateTimeOffset.Parse("2022-01-02T08:15:00Z"));

        var response = await client.PostAsync("/job_year_end_test", new StringContent(HostPayload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = Assert.Single(factory.RunLog.Runs).Run;
        Assert.True(run.IsPastDue);
        Assert.Equal(new DateTimeOffset(2021, 12, 31, 17, 0, 0, TimeSpan.Zero), run.ScheduledAt);
    }

    [Fact]
    public async Task A_crafted_invocation_cannot_run_the_job_for_a_time_the_server_has_not_reached()
    {
        // Mid-2021 by the server's clock; the body claims the 2021 year-end has come and is past due.
        using var early = new HostingFactory(azurite, DateTimeOffset.Parse("2021-06-01T00:00:00Z"));
        var client = early.CreateClient();
        var crafted = HostPayload.Replace("\"IsPastDue\": false", "\"IsPastDue\": true");

        var response = await client.PostAsync("/job_year_end_test", new StringContent(crafted, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = Assert.Single(early.RunLog.Runs).Run;
        Assert.Equal((new DateTimeOffset(2020, 12, 31, 17, 0, 0, TimeSpan.Zero), true), (run.ScheduledAt, run.IsPastDue));
    }

    [Fact]
    public async Task Binding_sent_as_a_json_string_is_read_the_same_way()
    {
        var client = factory.CreateClient();
        var timer = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2020-12-31T17:00:00Z","Next":"2021-12-31T17:00:00Z","LastUpdated":"2020-12-31T17:00:00Z"},"IsPastDue":false}""";
        var payload = JsonSerializer.Serialize(new { Data = new { timer }, Metadata = new { } });

        var response = await client.PostAsync("/job_year_end_test", new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2021, Assert.Single(factory.RunLog.Runs).Run.ScheduledAt.Year);
    }

    [Fact]
    public async Task Failing_job_answers_500_with_its_error_in_the_logs()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/job_failing_test", new StringContent(HostPayload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
        Assert.Contains(body.RootElement.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("the snapshot container is missing"));
        Assert.Single(factory.RunLog.Runs);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"Metadata":{}}""")]
    public async Task Malformed_invocation_is_rejected_without_running_the_job(string payload)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/job_year_end_test", new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(body.RootElement.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("job_year_end_test"));
        Assert.Empty(factory.RunLog.Runs);
    }

    public void Dispose() => factory.Dispose();
}
