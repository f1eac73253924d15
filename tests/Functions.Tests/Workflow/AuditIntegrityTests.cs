using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Workflow;

/// The audit is read per entry by the tree of the entry's year, and every refused or denied write is in it.
[Collection(AzuriteCollection.Name)]
public sealed class AuditIntegrityTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Province => Factory.ClientWithKey(UserKeys.Province);

    [Fact]
    public async Task A_district_reads_the_audit_of_a_unit_only_for_the_years_the_unit_sat_under_it()
    {
        // F1 belonged to D1 until 2025 and sits directly under the province from 2026, like SD-TTYT moving from Sơn Dương to Tuyên Quang.
        await Factory.Get<UnitStore>().UpsertAsync([new OrgUnit("F1", "Cơ sở F1", UnitLevel.Facility, [new ParentLink(2000, "D1"), new ParentLink(2026, "P")])]);
        await Factory.Get<AuditStore>().AppendAsync([
            new AuditEntry(DateTimeOffset.Parse("2021-05-01T00:00:00Z"), "f1", AuditAction.ValueAdded, "F1", "2021", "BEDS", null, "10", null),
            new AuditEntry(DateTimeOffset.Parse("2026-05-01T00:00:00Z"), "f1", AuditAction.ValueAdded, "F1", "2026", "BEDS", null, "20", null),
            new AuditEntry(DateTimeOffset.Parse("2026-01-01T03:00:00Z"), "f1", AuditAction.Denied, "F1", null, null, null, "no period: Vietnam year 2026", null),
        ]);

        var asD1 = await (await D1.GetAsync("/api/audit?unit=F1&year=2021")).ReadJsonAsync();
        var asProvince = await (await Province.GetAsync("/api/audit?unit=F1&year=2021")).ReadJsonAsync();

        Assert.Equal(["10"], asD1.EnumerateArray().Select(e => e.GetProperty("new").GetString()));
        Assert.Equal(3, asProvince.GetArrayLength());
    }

    [Fact]
    public async Task Workflow_transitions_the_caller_may_not_make_are_audited_with_their_reason()
    {
        await D1.SubmitAsync("D1", "2021-Q1", Values(("BEDS", 1)));
        var submitted = await D1.TransitionAsync("D1", "2021-Q1", "submit");
        var approve = await D1.TransitionAsync("D1", "2021-Q1", "approve", submitted.Etag());
        var unlock = await D1.TransitionAsync("D1", "2021-Q1", "unlock", submitted.Etag(), new { until = "2030-01-01", reason = "muộn" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (approve.StatusCode, unlock.StatusCode));
        var denied = (await Factory.Get<AuditStore>().GetLatestAsync("D1", 20)).Where(e => e.Action == AuditAction.Denied).ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, e => Assert.Equal(("d1-staff", "2021-Q1"), (e.User, e.Period)));
        Assert.Contains(denied, e => e.New!.Contains("/approve", StringComparison.Ordinal));
        Assert.Contains(denied, e => e.New!.Contains("/unlock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Values_refused_because_the_form_is_approved_are_audited()
    {
        await D1.SubmitAsync("D1", "2021-Q1", Values(("BEDS", 1)));
        var submitted = await D1.TransitionAsync("D1", "2021-Q1", "submit");
        Assert.Equal(HttpStatusCode.OK, (await Province.TransitionAsync("D1", "2021-Q1", "approve", submitted.Etag())).StatusCode);

        var refused = await D1.SubmitAsync("D1", "2021-Q1", Values(("BEDS", 2)), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var denied = Assert.Single(await Factory.Get<AuditStore>().GetLatestAsync("D1", 20), e => e.Action == AuditAction.Denied);
        Assert.Contains("approved", denied.New, StringComparison.Ordinal);
        Assert.Contains("/values", denied.New, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_replacing_targets_is_forbidden_and_audited()
    {
        var response = await D1.PutAsJsonAsync("/api/units/D1/targets/2021", new { targets = new[] { new { indicatorCode = "BEDS", text = "420" } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var denied = Assert.Single(await Factory.Get<AuditStore>().GetLatestAsync("D1", 20), e => e.Action == AuditAction.Denied);
        Assert.Equal(("d1-staff", "2021"), (denied.User, denied.Period));
        Assert.Contains("PUT /api/units/D1/targets/2021", denied.New, StringComparison.Ordinal);
    }
}
