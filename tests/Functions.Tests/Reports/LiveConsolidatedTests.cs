using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Core.Tests.Workbooks;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Reports;

/// The consolidated workbook the API serves, recalculated by LibreOffice headless from its formulas alone, agrees
/// with GET .../consolidated: the summary's % so với KH, so với cùng kỳ and verdict and the matrix's province total per
/// indicator are the API's, and the summary's note
/// on each figure names the months the children's figures were formed from and lack (derivedFrom, missingPeriods).
[Collection(AzuriteCollection.Name)]
public sealed class LiveConsolidatedTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private static object Row(string code, decimal value, decimal? numerator = null, decimal? denominator = null) =>
        new { indicatorCode = code, value, numerator, denominator };

    [Fact]
    public async Task The_recalculated_matrix_totals_equal_the_consolidated_api_and_the_summary_notes_name_its_months()
    {
        var admin = Factory.ClientWithKey(UserKeys.Admin);
        var response = await admin.PutAsJsonAsync("/api/units/P/targets/2024",
            new { targets = new[] { new { indicatorCode = "BEDS", text = "≥800" }, new { indicatorCode = "COVER", text = "83,9" }, new { indicatorCode = "X001", text = "500.000" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d2 = Factory.ClientWithKey(UserKeys.D2);
        for (var m = 1; m <= 6; m++)
        {
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", $"2024-M{m:00}",
                new { values = new[] { Row("BEDS", 400 + m), Row("COVER", 83.87m, 26, 31), Row("X001", 21_000 + m) } })).StatusCode);
            // Huyện D2 does not send May.
            if (m != 5)
                Assert.Equal(HttpStatusCode.OK, (await d2.SubmitAsync("D2", $"2024-M{m:00}",
                    new { values = new[] { Row("BEDS", 300), Row("COVER", 75m, 30, 40), Row("X001", 19_500) } })).StatusCode);
        }
        var province = Factory.ClientWithKey(UserKeys.Province);
        var api = (await (await province.GetAsync("/api/units/P/periods/2024-H1/consolidated")).ReadAsync<ConsolidatedReport>()).Rows
            .ToDictionary(r => r.IndicatorCode);
        var download = await province.GetAsync("/api/units/P/periods/2024-H1/consolidated.xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        // Rows by the summary's hidden code column; the matrix lists the indicators in the same order.
        var book = Recalculated.Of(new MemoryStream(bytes));
        var summary = LiveAnnexTests.Texts(book, ProvinceWorkbookWriter.SummarySheet);
        var code = AnnexSheet.ColumnName(ProvinceSummarySheet.Code);
        var rows = summary.Where(kv => kv.Key.StartsWith(code, StringComparison.Ordinal) && char.IsAsciiDigit(kv.Key[code.Length]))
            .ToDictionary(kv => kv.Value, kv => uint.Parse(kv.Key[code.Length..], CultureInfo.InvariantCulture));
        var matrix = LiveAnnexTests.Texts(book, ProvinceWorkbookWriter.MatrixSheet);
        var total = AnnexSheet.ColumnName(ProvinceMatrixSheet.Total);
        foreach (var indicator in new[] { "BEDS", "COVER", "X001" })
        {
            var cell = $"{total}{rows[indicator] - ProvinceWorkbookWriter.SummaryFirstRow + ProvinceWorkbookWriter.MatrixFirstRow}";
            var sheet = decimal.Parse(matrix[cell], NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(Math.Round(api[indicator].Value!.Value, 6) == Math.Round(sheet, 6), $"{indicator}: total {sheet} where the API says {api[indicator].Value}");
        }
        // The summary's % so với KH, so với cùng kỳ and verdict, recalculated, are the API's province attainment.
        string Column(uint c) => AnnexSheet.ColumnName(c);
        foreach (var row in api.Values)
        {
            var r = rows[row.IndicatorCode];
            var a = row.Attainment;
            decimal? Number(uint c, int scale) => summary.TryGetValue($"{Column(c)}{r}", out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? Math.Round(v * scale, 2) : null;
            Assert.True(a.Label == summary.GetValueOrDefault($"{Column(ProvinceSummarySheet.Verdict)}{r}", ""), $"{row.IndicatorCode}: verdict where the API says {a.Label}");
            Assert.True(a.PercentOfPlan == Number(ProvinceSummarySheet.OfPlan, 100), $"{row.IndicatorCode}: % so với KH where the API says {a.PercentOfPlan}");
            Assert.True(a.ChangeFromBaseline == Number(ProvinceSummarySheet.OfBaseline, a.ChangeIsPoints ? 1 : 100), $"{row.IndicatorCode}: so với cùng kỳ where the API says {a.ChangeFromBaseline}");
        }
        Assert.Equal(21_001m + 21_002 + 21_003 + 21_004 + 21_005 + 21_006 + 19_500 * 5, api["X001"].Value);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook!.Sheets!.Elements<Sheet>()
            .Single(s => s.Name == ProvinceWorkbookWriter.SummarySheet).Id!);
        var value = AnnexSheet.ColumnName(ProvinceSummarySheet.Value);
        var note = part.WorksheetCommentsPart!.Comments!.Descendants<Comment>().Single(c => c.Reference == $"{value}{rows["X001"]}").InnerText;
        var months = api["X001"].DerivedFrom!.Select(Period.ParseCode).ToList();
        var missing = api["X001"].MissingPeriods!.Select(Period.ParseCode).ToList();
        Assert.Equal([Period.Month(2024, 5)], missing);
        Assert.Contains(PeriodNote.Of(true, months, missing).TrimEnd('.'), note, StringComparison.Ordinal);
        Assert.Contains("Cộng số liệu của 2 đơn vị.", note, StringComparison.Ordinal);
        Assert.Contains("đơn vị thiếu tháng: Huyện D2", note, StringComparison.Ordinal);
    }
}
