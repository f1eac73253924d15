using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Targets;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Reports;

/// An office's official figures are entered as published, with warnings; change targets say how they are read.
[Collection(AzuriteCollection.Name)]
public sealed class OfficialFiguresTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private Task<HttpResponseMessage> PutTargetsAsync(params object[] targets) =>
        Factory.ClientWithKey(UserKeys.Admin).PutAsJsonAsync("/api/units/D1/targets/2021", new { targets });

    private async Task<TargetItem> ReadTargetAsync(string code) =>
        (await (await D1.GetAsync("/api/units/D1/targets?year=2021")).ReadAsync<List<TargetItem>>()).Single(t => t.IndicatorCode == code);

    [Fact]
    public async Task An_official_rate_that_differs_from_its_parts_is_accepted_with_a_warning_naming_both_numbers_and_keeps_its_note()
    {
        const string note = "Tỷ lệ chính thức của Sở, mẫu số ước tính đầu năm";
        var response = await D1.SubmitAsync("D1", "2021", new { values = new object[]
        {
            new { indicatorCode = "BEDS", value = 420 },
            new { indicatorCode = "COVER", value = 95.5m, numerator = 880, denominator = 1000, note },
        } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.Equal((2, 0), (summary.Imported, summary.Rejected.Count));
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal((1, "COVER", "value"), (warning.Row, warning.IndicatorCode, warning.Field));
        Assert.Contains("giá trị báo cáo 95,5 khác với tử số 880 / mẫu số 1.000 (= 88)", warning.MessageVi);
        Assert.Contains("đã có ghi chú giải thích", warning.MessageVi);

        var cover = (await ReadFormAsync()).Values.Single(v => v.IndicatorCode == "COVER");
        Assert.Equal((95.5m, 880m, 1000m, note), (cover.Value, cover.Numerator, cover.Denominator, cover.Note));
    }

    [Fact]
    public async Task A_rate_without_its_parts_is_accepted_with_a_warning_and_the_province_lists_the_unit_as_missing_its_parts()
    {
        var response = await D1.SubmitAsync("D1", "2021", new { values = new object[] { new { indicatorCode = "COVER", value = 90 } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single((await response.ReadAsync<ImportSummary>()).Warnings);
        Assert.Equal((0, "COVER"), (warning.Row, warning.IndicatorCode));
        Assert.Contains("thiếu tử số/mẫu số, nên tuyến trên không cộng được", warning.MessageVi);

        var report = await (await Factory.ClientWithKey(UserKeys.Province).GetAsync("/api/units/P/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        var row = report.Rows.Single(r => r.IndicatorCode == "COVER");
        Assert.Equal(["D1", "D2"], row.MissingUnits);
        Assert.Equal(
            [new UnitGap("D1", GapKind.WithoutParts, "thiếu tử số/mẫu số"), new UnitGap("D2", GapKind.NotReported, "chưa báo cáo")],
            row.Gaps);
    }

    [Fact]
    public async Task A_change_target_is_read_out_with_its_direction_and_reading_and_an_admin_can_fix_the_reading_audited_and_kept()
    {
        Assert.Equal(HttpStatusCode.OK, (await PutTargetsAsync(new { indicatorCode = "COVER", text = "giảm 10%" }, new { indicatorCode = "BEDS", text = "4,080 giường" })).StatusCode);
        var byRule = await ReadTargetAsync("COVER");
        Assert.Equal((TargetForm.Change, ChangeDirection.Decrease, ChangeReading.Points, true, false, "giảm 10 điểm % so với cùng kỳ"),
            (byRule.Form, byRule.Direction, byRule.Reading, byRule.Ambiguous, byRule.ReadingChosenByAdmin, byRule.ReadingText));
        Assert.Equal((4080m, "giường"), ((await ReadTargetAsync("BEDS")).Value, (await ReadTargetAsync("BEDS")).Subject));

        Assert.Equal(HttpStatusCode.OK, (await PutTargetsAsync(new { indicatorCode = "COVER", text = "giảm 10%", reading = "relative" })).StatusCode);
        // Sent again without a reading, the same text keeps the administrator's choice.
        Assert.Equal(HttpStatusCode.OK, (await PutTargetsAsync(new { indicatorCode = "COVER", text = "giảm 10%" })).StatusCode);
        var fixedReading = await ReadTargetAsync("COVER");
        Assert.Equal((ChangeReading.Relative, true, "giảm 10% tương đối so với cùng kỳ"),
            (fixedReading.Reading, fixedReading.ReadingChosenByAdmin, fixedReading.ReadingText));

        var audit = await (await Factory.ClientWithKey(UserKeys.Admin).GetAsync("/api/audit?unit=D1")).ReadJsonAsync();
        var changes = audit.EnumerateArray().Where(e => e.GetProperty("indicatorCode").GetString() == "COVER")
            .Select(e => (e.GetProperty("old").GetString(), e.GetProperty("new").GetString())).ToList();
        Assert.Contains(("giảm 10%", "giảm 10% (đọc: tương đối)"), changes);
        Assert.Equal(2, changes.Count);   // set, then the reading; the resend changed nothing

        // The verdict uses the chosen reading: 10 % of 8 % is 0,8, so 7,2 % meets it.
        await D1.SubmitAsync("D1", "2020", new { values = new object[] { new { indicatorCode = "COVER", value = 8m, numerator = 8, denominator = 100 } } });
        await D1.SubmitAsync("D1", "2021", new { values = new object[] { new { indicatorCode = "COVER", value = 7.2m, numerator = 72, denominator = 1000 } } });
        var attainment = await (await D1.GetAsync("/api/units/D1/periods/2021/attainment")).ReadAsync<AttainmentReport>();
        var verdict = attainment.Rows.Single(r => r.IndicatorCode == "COVER");
        Assert.Equal((AttainmentStatus.Met, 100m), (verdict.Status, verdict.PercentOfPlan));
        Assert.Contains("đọc là giảm 10% tương đối so với cùng kỳ", verdict.Reason);
    }

    [Theory]
    [InlineData("BEDS", "420", "points", "không phải mức thay đổi")]
    [InlineData("COVER", "giảm 10%", "both", "không hợp lệ")]
    public async Task A_reading_that_does_not_apply_is_refused_naming_the_field(string code, string text, string reading, string message)
    {
        var response = await PutTargetsAsync(new { indicatorCode = code, text, reading });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("targets[0].reading");
        Assert.Contains(message, errors[0].GetString());
        Assert.Empty(await (await D1.GetAsync("/api/units/D1/targets?year=2021")).ReadAsync<List<TargetItem>>());
    }

    [Fact]
    public async Task A_province_change_against_a_named_year_is_judged_alike_in_the_api_and_the_consolidated_workbook()
    {
        var admin = Factory.ClientWithKey(UserKeys.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/units/P/targets/2021",
            new { targets = new[] { new { indicatorCode = "BEDS", text = "tăng 10% so với năm 2019" } } })).StatusCode);
        var d2 = Factory.ClientWithKey(UserKeys.D2);
        // 2019: 200 beds in all; 2020: 300; 2021: 225. Against 2019 (+12,5 %, 220 needed) the province exceeds its
        // target; against last year (330 needed) it would not.
        foreach (var (year, first, second) in new[] { ("2019", 100, 100), ("2020", 150, 150), ("2021", 115, 110) })
        {
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", year, new { values = new[] { new { indicatorCode = "BEDS", value = first } } })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await d2.SubmitAsync("D2", year, new { values = new[] { new { indicatorCode = "BEDS", value = second } } })).StatusCode);
        }

        var province = Factory.ClientWithKey(UserKeys.Province);
        var api = await (await province.GetAsync("/api/units/P/periods/2021/consolidated")).ReadAsync<ConsolidatedReport>();
        Assert.Equal(AttainmentStatus.Exceeded, api.Rows.Single(r => r.IndicatorCode == "BEDS").Attainment.Status);

        var bytes = await (await province.GetAsync("/api/units/P/periods/2021/consolidated.xlsx")).Content.ReadAsByteArrayAsync();
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "Tổng hợp");
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>();
        var beds = rows.Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => c.InnerText == "Tổng số giường bệnh"));
        string[] labels = ["Vượt", "Đạt", "Không đạt", "Không đánh giá", "Chưa có số liệu"];
        Assert.Equal("Vượt", Assert.Single(beds.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText), labels.Contains));
    }
}
