using System.Net;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Submissions;

/// Corrections: a figure sent by mistake is taken back by sending its row with no value and no parts.
[Collection(AzuriteCollection.Name)]
public sealed class CorrectionsTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private static object Cleared(string code) => new { values = new[] { new { indicatorCode = code, value = (decimal?)null } } };

    [Fact]
    public async Task A_row_with_no_value_and_no_parts_removes_the_figure_and_the_summary_counts_it_removed()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420), ("X001", 5)));

        var response = await D1.SubmitAsync("D1", "2021", Cleared("BEDS"), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal((0, 0, 0, 1, 2), (json.GetProperty("imported").GetInt32(), json.GetProperty("updated").GetInt32(),
            json.GetProperty("ignored").GetInt32(), json.GetProperty("removed").GetInt32(), json.GetProperty("version").GetInt32()));
        var form = await ReadFormAsync();
        Assert.Equal(["X001"], form.Values.Select(v => v.IndicatorCode!));
        var audit = await Factory.Get<AuditStore>().GetLatestAsync("D1", 50);
        var removal = Assert.Single(audit, e => e.Action == AuditAction.ValueRemoved);
        Assert.Equal(("BEDS", "420", null), (removal.IndicatorCode, removal.Old, removal.New));
    }

    [Fact]
    public async Task Removing_a_figure_the_form_does_not_hold_writes_no_new_version()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));

        var summary = await (await D1.SubmitAsync("D1", "2021", Cleared("X001"), ifMatch: "\"1\"")).ReadAsync<ImportSummary>();

        Assert.Equal((0, 1, 1), (summary.Removed, summary.Ignored, summary.Version));
        Assert.Equal(1, (await ReadFormAsync()).Version);
    }

    [Fact]
    public async Task A_dry_run_counts_a_removal_without_writing_it()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));

        var summary = await (await D1.SubmitAsync("D1", "2021", Cleared("BEDS"), ifMatch: "\"1\"", dryRun: true)).ReadAsync<ImportSummary>();

        Assert.Equal((1, 1), (summary.Removed, summary.Version));
        Assert.Equal(420m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task A_row_with_only_a_note_is_not_a_removal_but_a_missing_value()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));

        var response = await D1.SubmitAsync("D1", "2021",
            new { values = new[] { new { indicatorCode = "BEDS", value = (decimal?)null, note = "ước tính" } } }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("value", Assert.Single((await response.ReadAsync<ImportSummary>()).Rejected).Field);
        Assert.Equal(420m, (await ReadFormAsync()).Values.Single().Value);
    }

    [Fact]
    public async Task A_row_with_parts_but_no_value_is_still_refused_naming_the_value()
    {
        await D1.SubmitAsync("D1", "2021", Values(("BEDS", 420)));

        var response = await D1.SubmitAsync("D1", "2021",
            new { values = new[] { new { indicatorCode = "BEDS", value = (decimal?)null, numerator = (decimal?)3 } } }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = Assert.Single((await response.ReadAsync<ImportSummary>()).Rejected);
        Assert.Equal((0, "value"), (rejected.Row, rejected.Field));
        Assert.Equal(420m, (await ReadFormAsync()).Values.Single().Value);
    }
}
