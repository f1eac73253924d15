using System.Net;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

/// The commit protocol under races: repeated concurrent trials, a bounded number of each.
[Collection(AzuriteCollection.Name)]
public sealed class CommitRaceTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private const int Trials = 20;

    private HttpClient Province => Factory.ClientWithKey(UserKeys.Province);

    // Every plain count of the test catalog, each set to the same figure: a version is whole when all agree.
    private static object AllCounts(decimal value) =>
        new { values = TestCatalog.Indicators.Where(i => i.Code.StartsWith('X')).Select(i => new { indicatorCode = i.Code, value }).ToArray() };

    private static readonly int Counts = TestCatalog.Indicators.Count(i => i.Code.StartsWith('X'));

    [Fact]
    public async Task An_approval_racing_a_submission_approves_exactly_the_version_the_approver_read_and_no_write_lands_after_it()
    {
        var outcomes = new List<(HttpStatusCode Approve, HttpStatusCode Write)>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var period = $"{2001 + trial}-Q1";
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", period, Values(("BEDS", 100)))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await D1.TransitionAsync("D1", period, "submit")).StatusCode);
            var seen = await ReadFormAsync(period: period);

            var responses = await Task.WhenAll(
                Province.TransitionAsync("D1", period, $"approve?formVersion={seen.Version}", ifMatch: "\"w1\""),
                D1.SubmitAsync("D1", period, Values(("BEDS", 200 + trial)), ifMatch: seen.Etag));
            outcomes.Add((responses[0].StatusCode, responses[1].StatusCode));

            var status = await (await D1.GetAsync($"/api/units/D1/periods/{period}/status")).ReadJsonAsync();
            var form = await ReadFormAsync(period: period);
            Assert.NotEqual((HttpStatusCode.OK, HttpStatusCode.OK), outcomes[^1]);
            if (status.GetProperty("status").GetString() == "Approved")
            {
                Assert.Equal((seen.Version, 100m), (form.Version, form.Values.Single().Value!.Value));
                Assert.Equal(seen.Version, status.GetProperty("approvedVersion").GetInt32());
            }
            else
                Assert.Equal(HttpStatusCode.OK, outcomes[^1].Write);
        }
        Assert.All(outcomes, o => Assert.Contains(o.Write, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
    }

    [Fact]
    public async Task An_approval_after_a_writer_read_the_form_refuses_that_writers_commit()
    {
        await D1.SubmitAsync("D1", "2021-Q1", Values(("BEDS", 100)));
        var submitted = await D1.TransitionAsync("D1", "2021-Q1", "submit");
        var forms = Factory.Get<FormStore>();
        // A writer read the form, claimed version 2 and wrote its rows.
        var read = (await forms.GetAsync("D1", "2021-Q1"))!;
        var at = DateTimeOffset.UtcNow;
        await Factory.Get<ValueStore>().WriteAsync("D1", Period.Quarter(2021, 1), 2, [new Observation("D1", "BEDS", Period.Quarter(2021, 1), 200)],
            new VersionClaim("writer", "d1-staff", at));

        Assert.Equal(HttpStatusCode.OK, (await Province.TransitionAsync("D1", "2021-Q1", "approve?formVersion=1", submitted.Etag())).StatusCode);

        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => forms.CommitAsync(read, 2, "d1-staff", at, null, rows: 1, auditRows: 0));
        Assert.Equal(412, refused.Status);
        Assert.Equal(1, (await ReadFormAsync(period: "2021-Q1")).Version);
    }

    [Fact]
    public async Task A_client_dropped_mid_write_blocks_nothing_its_retry_replays_and_every_version_is_audited()
    {
        var values = Factory.Get<ValueStore>();
        var droppedWhileClaimed = 0;
        for (var trial = 0; trial < 10; trial++)
        {
            var period = $"{2001 + trial}";
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", period, AllCounts(1))).StatusCode);
            var key = $"drop-{trial}";
            // The client goes away as soon as the server has claimed the next version, while it writes the rows.
            using (var drop = new CancellationTokenSource())
            {
                var sending = SubmitAsync(D1, period, AllCounts(2), "\"1\"", key, drop.Token);
                while (!sending.IsCompleted && await values.ClaimOfAsync("D1", Period.ParseCode(period), 2) is null) { }
                if (!sending.IsCompleted) droppedWhileClaimed++;
                await drop.CancelAsync();
                try { await sending; }
                catch (OperationCanceledException) { }
            }
            var retry = await D1.SubmitAsync("D1", period, AllCounts(2), ifMatch: "\"1\"", idempotencyKey: key);
            Assert.True(retry.StatusCode == HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
            Assert.Equal("\"2\"", retry.Headers.ETag?.Tag);

            // Not blocked: the next writer goes straight through.
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", period, AllCounts(3), ifMatch: "\"2\"")).StatusCode);
            var form = await ReadFormAsync(period: period);
            Assert.Equal(3, form.Version);
            Assert.All(form.Values, v => Assert.Equal(3m, v.Value));
            var audit = (await Factory.Get<AuditStore>().GetLatestAsync("D1", 10_000)).Where(e => e.Period == period).ToList();
            Assert.Equal(3 * Counts, audit.Count(e => e.Action is AuditAction.ValueAdded or AuditAction.ValueChanged));
        }
        Assert.True(droppedWhileClaimed > 0, "No trial dropped its client while the write was under way.");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_wait_for_the_first_answer_and_replay_it()
    {
        for (var trial = 0; trial < 5; trial++)
        {
            var period = $"{2001 + trial}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                D1.SubmitAsync("D1", period, AllCounts(7), idempotencyKey: $"same-{trial}")));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed"));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.Single(bodies.Distinct());
            Assert.Equal(1, (await ReadFormAsync(period: period)).Version);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_version_left_by_a_dead_writer_is_passed_over_after_its_short_lease_and_deleted(bool claimedOnTheFormAsWritersOnceDid)
    {
        await D1.SubmitAsync("D1", "2021", AllCounts(1));
        var forms = Factory.Get<FormStore>();
        var values = Factory.Get<ValueStore>();
        // A writer that claimed version 2 a minute ago, wrote half its rows, and died.
        var aMinuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        await values.WriteAsync("D1", Period.FullYear(2021), 2,
            [.. TestCatalog.Indicators.Where(i => i.Code.StartsWith('X')).Take(150).Select(i => new Observation("D1", i.Code, Period.FullYear(2021), 99))],
            new VersionClaim("dead", "d1-staff", aMinuteAgo));
        if (claimedOnTheFormAsWritersOnceDid)
            await FormRecord.SaveAsync(await Factory.Get<StorageAccount>().TableAsync(TableName.Forms), "D1", "2021", (await forms.GetAsync("D1", "2021"))!.Record,
                new Dictionary<string, object?> { ["PendingVersion"] = 2, ["PendingSince"] = aMinuteAgo }, CancellationToken.None);

        var next = await D1.SubmitAsync("D1", "2021", AllCounts(2), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("\"3\"", next.Headers.ETag?.Tag);
        var form = await ReadFormAsync();
        Assert.All(form.Values, v => Assert.Equal(2m, v.Value));
        Assert.Equal(Counts, form.Values.Count);
        Assert.Empty(await values.ReadAsync("D1", Period.FullYear(2021), 2));
        Assert.Null(await values.ClaimOfAsync("D1", Period.FullYear(2021), 2));
        Assert.Null((await forms.GetAsync("D1", "2021"))!.PendingVersion);
    }

    [Fact]
    public async Task A_writer_finding_the_next_version_claimed_within_its_lease_is_told_to_retry_and_nothing_of_it_is_stored()
    {
        await D1.SubmitAsync("D1", "2021", AllCounts(1));
        var values = Factory.Get<ValueStore>();
        await values.WriteAsync("D1", Period.FullYear(2021), 2, [new Observation("D1", "X001", Period.FullYear(2021), 7)],
            new VersionClaim("at-work", "d1-staff", DateTimeOffset.UtcNow));

        var busy = await D1.SubmitAsync("D1", "2021", AllCounts(2), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.InRange(busy.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), FormWriter.ClaimLease);
        Assert.Equal("at-work", (await values.ClaimOfAsync("D1", Period.FullYear(2021), 2))!.Id);
        Assert.Equal([7m], (await values.ReadAsync("D1", Period.FullYear(2021), 2)).Select(o => o.Value!.Value));
        Assert.Equal(1, (await ReadFormAsync()).Version);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_commit_whose_writer_died_before_its_audit_is_audited_by_the_next_writer(bool markedAsCommitsOnceWere)
    {
        await CommitWithoutAuditAsync(markedAsCommitsOnceWere);

        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2021", Values(("BEDS", 440)), ifMatch: "\"2\"")).StatusCode);

        var audit = (await Factory.Get<AuditStore>().GetLatestAsync("D1", 50)).Where(e => e.IndicatorCode == "BEDS").ToList();
        Assert.Equal([("420", "430", "10.0.0.9"), ("430", "440", audit[0].From)], audit.Where(e => e.Old is not null).Select(e => (e.Old!, e.New!, e.From)).Reverse());
        Assert.False((await Factory.Get<FormStore>().GetAsync("D1", "2021"))!.AuditPending);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_commit_whose_writer_died_before_its_audit_is_audited_before_the_form_is_sent_on(bool markedAsCommitsOnceWere)
    {
        await CommitWithoutAuditAsync(markedAsCommitsOnceWere);

        // No one writes the form again: it is submitted as it stands, and the audit shows how its figure came to be.
        Assert.Equal(HttpStatusCode.OK, (await D1.TransitionAsync("D1", "2021", "submit")).StatusCode);

        var audit = (await Factory.Get<AuditStore>().GetLatestAsync("D1", 50)).ToList();
        Assert.Equal([("430", "10.0.0.9")], audit.Where(e => e.IndicatorCode == "BEDS" && e.Old == "420").Select(e => (e.New!, e.From)));
        Assert.Single(audit, e => e.Action == AuditAction.FormSubmitted);
        var form = (await Factory.Get<FormStore>().GetAsync("D1", "2021"))!;
        Assert.Equal((2, false), (form.CurrentVersion, form.AuditPending));
        Assert.Equal("Submitted", (await (await D1.GetAsync("/api/units/D1/periods/2021/status")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    // Version 1 (420) submitted; version 2 (430) claimed, written and committed a minute ago by a writer that then died
    // before writing the audit's one row.
    private async Task CommitWithoutAuditAsync(bool markedAsCommitsOnceWere)
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));
        var forms = Factory.Get<FormStore>();
        var aMinuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        var read = (await forms.GetAsync("D1", "2021"))!;
        await Factory.Get<ValueStore>().WriteAsync("D1", Period.FullYear(2021), 2, [new Observation("D1", "BEDS", Period.FullYear(2021), 430)],
            new VersionClaim("died-before-audit", "d1-staff", aMinuteAgo));
        var committed = await forms.CommitAsync(read, 2, "d1-staff", aMinuteAgo, "10.0.0.9", rows: 1, auditRows: 1);
        // Commits once set a pending mark instead of counting their audit rows; such a form is still audited.
        if (markedAsCommitsOnceWere)
            await FormRecord.SaveAsync(await Factory.Get<StorageAccount>().TableAsync(TableName.Forms), "D1", "2021", committed.Record,
                new Dictionary<string, object?> { ["AuditPending"] = true, ["AuditRows"] = null }, CancellationToken.None);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string period, object body, string ifMatch, string key, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/D1/periods/{period}/values")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, options: Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, ct);
    }
}
