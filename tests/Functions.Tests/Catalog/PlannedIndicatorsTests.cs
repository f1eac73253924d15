using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Catalog;

/// The plan decides the form: over the real seeds, a unit lists what its plan has targets for, plus
/// its province's set ("bộ chỉ tiêu"), not the whole catalog merged from four plans.
[Collection(AzuriteCollection.Name)]
public sealed class PlannedIndicatorsTests(AzuriteFixture azurite) : RealSeedsTests(azurite)
{

    private IReadOnlyList<string> SonDuong2021Planned => Seeds.Targets.Where(t => t.UnitCode == "SD" && t.Year == 2021 && t.PlanPeriod is null)
        .Select(t => t.IndicatorCode).ToList();

    private IReadOnlyList<string> NamesOf(IEnumerable<string> codes) => codes.Select(c => Seeds.Indicators.Single(i => i.Code == c).Name).ToList();

    private static HttpRequestMessage PutSet(string unit, int year, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/units/{unit}/years/{year}/indicator-set") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Son_Duong_2021_lists_only_the_19_indicators_its_plan_has_targets_for()
    {
        var listed = await (await As("sd-pyt").GetAsync("/api/units/SD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();

        Assert.Equal(19, SonDuong2021Planned.Count);
        Assert.Equal(SonDuong2021Planned.Order(StringComparer.Ordinal), listed.Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.True(Seeds.Indicators.Count > 50);
    }

    // Sơn Dương's 2021 plan (seeds/targets/son-duong-2021.json, from the plan document's "Một số chỉ tiêu cụ thể") as
    // written, each "Trong đó" part right after its total: the communes newly meeting the criteria ("Trong đó đạt mới
    // trong năm 01 xã") belong to the 26 communes, not to the 83,9% written between them.
    private static readonly string[] SonDuong2021InPlanOrder =
    [
        "KCB.CO_SO", "YTCS.XA_CO_BAC_SY", "KCB.GIUONG_BENH", "KCB.GIUONG_BENH.BV", "KCB.GIUONG_BENH.TYT", "DP.TIEM_CHUNG_DAY_DU",
        "KCB.CONG_SUAT_GIUONG", "KCB.LUOT_KHAM", "BHYT.DOI_TUONG_CHINH_SACH", "BHYT.DOI_TUONG_CHINH_SACH.NGHEO", "BHYT.DOI_TUONG_CHINH_SACH.DTTS",
        "BHYT.BAO_PHU", "YTCS.XA_DAT_TCQG", "YTCS.XA_DAT_TCQG.MOI", "YTCS.TY_LE_XA_DAT_TCQG", "SDD.NHE_CAN", "SDD.THAP_COI", "DS.TY_LE_SINH",
        "DS.MUC_SINH_THAY_THE",
    ];

    [Fact]
    public async Task Son_Duong_2021_lists_its_indicators_in_the_plans_order_in_the_api_the_form_the_annexes_and_the_attainment()
    {
        var sd = As("sd-pyt");
        Assert.Equal(SonDuong2021Planned.Order(StringComparer.Ordinal), SonDuong2021InPlanOrder.Order(StringComparer.Ordinal));

        var listed = await (await sd.GetAsync("/api/units/SD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal(SonDuong2021InPlanOrder, listed.Select(i => i.Code));
        var attainment = await (await sd.GetAsync("/api/units/SD/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        Assert.Equal(SonDuong2021InPlanOrder, attainment.Rows.Select(r => r.IndicatorCode));
        var consolidated = await (await As("tq-syt").GetAsync("/api/units/TQ/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        Assert.Equal(SonDuong2021InPlanOrder, consolidated.Rows.Select(r => r.IndicatorCode));

        var expected = NamesOf(SonDuong2021InPlanOrder);
        foreach (var file in new[] { "periods/2021/form.xlsx", "periods/2021/result.xlsx", "years/2021/plan.xlsx" })
        {
            var names = (await WorkbookRows.ColumnAsync(await sd.GetAsync($"/api/units/SD/{file}"), "B"))
                .Select(n => n.StartsWith("Trong đó: ", StringComparison.Ordinal) ? n["Trong đó: ".Length..] : n);
            Assert.Equal(expected, names.Where(expected.Contains).ToList());
        }
    }

    [Fact]
    public async Task Son_Duong_2021_form_and_result_annex_list_only_its_planned_indicators()
    {
        var expected = NamesOf(SonDuong2021Planned).ToHashSet();
        var others = Seeds.Indicators.Where(i => !SonDuong2021Planned.Contains(i.Code)).Select(i => i.Name).ToHashSet();

        foreach (var file in new[] { "form.xlsx", "result.xlsx" })
        {
            var names = (await WorkbookRows.ColumnAsync(await As("sd-pyt").GetAsync($"/api/units/SD/periods/2021/{file}"), "B"))
                .Select(n => n.StartsWith("Trong đó: ", StringComparison.Ordinal) ? n["Trong đó: ".Length..] : n);
            var listed = names.Where(n => expected.Contains(n) || others.Contains(n)).ToList();
            Assert.Equal(19, listed.Count);
            Assert.All(listed, n => Assert.Contains(n, expected));
        }
    }

    [Fact]
    public async Task A_figure_reported_outside_the_plan_still_shows_on_the_result_annex()
    {
        var outside = Seeds.Indicators.First(i => i.Kind == Core.Indicators.IndicatorKind.Count && i.ParentCode is null
            && !SonDuong2021Planned.Contains(i.Code) && Seeds.Indicators.All(c => c.ParentCode != i.Code));
        var sent = await As("sd-pyt").SubmitAsync("SD", "2021", HttpExtensions.Values((outside.Code, 7m)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var names = await WorkbookRows.ColumnAsync(await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/result.xlsx"), "B");
        Assert.Contains(outside.Name, names);
    }

    [Fact]
    public async Task Son_Duong_2021_attainment_lists_its_planned_indicators_and_a_figure_sent_outside_them()
    {
        var before = await (await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        Assert.Equal(SonDuong2021Planned.Order(StringComparer.Ordinal), before.Rows.Select(r => r.IndicatorCode).Order(StringComparer.Ordinal));
        Assert.All(before.Rows, r => Assert.Null(r.Actual));

        var outside = Seeds.Indicators.First(i => i.Kind == Core.Indicators.IndicatorKind.Count && i.ParentCode is null
            && !SonDuong2021Planned.Contains(i.Code) && Seeds.Indicators.All(c => c.ParentCode != i.Code));
        await As("sd-pyt").SubmitAsync("SD", "2021", HttpExtensions.Values((outside.Code, 7m)));
        var after = await (await As("sd-pyt").GetAsync("/api/units/SD/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        Assert.Equal(20, after.Rows.Count);
        Assert.Equal(7m, after.Rows.Single(r => r.IndicatorCode == outside.Code).Actual);
    }

    [Fact]
    public async Task Tuyen_Quang_2021_consolidated_lists_what_Son_Duong_reports_with_every_row_not_yet_sent_missing()
    {
        await As("sd-pyt").SubmitAsync("SD", "2021", HttpExtensions.Values(("KCB.GIUONG_BENH", 420m)));

        var report = await (await As("tq-syt").GetAsync("/api/units/TQ/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();

        Assert.Equal(SonDuong2021Planned.Order(StringComparer.Ordinal), report.Rows.Select(r => r.IndicatorCode).Order(StringComparer.Ordinal));
        Assert.Equal(420m, report.Rows.Single(r => r.IndicatorCode == "KCB.GIUONG_BENH").Value);
        var notSent = report.Rows.Where(r => r.IndicatorCode != "KCB.GIUONG_BENH").ToList();
        Assert.All(notSent, r => Assert.Null(r.Value));
        Assert.All(notSent, r => Assert.Equal(["SD"], r.MissingUnits));
        Assert.All(notSent, r => Assert.Equal(GapKind.NotReported, Assert.Single(r.Gaps!).Kind));
    }

    [Fact]
    public async Task A_unit_without_a_plan_for_the_year_gets_its_province_set_and_else_the_wholeSeeds()
    {
        var before = await (await As("admin").GetAsync("/api/units/TD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal(Seeds.Indicators.Count, before.Count);

        var put = await As("admin").SendAsync(PutSet("LC", 2021, new { codes = new[] { "KCB.GIUONG_BENH", "KCB.LUOT_KHAM" } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var after = await (await As("admin").GetAsync("/api/units/TD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        // the total's "Trong đó" parts come with it, in annex order
        Assert.Equal(["KCB.GIUONG_BENH", "KCB.GIUONG_BENH.BV", "KCB.GIUONG_BENH.TYT", "KCB.LUOT_KHAM"], after.Select(i => i.Code));
        var form = await WorkbookRows.ColumnAsync(await As("admin").GetAsync("/api/units/TD/periods/2021-Q1/form.xlsx"), "B");
        Assert.Contains(Seeds.Indicators.Single(i => i.Code == "KCB.LUOT_KHAM").Name, form);
        Assert.DoesNotContain(Seeds.Indicators.Single(i => i.Code == "KCB.CO_SO").Name, form);
    }

    [Fact]
    public async Task A_province_set_adds_to_a_planned_unit_what_its_plan_does_not_have()
    {
        var extra = Seeds.Indicators.First(i => i.ParentCode is null && !SonDuong2021Planned.Contains(i.Code)
            && Seeds.Indicators.All(c => c.ParentCode != i.Code)).Code;
        var put = await As("admin").SendAsync(PutSet("TQ", 2021, new { codes = new[] { extra } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var listed = await (await As("sd-pyt").GetAsync("/api/units/SD/indicators?year=2021")).ReadAsync<List<IndicatorItem>>();
        Assert.Equal(20, listed.Count);
        Assert.Contains(listed, i => i.Code == extra);
    }

    [Fact]
    public async Task Replacing_a_province_set_needs_the_version_read_and_is_audited()
    {
        var admin = As("admin");
        var missing = await admin.SendAsync(PutSet("TQ", 2022, new { codes = new[] { "KCB.LUOT_KHAM" } }, null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        var first = await admin.SendAsync(PutSet("TQ", 2022, new { codes = new[] { "KCB.LUOT_KHAM" } }, Preconditions.Missing));
        var etag = (await first.ReadAsync<IndicatorSetItem>()).Etag;
        Assert.Equal(etag, first.Headers.ETag!.ToString());

        var stale = await admin.SendAsync(PutSet("TQ", 2022, new { codes = new[] { "KCB.CO_SO" } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(etag, (await stale.ReadJsonAsync()).GetProperty("currentEtag").GetString());

        var second = await admin.SendAsync(PutSet("TQ", 2022, new { codes = new[] { "KCB.CO_SO", "KCB.LUOT_KHAM" } }, etag));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var read = await (await admin.GetAsync("/api/units/TQ/years/2022/indicator-set")).ReadAsync<IndicatorSetItem>();
        Assert.Equal(["KCB.CO_SO", "KCB.LUOT_KHAM"], read.Codes);

        var audit = await Factory.Get<AuditStore>().GetLatestAsync("TQ", 10);
        var change = audit.First(a => a.Action == AuditAction.IndicatorSetChanged);
        Assert.Equal(("admin", "2022", "KCB.LUOT_KHAM", "KCB.CO_SO, KCB.LUOT_KHAM"), (change.User, change.Period, change.Old, change.New));
    }

    [Fact]
    public async Task A_set_is_refused_with_the_reason_for_a_district_an_unknown_code_or_a_non_admin()
    {
        var district = await As("admin").SendAsync(PutSet("SD", 2021, new { codes = new[] { "KCB.CO_SO" } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.BadRequest, district.StatusCode);
        Assert.Contains("không phải cấp tỉnh", (await district.ReadJsonAsync()).GetProperty("detail").GetString());

        var unknown = await As("admin").SendAsync(PutSet("TQ", 2021, new { codes = new[] { "KCB.KHONG_CO" } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("KCB.KHONG_CO", (await unknown.ReadJsonAsync()).GetProperty("en").GetString());

        var province = await As("tq-syt").SendAsync(PutSet("TQ", 2021, new { codes = new[] { "KCB.CO_SO" } }, Preconditions.Missing));
        Assert.Equal(HttpStatusCode.Forbidden, province.StatusCode);
        Assert.Empty((await (await As("admin").GetAsync("/api/units/TQ/years/2021/indicator-set")).ReadAsync<IndicatorSetItem>()).Codes);
    }
}
