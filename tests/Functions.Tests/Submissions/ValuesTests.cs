using System.Net;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

[Collection(AzuriteCollection.Name)]
public sealed class ValuesTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    [Fact]
    public async Task Submitted_values_are_read_back_with_their_version_and_etag()
    {
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("BEDS.HOSP", 280)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.Equal((2, 0, 0, 1, "\"1\""), (summary.Imported, summary.Updated, summary.Ignored, summary.Version, summary.Etag));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var read = await D1.GetAsync("/api/units/D1/periods/2021/values");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var form = await read.ReadAsync<FormValues>();
        Assert.Equal(1, form.Version);
        Assert.Equal([("BEDS", 420m), ("BEDS.HOSP", 280m)], form.Values.Select(v => (v.IndicatorCode!, v.Value!.Value)).OrderBy(v => v.Item1));
    }

    [Fact]
    public async Task A_second_submission_counts_new_changed_and_identical_values_and_keeps_the_rest()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("X001", 5)));
        var summary = await (await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("X001", 6), ("X002", 7)), ifMatch: "\"1\""))
            .ReadAsync<ImportSummary>();
        Assert.Equal((1, 1, 1, 2), (summary.Imported, summary.Updated, summary.Ignored, summary.Version));
        var form = await ReadFormAsync();
        Assert.Equal([("BEDS", 420m), ("X001", 6m), ("X002", 7m)], form.Values.Select(v => (v.IndicatorCode!, v.Value!.Value)).OrderBy(v => v.Item1));
    }

    [Fact]
    public async Task Retry_with_the_same_idempotency_key_writes_once_and_returns_the_same_summary()
    {
        var body = Values(("BEDS", 420));
        var first = await D1.SubmitAsync("D1", "2021", body, idempotencyKey: "retry-1");
        var second = await D1.SubmitAsync("D1", "2021", body, idempotencyKey: "retry-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", second.Headers.ETag?.Tag);
        Assert.Equal(1, (await ReadFormAsync()).Version);
        var audit = await Factory.Get<AuditStore>().GetLatestAsync("D1", 50);
        Assert.Single(audit, e => e.Action == AuditAction.ValueAdded);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_refused()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)), idempotencyKey: "k-2");
        var other = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 421)), ifMatch: "\"1\"", idempotencyKey: "k-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(420m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_one_wins_and_the_other_gets_409_without_overwriting()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 400)));
        var results = await Task.WhenAll(
            D1.SubmitAsync("D1", "2021", Values(("BEDS", 410)), ifMatch: "\"1\""),
            D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)), ifMatch: "\"1\""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK);
        var loser = results.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.StartsWith("\"", (await loser.ReadJsonAsync()).GetProperty("currentEtag").GetString());
        var form = await ReadFormAsync();
        Assert.Equal(2, form.Version);
        Assert.Equal(winner == results[0] ? 410m : 420m, form.Values.Single().Value);
    }

    [Fact]
    public async Task A_stale_if_match_is_409_with_the_current_etag()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 400)));
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 410)), ifMatch: "\"1\"");
        var stale = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 999)), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadJsonAsync();
        Assert.Equal("\"2\"", problem.GetProperty("currentEtag").GetString());
        Assert.Contains("reload", problem.GetProperty("en").GetString());
        Assert.Equal(410m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task An_update_without_if_match_is_428()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 400)));
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 410)));
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(400m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task A_dry_run_validates_and_counts_but_writes_nothing()
    {
        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("X001", 3)), dryRun: true);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.True(summary.DryRun);
        Assert.Equal((2, 0), (summary.Imported, summary.Version));
        var form = await ReadFormAsync();
        Assert.Equal(0, form.Version);
        Assert.Empty(form.Values);
        Assert.Null(await Factory.Get<FormStore>().GetAsync("D1", "2021"));
    }

    [Fact]
    public async Task Values_cannot_change_once_the_form_is_approved()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 400)));
        var forms = Factory.Get<FormStore>();
        await forms.SetStatusAsync((await forms.GetAsync("D1", "2021"))!, FormStatus.Approved, "p-staff");

        var response = await D1.SubmitAsync("D1", "2021", Values(("BEDS", 410)), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Approved", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(400m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task Old_versions_are_deleted_after_a_commit_keeping_the_previous_one()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 400)));
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 410)), ifMatch: "\"1\"");
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)), ifMatch: "\"2\"");

        var store = Factory.Get<ValueStore>();
        var p = Period.FullYear(2021);
        Assert.Empty(await store.ReadAsync("D1", p, 1));
        Assert.Equal(410m, (await store.ReadAsync("D1", p, 2)).Single().Value);
        Assert.Equal(420m, (await store.ReadAsync("D1", p, 3)).Single().Value);
    }

    [Fact]
    public async Task Every_changed_value_is_audited_old_to_new_with_who_and_where_from()
    {
        // Where from is the connection's address; X-Forwarded-For counts only from a configured proxy (ForwardedHeadersTests).
        var client = D1;
        await client.SubmitAsync("D1", "2021", Values(("BEDS", 400), ("X001", 5)));
        await client.SubmitAsync("D1", "2021", Values(("BEDS", 410), ("X001", 5)), ifMatch: "\"1\"");

        var audit = await (await Factory.ClientWithKey(UserKeys.Province).GetAsync("/api/audit?unit=D1&take=10")).ReadJsonAsync();
        var entries = audit.EnumerateArray().Select(e => (
            e.GetProperty("action").GetString(), e.GetProperty("indicatorCode").GetString(), e.GetProperty("old").GetString(),
            e.GetProperty("new").GetString(), e.GetProperty("user").GetString(), e.GetProperty("from").GetString())).ToList();
        Assert.Equal(
            [
                ("ValueChanged", "BEDS", "400", "410", "d1-staff", entries[0].Item6),
                ("ValueAdded", "BEDS", null, "400", "d1-staff", entries[0].Item6),
                ("ValueAdded", "X001", null, "5", "d1-staff", entries[0].Item6),
            ],
            entries.OrderBy(e => e.Item1 == "ValueChanged" ? 0 : 1).ThenBy(e => e.Item2));
    }
}
