using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Lookup;
using HealthFuncs.Functions.Targets;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class AttainmentTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private async Task SetTargetsAsync(string unit, int year, params (string Code, string Text)[] targets)
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).PutAsJsonAsync($"/api/units/{unit}/targets/{year}",
            new { targets = targets.Select(t => new { indicatorCode = t.Code, text = t.Text }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static object Cover(decimal numerator, decimal denominator) =>
        new { indicatorCode = "COVER", value = Math.Round(numerator / denominator * 100, 1), numerator, denominator };

    [Fact]
    public async Task Attainment_compares_the_actual_with_the_target_and_the_same_period_last_year()
    {
        var d1 = Factory.ClientWithKey(UserKeys.D1);
        await SetTargetsAsync("D1", 2021, ("BEDS", "420"), ("COVER", "≥95"));
        await d1.SubmitAsync("D1", "2020", Values(("BEDS", 400)));
        await d1.SubmitAsync("D1", "2021", new { values = new[] { new { indicatorCode = "BEDS", value = 420m, numerator = (decimal?)null, denominator = (decimal?)null }, new { indicatorCode = "COVER", value = 90m, numerator = (decimal?)90, denominator = (decimal?)100 } } });

        var report = await (await d1.GetAsync("/api/units/D1/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        var beds = report.Rows.Single(r => r.IndicatorCode == "BEDS");
        Assert.Equal((420m, "420", 400m, 100m, 5m, AttainmentStatus.Met, "Đạt"),
            (beds.Actual, beds.Target, beds.Baseline, beds.PercentOfPlan, beds.ChangeFromBaseline, beds.Status, beds.Label));
        Assert.Equal(AttainmentStatus.NotMet, report.Rows.Single(r => r.IndicatorCode == "COVER").Status);
    }

    [Fact]
    public async Task Consolidated_sums_counts_divides_summed_parts_and_names_the_children_missing()
    {
        await Factory.ClientWithKey(UserKeys.D1).SubmitAsync("D1", "2021", new { values = new object[] { new { indicatorCode = "BEDS", value = 420 }, Cover(80, 100) } });
        var province = Factory.ClientWithKey(UserKeys.Province);

        var partial = await (await province.GetAsync("/api/units/P/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        Assert.Equal(["D2"], partial.MissingUnits);
        Assert.Equal(["D2"], partial.Rows.Single(r => r.IndicatorCode == "BEDS").MissingUnits);

        await Factory.ClientWithKey(UserKeys.D2).SubmitAsync("D2", "2021", new { values = new object[] { new { indicatorCode = "BEDS", value = 100 }, Cover(50, 50) } });
        var full = await (await province.GetAsync("/api/units/P/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        Assert.Empty(full.MissingUnits);
        var beds = full.Rows.Single(r => r.IndicatorCode == "BEDS");
        Assert.Equal(520m, beds.Value);
        Assert.Equal(["D1", "D2"], beds.IncludedUnits);
        var cover = full.Rows.Single(r => r.IndicatorCode == "COVER");
        // 130 of 150 covered: 86,67%, not the 90% an average of 80% and 100% would give.
        Assert.Equal((130m, 150m, 86.67m), (cover.Numerator, cover.Denominator, Math.Round(cover.Value!.Value, 2)));

        var attainment = await (await province.GetAsync("/api/units/P/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        Assert.Equal(520m, attainment.Rows.Single(r => r.IndicatorCode == "BEDS").Actual);
    }

    [Fact]
    public async Task Consolidating_a_unit_without_children_is_400()
    {
        var response = await Factory.ClientWithKey(UserKeys.D2).GetAsync("/api/units/D2/periods/2021/consolidated");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Lookup_answers_each_item_in_order_with_an_error_for_the_bad_ones()
    {
        await SetTargetsAsync("D1", 2021, ("BEDS", "420"));
        await Factory.ClientWithKey(UserKeys.D1).SubmitAsync("D1", "2021", Values(("BEDS", 441)));
        var items = new object[]
        {
            new { kind = "value", indicatorCode = "BEDS", unitCode = "D1", period = "2021" },
            new { kind = "target", indicatorCode = "BEDS", unitCode = "D1", period = "Năm 2021" },
            new { kind = "attainment", indicatorCode = "BEDS", unitCode = "D1", period = "2021" },
            new { kind = "value", indicatorCode = "NOPE", unitCode = "D1", period = "2021" },
            new { kind = "value", indicatorCode = "BEDS", unitCode = "D2", period = "2021" },
        };
        var response = await (await Factory.ClientWithKey(UserKeys.D1).PostAsJsonAsync("/api/lookup", new { items })).ReadAsync<LookupResponse>();

        Assert.Equal(5, response.Results.Count);
        Assert.Equal((441m, "441"), (response.Results[0].Value, response.Results[0].Text));
        Assert.Equal((420m, "420"), (response.Results[1].Value, response.Results[1].Text));
        Assert.Equal((105m, "Vượt"), (response.Results[2].Value, response.Results[2].Text));
        Assert.Contains("NOPE", response.Results[3].Error);
        Assert.Contains("D2", response.Results[4].Error);
    }

    [Fact]
    public async Task Targets_are_set_by_admins_only_and_read_back_with_how_they_were_read()
    {
        var forbidden = await Factory.ClientWithKey(UserKeys.D1).PutAsJsonAsync("/api/units/D1/targets/2021",
            new { targets = new[] { new { indicatorCode = "BEDS", text = "420" } } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        await SetTargetsAsync("D1", 2021, ("BEDS", "420"), ("COVER", "giảm xuống dưới 13%"));
        await SetTargetsAsync("D1", 2021, ("BEDS", "430"));
        var targets = await (await Factory.ClientWithKey(UserKeys.D1).GetAsync("/api/units/D1/targets?year=2021")).ReadAsync<List<TargetItem>>();
        var beds = Assert.Single(targets);
        Assert.Equal(("BEDS", "430", 430m), (beds.IndicatorCode, beds.Text, beds.Value));

        var audit = await (await Factory.ClientWithKey(UserKeys.Admin).GetAsync("/api/audit?unit=D1")).ReadJsonAsync();
        var actions = audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("old").GetString(), e.GetProperty("new").GetString())).ToList();
        Assert.Contains(("TargetSet", "420", "430"), actions);
        Assert.Contains(("TargetRemoved", "giảm xuống dưới 13%", null), actions);
    }

    [Fact]
    public async Task A_target_for_an_unknown_indicator_is_refused_naming_the_row()
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).PutAsJsonAsync("/api/units/D1/targets/2021",
            new { targets = new[] { new { indicatorCode = "BEDS", text = "420" }, new { indicatorCode = "NOPE", text = "1" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("targets[1].indicatorCode", out _));
    }
}
