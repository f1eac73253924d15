using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Core.Tests.Workbooks;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Reports;

/// The result annex the API serves, recalculated by LibreOffice headless from its formulas alone (cached values
/// dropped), agrees with GET .../attainment row by row: % so với KH, so với cùng kỳ and the verdict.
[Collection(AzuriteCollection.Name)]
public sealed class LiveAnnexTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private async Task SetTargetsAsync(string unit, int year, params (string Code, string Text)[] targets)
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).PutAsJsonAsync($"/api/units/{unit}/targets/{year}",
            new { targets = targets.Select(t => new { indicatorCode = t.Code, text = t.Text }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("2024-Q1")]
    [InlineData("2024-H1")]
    public async Task The_recalculated_result_annex_agrees_with_the_attainment_api_in_every_row(string period)
    {
        await SetTargetsAsync("D1", 2024, ("BEDS", "≥400"), ("COVER", "83,9"), ("X001", "260.000"), ("X002", "tăng 5%"), ("X003", "Duy trì"), ("X004", "70.000 - 80.000"));
        foreach (var (p, values) in new[]
        {
            ("2023-Q1", Values(("BEDS", 390), ("COVER", 80.6m), ("X001", 60_000), ("X002", 1_000), ("X003", 500), ("X004", 20_000))),
            ("2023-H1", Values(("BEDS", 395), ("COVER", 81m), ("X001", 125_000), ("X002", 2_000), ("X003", 1_000), ("X004", 40_000))),
        })
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", p, values)).StatusCode);
        for (var m = 1; m <= 6; m++)
            Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", $"2024-M{m:00}",
                Values(("BEDS", 400 + m), ("COVER", 83.87m), ("X001", 21_000), ("X002", 350), ("X003", 170), ("X004", 6_000)))).StatusCode);

        var api = (await (await D1.GetAsync($"/api/units/D1/periods/{period}/attainment")).ReadAsync<AttainmentReport>()).Rows;
        var response = await D1.GetAsync($"/api/units/D1/periods/{period}/result.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = Texts(Recalculated.Of(new MemoryStream(await response.Content.ReadAsByteArrayAsync())), ResultAnnexWorkbook.SheetName);

        var rows = sheet.Where(kv => kv.Key.StartsWith('K') && char.IsAsciiDigit(kv.Key[1]))
            .ToDictionary(kv => kv.Value, kv => kv.Key[1..], StringComparer.Ordinal);
        Assert.Equal(api.Count, api.Count(r => rows.ContainsKey(r.IndicatorCode)));
        foreach (var row in api)
        {
            var r = rows[row.IndicatorCode];
            var what = $"{row.IndicatorCode} ({row.Target})";
            Assert.True(row.Label == sheet.GetValueOrDefault($"I{r}", ""), $"{what}: verdict {sheet.GetValueOrDefault($"I{r}")} where the API says {row.Label}");
            Assert.True(row.PercentOfPlan == Number(sheet, $"G{r}", 100), $"{what}: % so với KH {sheet.GetValueOrDefault($"G{r}")} where the API says {row.PercentOfPlan}");
            Assert.True(row.ChangeFromBaseline == Number(sheet, $"H{r}", row.ChangeIsPoints ? 1 : 100),
                $"{what}: so với cùng kỳ {sheet.GetValueOrDefault($"H{r}")} where the API says {row.ChangeFromBaseline}");
        }
        Assert.Equal("Đạt", sheet[$"I{rows["COVER"]}"]); // 83,87 of "83,9" is judged at the target's decimals
    }

    private static decimal? Number(Dictionary<string, string> sheet, string reference, int scale) =>
        sheet.TryGetValue(reference, out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? Math.Round(v * scale, 2) : null;

    // Every formula recalculated by LibreOffice headless from the visible cells; one sheet's values as text by reference.
    internal static Dictionary<string, string> Texts(IReadOnlyDictionary<string, Dictionary<string, SheetCell>> book, string sheetName) =>
        book[sheetName].ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);
}
