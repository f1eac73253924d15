using System.Net;
using System.Text.Json;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Workflow;

// Q1 2021 ends Wednesday 31 March: the districts' deadline is Wednesday 7 April (17:00 UTC when it ends
// in Vietnam) and their forms lock when Wednesday 14 April ends.
[Collection(AzuriteCollection.Name)]
public sealed class WorkflowApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly WorkflowHost _host = new(azurite, DateTimeOffset.Parse("2021-04-05T03:00:00Z"));

    public void Dispose() => _host.Dispose();

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).GetProperty("detail").GetString() ?? "";

    [Fact]
    public async Task A_district_submits_and_the_province_approves_with_the_etag_it_read()
    {
        var keys = await _host.SeedAsync();
        var d1 = _host.ClientWithKey(keys.D1);
        var province = _host.ClientWithKey(keys.Province);

        var submitted = await d1.TransitionAsync("D1", "2021-Q1", "submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("\"w1\"", submitted.Etag());

        _host.Clock.Advance(TimeSpan.FromHours(2));
        var approved = await province.TransitionAsync("D1", "2021-Q1", "approve", ifMatch: "\"w1\"");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = await approved.ReadJsonAsync();
        Assert.Equal(("Approved", "\"w2\"", false), (view.GetProperty("status").GetString(), view.GetProperty("etag").GetString(), view.GetProperty("editable").GetBoolean()));

        var status = await d1.GetAsync("/api/units/D1/periods/2021-Q1/status");
        Assert.Equal(("\"w2\"", "2021-04-07"), (status.Etag(), (await status.ReadJsonAsync()).GetProperty("deadline").GetString()));
        var audit = await _host.Get<AuditStore>().GetLatestAsync("D1", 10);
        Assert.Equal([AuditAction.FormApproved, AuditAction.FormSubmitted], audit.Select(a => a.Action));
        Assert.Equal(("p-staff", "Submitted", "Approved"), (audit[0].User, audit[0].Old, audit[0].New));
    }

    [Fact]
    public async Task Of_two_concurrent_approvals_the_second_gets_409_with_the_current_etag()
    {
        var keys = await _host.SeedAsync();
        var province = _host.ClientWithKey(keys.Province);
        var admin = _host.ClientWithKey(keys.Admin);
        await _host.ClientWithKey(keys.D1).TransitionAsync("D1", "2021-Q1", "submit");

        var responses = await Task.WhenAll(
            province.TransitionAsync("D1", "2021-Q1", "approve", ifMatch: "\"w1\""),
            admin.TransitionAsync("D1", "2021-Q1", "return", ifMatch: "\"w1\"", body: new { reason = "Sai số giường" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("\"w2\"", (await loser.ReadJsonAsync()).GetProperty("currentEtag").GetString());
        Assert.Equal(2, (await _host.Get<AuditStore>().GetLatestAsync("D1", 10)).Count);
    }

    [Fact]
    public async Task A_transition_on_a_stored_form_without_If_Match_gets_428()
    {
        var keys = await _host.SeedAsync();
        await _host.ClientWithKey(keys.D1).TransitionAsync("D1", "2021-Q1", "submit");
        var response = await _host.ClientWithKey(keys.Province).TransitionAsync("D1", "2021-Q1", "approve");
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Theory]
    [InlineData("D2", "submit", HttpStatusCode.Forbidden)]      // another district's form: outside the caller's subtree
    [InlineData("D1", "approve", HttpStatusCode.Forbidden)]     // nobody approves their own form
    [InlineData("D1", "unlock", HttpStatusCode.Forbidden)]      // only the province unlocks
    public async Task A_district_may_only_submit_its_own_form(string unit, string action, HttpStatusCode expected)
    {
        var keys = await _host.SeedAsync();
        var response = await _host.ClientWithKey(keys.D1).TransitionAsync(unit, "2021-Q1", action, body: new { reason = "x", until = "2021-05-01" });
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_return_without_a_reason_names_the_field()
    {
        var keys = await _host.SeedAsync();
        await _host.ClientWithKey(keys.D1).TransitionAsync("D1", "2021-Q1", "submit");
        var response = await _host.ClientWithKey(keys.Province).TransitionAsync("D1", "2021-Q1", "return", "\"w1\"", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_late_submission_is_counted_as_late()
    {
        var keys = await _host.SeedAsync();
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-07T16:59:59Z"));
        await _host.ClientWithKey(keys.D1).TransitionAsync("D1", "2021-Q1", "submit");
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-07T17:00:00Z"));
        await _host.ClientWithKey(keys.D2).TransitionAsync("D2", "2021-Q1", "submit");

        var report = await (await _host.ClientWithKey(keys.Province).GetAsync("/api/units/P/periods/2021-Q1/completeness")).ReadJsonAsync();
        Assert.Equal((2, 2, 1, 1, 0), (report.GetProperty("expected").GetInt32(), report.GetProperty("received").GetInt32(),
            report.GetProperty("onTime").GetInt32(), report.GetProperty("late").GetInt32(), report.GetProperty("missing").GetInt32()));
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => r.GetProperty("timeliness").GetString());
        Assert.Equal(("OnTime", "Late"), (rows["D1"], rows["D2"]));
    }

    [Fact]
    public async Task An_edit_to_approved_data_is_refused_with_409()
    {
        var keys = await _host.SeedAsync();
        var d1 = _host.ClientWithKey(keys.D1);
        var written = await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 420)));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        await d1.TransitionAsync("D1", "2021-Q1", "submit");
        await _host.ClientWithKey(keys.Province).TransitionAsync("D1", "2021-Q1", "approve", "\"w1\"");

        var edit = await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 430)), ifMatch: written.Etag());

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var problem = await edit.ReadJsonAsync();
        Assert.Contains("đã được duyệt", problem.GetProperty("detail").GetString());
        Assert.Contains("approved", problem.GetProperty("en").GetString());
        var values = await (await d1.GetAsync("/api/units/D1/periods/2021-Q1/values")).ReadJsonAsync();
        Assert.Equal(420m, values.GetProperty("values")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task An_uploaded_workbook_cannot_change_approved_data_either()
    {
        var keys = await _host.SeedAsync();
        var d1 = _host.ClientWithKey(keys.D1);
        Assert.Equal(HttpStatusCode.OK, (await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 420)))).StatusCode);
        var form = await (await d1.GetAsync("/api/units/D1/periods/2021-Q1/form.xlsx")).Content.ReadAsByteArrayAsync();
        await d1.TransitionAsync("D1", "2021-Q1", "submit");
        await _host.ClientWithKey(keys.Province).TransitionAsync("D1", "2021-Q1", "approve", "\"w1\"");

        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(form);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "file", "bieu.xlsx");
        var upload = await d1.PostAsync("/api/units/D1/periods/2021-Q1/upload", body);

        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Contains("đã được duyệt", (await upload.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unlock_exception_allows_the_edit_and_is_audited()
    {
        var keys = await _host.SeedAsync();
        var d1 = _host.ClientWithKey(keys.D1);
        var province = _host.ClientWithKey(keys.Province);
        var written = await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 420)));
        await d1.TransitionAsync("D1", "2021-Q1", "submit");
        await province.TransitionAsync("D1", "2021-Q1", "approve", "\"w1\"");
        // After the lock date: only an exception lets the figure change now.
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-20T02:00:00Z"));
        Assert.Equal(HttpStatusCode.Conflict, (await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 430)), ifMatch: written.Etag())).StatusCode);

        var unlocked = await province.TransitionAsync("D1", "2021-Q1", "unlock", "\"w2\"", new { until = "2021-04-23", reason = "Bổ sung giường trạm y tế" });
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        var view = await unlocked.ReadJsonAsync();
        Assert.Equal(("Draft", true, true), (view.GetProperty("status").GetString(), view.GetProperty("editable").GetBoolean(),
            view.GetProperty("exception").GetProperty("open").GetBoolean()));

        var edit = await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 430)), ifMatch: written.Etag());
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var audit = await _host.Get<AuditStore>().GetLatestAsync("D1", 10);
        Assert.Contains(audit, a => a.Action == AuditAction.FormUnlocked && a.User == "p-staff" && a.New!.Contains("Bổ sung giường trạm y tế") && a.New.Contains("2021-04-23"));
        Assert.Contains(audit, a => a.Action == AuditAction.ValueChanged && a.New == "430");

        // When the exception ends with 23 April in Vietnam, the lock is back.
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2021-04-23T17:00:00Z"));
        var late = await d1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("BEDS", 440)), ifMatch: edit.Etag());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("khóa", await Detail(late));
    }
}
