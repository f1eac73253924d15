using System.Net;
using System.Text;
using System.Text.Json;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

[Collection(AzuriteCollection.Name)]
public sealed class SubmissionRulesTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    [Fact]
    public async Task A_write_to_another_district_is_403_audited_and_writes_nothing()
    {
        var response = await D1.SubmitAsync("D2", "2021", Values(("BEDS", 420)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("D2", problem.GetProperty("detail").GetString());
        Assert.Contains("may not write", problem.GetProperty("en").GetString());
        Assert.Null(await Factory.Get<FormStore>().GetAsync("D2", "2021"));
        var denied = Assert.Single(await Factory.Get<AuditStore>().GetLatestAsync("D2", 10));
        Assert.Equal((AuditAction.Denied, "d1-staff", "2021"), (denied.Action, denied.User, denied.Period));
    }

    [Fact]
    public async Task A_district_writes_its_own_communes_and_the_province_reads_but_a_district_cannot_read_its_neighbour()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("C1", "2021", Values(("BEDS", 20)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientWithKey(UserKeys.Province).GetAsync("/api/units/C1/periods/2021/values")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.ClientWithKey(UserKeys.D2).GetAsync("/api/units/C1/periods/2021/values")).StatusCode);
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_rejects_the_batch_names_the_row_and_writes_nothing()
    {
        var body = new { values = new object[]
        {
            new { indicatorCode = "BEDS", value = 420 },
            new { indicatorCode = "X001", value = -3 },
            new { indicatorCode = "X002", value = 7 },
        } };
        var response = await D1.SubmitAsync("D1", "2021", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var summary = await response.ReadAsync<ImportSummary>();
        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal((1, "X001", "value"), (rejected.Row, rejected.IndicatorCode, rejected.Field));
        Assert.False(string.IsNullOrWhiteSpace(rejected.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(rejected.MessageEn));
        Assert.Equal(0, (await ReadFormAsync()).Version);
        Assert.Empty(await Factory.Get<AuditStore>().GetLatestAsync("D1", 10));
    }

    [Fact]
    public async Task A_rejected_batch_is_a_problem_that_counts_nothing_imported_or_updated()
    {
        await D1.SubmitAsync("D1", "2021", Values(("X003", 1)));
        // A new value, a changed one and a bad one: nothing is written, so nothing may be counted as written.
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("X003", 2), ("X001", -3)), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("Số liệu không được chấp nhận", problem.GetProperty("title").GetString());
        Assert.Contains("không có số liệu nào được ghi", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("nothing was written", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        var summary = problem.Deserialize<ImportSummary>(Json)!;
        Assert.Equal((false, 0, 0, 1, "\"1\""), (summary.DryRun, summary.Imported, summary.Updated, summary.Version, summary.Etag));
        Assert.Equal(2, Assert.Single(summary.Rejected).Row);
        Assert.Equal(1m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task A_rejected_batch_carries_every_field_the_openapi_document_gives_its_422()
    {
        var doc = await (await Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var documented = doc.GetProperty("components").GetProperty("schemas").GetProperty("ImportRejection").GetProperty("required")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        var body = await (await D1.SubmitAsync("D1", "2021", Values(("X001", -3)))).ReadJsonAsync();

        Assert.Contains("rejected", documented);
        Assert.All(documented, field => Assert.True(body.TryGetProperty(field, out _), $"the 422 has no '{field}'"));
    }

    [Fact]
    public async Task A_rejected_batch_sent_again_with_its_idempotency_key_gets_the_same_problem_back()
    {
        var first = await D1.SubmitAsync("D1", "2021", Values(("X001", -3)), idempotencyKey: "bad-1");
        var again = await D1.SubmitAsync("D1", "2021", Values(("X001", -3)), idempotencyKey: "bad-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var (was, now) = (await first.ReadJsonAsync(), await again.ReadJsonAsync());
        foreach (var field in new[] { "title", "detail", "en", "imported", "updated", "rejected", "etag" })
            Assert.Equal(was.GetProperty(field).GetRawText(), now.GetProperty(field).GetRawText());
    }

    [Theory]
    [InlineData("NO.SUCH", "indicatorCode")]
    [InlineData("", "indicatorCode")]
    public async Task An_unknown_or_missing_indicator_is_rejected_with_its_row(string code, string field)
    {
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), (code, 1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = Assert.Single((await response.ReadAsync<ImportSummary>()).Rejected);
        Assert.Equal((1, field), (rejected.Row, rejected.Field));
    }

    [Fact]
    public async Task Parts_of_a_breakdown_above_the_total_sent_earlier_are_rejected()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS.HOSP", 500)), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = Assert.Single((await response.ReadAsync<ImportSummary>()).Rejected);
        Assert.Equal(0, rejected.Row);
        Assert.Equal(1, (await ReadFormAsync()).Version);
    }

    [Theory]
    [InlineData("2021-Q5", 400)]
    [InlineData("hai-nghin", 400)]
    [InlineData("2021-2025", 400)]
    public async Task A_period_that_is_not_a_reporting_period_is_refused_naming_the_period(string period, int status)
    {
        var response = await D1.SubmitAsync("D1", period, Values(("BEDS", 420)));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("period", out _));
    }

    [Fact]
    public async Task An_unknown_unit_is_404()
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).SubmitAsync("NOWHERE", "2021", Values(("BEDS", 420)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NOWHERE", (await response.ReadJsonAsync()).GetProperty("en").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_where_it_broke()
    {
        var content = new StringContent("""{"values":[{"indicatorCode":"BEDS","value":420},{"indicatorCode":"X001","value":"mười"}]}""",
            Encoding.UTF8, "application/json");
        var response = await D1.PostAsync("/api/units/D1/periods/2021/values", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("values[1].value", out _));
        Assert.Contains("values[1].value", problem.GetProperty("en").GetString());
        Assert.Equal(0, (await ReadFormAsync()).Version);
    }

    [Fact]
    public async Task A_number_in_quotes_is_400_naming_its_field_as_the_document_types_numbers_as_numbers_only()
    {
        var content = new StringContent("""{"values":[{"indicatorCode":"BEDS","value":"420"}]}""", Encoding.UTF8, "application/json");
        var response = await D1.PostAsync("/api/units/D1/periods/2021/values", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("values[0].value", out _));
        Assert.Equal(0, (await ReadFormAsync()).Version);
    }

    [Fact]
    public async Task A_batch_of_250_values_is_all_or_nothing_for_readers()
    {
        var codes = Enumerable.Range(1, 250).Select(n => $"X{n:000}").ToArray();
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021-Q1", Values(codes.Select(c => (c, 1m)).ToArray()))).StatusCode);

        // While version 2 is written (three transactions of at most 100 rows), every read sees all of version 1 or all of version 2.
        var submit = D1.SubmitAsync("D1", "2021-Q1", Values(codes.Select(c => (c, 2m)).ToArray()), ifMatch: "\"1\"");
        var seen = new List<FormValues>();
        do seen.Add(await ReadFormAsync(period: "2021-Q1")); while (!submit.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await submit).StatusCode);
        seen.Add(await ReadFormAsync(period: "2021-Q1"));
        Assert.All(seen, form =>
        {
            Assert.Equal(250, form.Values.Count);
            Assert.Single(form.Values.Select(v => v.Value).Distinct());
            Assert.Equal(form.Version, (int)form.Values[0].Value!.Value);
        });
        Assert.Equal(2, seen[^1].Version);
    }

    [Fact]
    public async Task Rows_of_a_claimed_version_not_yet_committed_stay_invisible()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));
        // Another writer has claimed version 2 and written its rows, and not committed yet.
        await Factory.Get<ValueStore>().WriteAsync("D1", Period.FullYear(2021), 2,
            [new Observation("D1", "BEDS", Period.FullYear(2021), 999)], new VersionClaim("other", "d1-staff", DateTimeOffset.UtcNow));

        var form = await ReadFormAsync();
        Assert.Equal((1, 420m), (form.Version, form.Values.Single().Value!.Value));
        // And a second writer is told another submission is in progress rather than sharing its rows.
        Assert.Equal(HttpStatusCode.Conflict, (await D1.SubmitAsync("D1", "2021", Values(("BEDS", 430)), ifMatch: "\"1\"")).StatusCode);
    }
}
