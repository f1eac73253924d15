using System.Net;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Seeding;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Seeding;

/// The README walk-through over the real seeds: Sơn Dương reports 2021, Tuyên Quang reads it back.
[Collection(AzuriteCollection.Name)]
public sealed class SonDuongTests(AzuriteFixture azurite) : RealSeedsTests(azurite)
{

    private static readonly object SonDuong2021 = new
    {
        values = new object[]
        {
            new { indicatorCode = "KCB.GIUONG_BENH", value = 420 },
            new { indicatorCode = "KCB.GIUONG_BENH.BV", value = 280 },
            new { indicatorCode = "KCB.GIUONG_BENH.TYT", value = 140 },
            new { indicatorCode = "KCB.LUOT_KHAM", value = 265_000 },
            new { indicatorCode = "YTCS.XA_DAT_TCQG", value = 26 },
            new { indicatorCode = "DP.TIEM_CHUNG_DAY_DU", value = 96.2m, numerator = 1443m, denominator = 1500m },
        },
    };

    [Fact]
    public async Task Son_Duong_2021_values_come_back_as_attainment_and_in_Tuyen_Quang_consolidated()
    {
        var submit = await As("sd-pyt").SubmitAsync("SD", "2021", SonDuong2021);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal(6, (await submit.ReadAsync<ImportSummary>()).Imported);

        var attainment = await (await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        var beds = attainment.Rows.Single(r => r.IndicatorCode == "KCB.GIUONG_BENH");
        Assert.Equal((420m, "420", AttainmentStatus.Met), (beds.Actual, beds.Target, beds.Status));
        var visits = attainment.Rows.Single(r => r.IndicatorCode == "KCB.LUOT_KHAM");
        Assert.Equal(AttainmentStatus.Exceeded, visits.Status);
        Assert.True(visits.PercentOfPlan > 100m);

        var consolidated = await (await As("tq-syt").GetAsync("/api/units/TQ/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        var tqBeds = consolidated.Rows.Single(r => r.IndicatorCode == "KCB.GIUONG_BENH");
        Assert.Equal(420m, tqBeds.Value);
        Assert.Equal(["SD"], tqBeds.IncludedUnits);
    }

    [Fact]
    public async Task Hospital_beds_above_the_total_are_rejected_naming_the_row()
    {
        var response = await As("sd-pyt").SubmitAsync("SD", "2021", new
        {
            values = new object[]
            {
                new { indicatorCode = "KCB.GIUONG_BENH", value = 420 },
                new { indicatorCode = "KCB.GIUONG_BENH.BV", value = 500 },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = (await response.ReadAsync<ImportSummary>()).Rejected;
        Assert.Contains(rejected, r => r.Row is 0 or 1);
        Assert.Equal(0, (await (await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/values")).ReadAsync<FormValues>()).Version);
    }

    [Fact]
    public async Task Tam_Duong_staff_cannot_write_for_Son_Duong()
    {
        var response = await As("td-pyt").SubmitAsync("SD", "2021", SonDuong2021);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Loading_the_seeds_again_changes_nothing()
    {
        await As("sd-pyt").SubmitAsync("SD", "2021", SonDuong2021);
        var again = await Factory.Get<SeedLoader>().LoadAsync(Seeds, includeDevKeys: true);

        Assert.Equal(0, again.FormsWritten);
        Assert.Equal(Seeds.Targets.Count, again.Targets);
        var form = await (await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/values")).ReadAsync<FormValues>();
        Assert.Equal((1, 6), (form.Version, form.Values.Count));
    }
}
