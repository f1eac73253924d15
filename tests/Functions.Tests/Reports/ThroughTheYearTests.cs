using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Lookup;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using static HealthFuncs.Functions.Tests.Infrastructure.HttpExtensions;

namespace HealthFuncs.Functions.Tests.Reports;

/// Months submitted, quarters, 6 and 9 months and the year read: derived where not reported, with where they came
/// from, and the projected year end against the year's target. X001 is a flow count (lượt), BEDS a stock.
[Collection(AzuriteCollection.Name)]
public sealed class ThroughTheYearTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Province => Factory.ClientWithKey(UserKeys.Province);

    private async Task SetTargetsAsync(string unit, int year, params (string Code, string Text)[] targets)
    {
        var response = await Factory.ClientWithKey(UserKeys.Admin).PutAsJsonAsync($"/api/units/{unit}/targets/{year}",
            new { targets = targets.Select(t => new { indicatorCode = t.Code, text = t.Text }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// Each month's form on its own, as an office sends them; <paramref name="skip"/> months are never sent.
    private static async Task SubmitMonthsAsync(HttpClient client, string unit, int year, int through, Func<int, (string, decimal)[]> values, params int[] skip)
    {
        for (var m = 1; m <= through; m++)
        {
            if (skip.Contains(m)) continue;
            var response = await client.SubmitAsync(unit, $"{year}-M{m:00}", Values(values(m)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<AttainmentRow> RowAsync(HttpClient client, string unit, string period, string code) =>
        (await (await client.GetAsync($"/api/units/{unit}/periods/{period}/attainment")).ReadAsync<AttainmentReport>()).Rows.Single(r => r.IndicatorCode == code);

    private static string J(IEnumerable<string>? codes) => string.Join(",", codes ?? []);

    private static string[] Months(int year, int from, int to) => Enumerable.Range(from, to - from + 1).Select(m => $"{year}-M{m:00}").ToArray();

    [Fact]
    public async Task A_district_that_sent_only_months_has_its_quarters_half_year_nine_months_and_year_with_projections()
    {
        await SetTargetsAsync("D1", 2024, ("X001", "260.000"), ("BEDS", "420"));
        await SubmitMonthsAsync(D1, "D1", 2024, 9, m => [("X001", 20_000), ("BEDS", 400 + m)]);

        var q1 = await RowAsync(D1, "D1", "2024-Q1", "X001");
        Assert.Equal((60_000m, J(Months(2024, 1, 3))), (q1.Actual, J(q1.DerivedFrom)));
        var h1 = await RowAsync(D1, "D1", "2024-H1", "X001");
        Assert.Equal((120_000m, AttainmentStatus.NotMet), (h1.Actual, h1.Status)); // 120.000 of 6/12 × 260.000 = 130.000
        // 9 months of 20.000 visits and no history: 180.000 × 12 / 9 = 240.000 against "260.000": Không đạt.
        var nine = await RowAsync(D1, "D1", "2024-9M", "X001");
        Assert.Equal((180_000m, 240_000m, "Không đạt", ProjectionBasis.Pace), (nine.Actual, nine.ProjectedYearEnd, nine.ProjectedLabel, nine.ProjectionBasis));
        Assert.Empty(nine.MissingPeriods!);
        // The year so far: partial, the three months still to come named, and no projection of a year.
        var year = await RowAsync(D1, "D1", "2024", "X001");
        Assert.Equal((180_000m, J(Months(2024, 10, 12)), (decimal?)null), (year.Actual, J(year.MissingPeriods), year.ProjectedYearEnd));
        // A stock's quarter is its last month; its projection is that value.
        var beds = await RowAsync(D1, "D1", "2024-Q2", "BEDS");
        Assert.Equal((406m, "2024-M06", 406m, "Không đạt"), (beds.Actual, J(beds.DerivedFrom), beds.ProjectedYearEnd, beds.ProjectedLabel));

        // =HEALTH.VALUE on a quarter, by code or by label.
        var items = new object[]
        {
            new { kind = "value", indicatorCode = "X001", unitCode = "D1", period = "2024-Q2" },
            new { kind = "value", indicatorCode = "BEDS", unitCode = "D1", period = "Quý III/2024" },
        };
        var lookup = await (await D1.PostAsJsonAsync("/api/lookup", new { items })).ReadAsync<LookupResponse>();
        Assert.Equal([60_000m, 409m], lookup.Results.Select(r => r.Value));
    }

    [Fact]
    public async Task Last_years_figures_formed_from_its_months_shape_the_projection()
    {
        await SetTargetsAsync("D1", 2024, ("X001", "260.000"));
        // 2023: 12 500 a month to September, 70 000 a month in the last quarter: 9 months 112.500, year 322.500.
        await SubmitMonthsAsync(D1, "D1", 2023, 12, m => [("X001", m <= 9 ? 12_500 : 70_000)]);
        await SubmitMonthsAsync(D1, "D1", 2024, 9, _ => [("X001", 20_000)]);

        var nine = await RowAsync(D1, "D1", "2024-9M", "X001");
        // 180.000 × 322.500 / 112.500 = 516.000: Vượt, where the pace alone would say Không đạt.
        Assert.Equal((112_500m, 516_000m, "Vượt", ProjectionBasis.LastYear), (nine.Baseline, nine.ProjectedYearEnd, nine.ProjectedLabel, nine.ProjectionBasis));
    }

    [Fact]
    public async Task A_province_nine_months_are_its_districts_nine_months_each_formed_from_months()
    {
        await SetTargetsAsync("P", 2024, ("X001", "400.000"));
        await SetTargetsAsync("D1", 2024, ("X001", "260.000"));
        await SetTargetsAsync("D2", 2024, ("X001", "100.000"));
        await SubmitMonthsAsync(D1, "D1", 2024, 9, _ => [("X001", 20_000)]);
        await SubmitMonthsAsync(Factory.ClientWithKey(UserKeys.D2), "D2", 2024, 9, _ => [("X001", 10_000)], skip: 5);

        var consolidated = await (await Province.GetAsync("/api/units/P/periods/2024-9M/consolidated")).ReadAsync<ConsolidatedReport>();
        var visits = consolidated.Rows.Single(r => r.IndicatorCode == "X001");
        Assert.Equal((260_000m, "D1,D2"), (visits.Value, J(visits.IncludedUnits)));
        Assert.Equal(("2024-M05", "D2"), (J(visits.MissingPeriods), J(visits.PartialUnits)));
        Assert.Equal(Months(2024, 1, 9), visits.DerivedFrom!.ToArray());
        // Each district projected on its own: D1 240.000 + D2 80.000 × 12 / 8 = 120.000 → 360.000 of "400.000".
        Assert.Equal((360_000m, "Không đạt"), (visits.Attainment.ProjectedYearEnd, visits.Attainment.ProjectedLabel));
        // The province's own attainment reads the same figure and projects it the same way.
        var own = await RowAsync(Province, "P", "2024-9M", "X001");
        Assert.Equal((260_000m, 360_000m, "2024-M05"), (own.Actual, own.ProjectedYearEnd, J(own.MissingPeriods)));

        var q1 = await RowAsync(Province, "P", "2024-Q1", "X001");
        var h1 = await RowAsync(Province, "P", "2024-H1", "X001");
        var year = await RowAsync(Province, "P", "2024", "X001");
        Assert.Equal((90_000m, 170_000m, 260_000m), (q1.Actual, h1.Actual, year.Actual));
        Assert.Equal(new[] { "2024-M05" }.Concat(Months(2024, 10, 12)), year.MissingPeriods!);
    }

    [Fact]
    public async Task The_annexes_say_how_a_figure_was_formed_and_warn_early()
    {
        await SetTargetsAsync("D1", 2024, ("X001", "260.000"));
        await SubmitMonthsAsync(D1, "D1", 2024, 9, _ => [("X001", 20_000)]);

        using (var annex = await WorkbookAsync(await D1.GetAsync("/api/units/D1/periods/2024-9M/result.xlsx")))
        {
            var row = RowOf(annex, "Kết quả", "Chỉ tiêu thử 1");
            Assert.Equal(("180000", "Cộng dồn 9 tháng: T01–T09"), (Text(annex, "Kết quả", $"F{row}"), Text(annex, "Kết quả", $"J{row}")));
            Assert.Equal(("Dự kiến cả năm", "240000", "Không đạt"), (Text(annex, "Kết quả", "L9"), Text(annex, "Kết quả", $"L{row}"), Text(annex, "Kết quả", $"M{row}")));
        }
        using var book = await WorkbookAsync(await Province.GetAsync("/api/units/P/periods/2024-9M/consolidated.xlsx"));
        Assert.Equal(("Huyện D1", "Chỉ tiêu thử 1", "240000", "Không đạt"),
            (Text(book, EarlyWarningSheet.Name, "B4"), Text(book, EarlyWarningSheet.Name, "C4"), Text(book, EarlyWarningSheet.Name, "G4"), Text(book, EarlyWarningSheet.Name, "H4")));
    }

    [Fact]
    public async Task A_reported_cumulative_that_disagrees_with_its_months_is_accepted_with_a_warning_and_wins()
    {
        await SubmitMonthsAsync(D1, "D1", 2024, 9, m => [("X001", 10_000), ("BEDS", 420)]);
        var response = await D1.SubmitAsync("D1", "2024-9M", Values(("X001", 95_000), ("BEDS", 415)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync<ImportSummary>();
        Assert.Equal(2, summary.Imported);
        var visits = summary.Warnings.Single(w => w.IndicatorCode == "X001");
        Assert.Contains("9 tháng năm 2024 là 95.000", visits.MessageVi);
        Assert.Contains("T01–T09 được 90.000", visits.MessageVi);
        var beds = summary.Warnings.Single(w => w.IndicatorCode == "BEDS");
        Assert.Contains("tháng 9/2024: 420", beds.MessageVi);

        var nine = await RowAsync(D1, "D1", "2024-9M", "X001");
        Assert.Equal((95_000m, 0), (nine.Actual, nine.DerivedFrom!.Count));
        // The year is then the reported 9 months, October to December still to come.
        var year = await RowAsync(D1, "D1", "2024", "X001");
        Assert.Equal((95_000m, "2024-9M"), (year.Actual, J(year.DerivedFrom)));
    }

    [Fact]
    public async Task A_month_larger_than_the_quarter_already_reported_around_it_is_warned_about()
    {
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2024-Q1", Values(("X001", 30_000)))).StatusCode);
        var summary = await (await D1.SubmitAsync("D1", "2024-M02", Values(("X001", 40_000)))).ReadAsync<ImportSummary>();
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains("quý I/2024 là 30.000, nhỏ hơn số tháng 2/2024 (40.000)", warning.MessageVi);
        Assert.Equal(1, summary.Imported);
    }

    [Fact]
    public async Task A_derived_figure_reads_only_the_version_each_months_form_points_at()
    {
        await SubmitMonthsAsync(D1, "D1", 2024, 3, _ => [("X001", 20_000)]);
        Assert.Equal(HttpStatusCode.OK, (await D1.SubmitAsync("D1", "2024-M02", Values(("X001", 25_000)), ifMatch: "\"1\"")).StatusCode);
        // A writer's next version of March, written but never committed: invisible until the form points at it.
        await Factory.Get<ValueStore>().WriteAsync("D1", Period.Month(2024, 3), 2, [new Observation("D1", "X001", Period.Month(2024, 3), 999_999)],
            new VersionClaim("uncommitted", "d1-staff", DateTimeOffset.UtcNow));

        var q1 = await RowAsync(D1, "D1", "2024-Q1", "X001");
        Assert.Equal(65_000m, q1.Actual);
    }

    private static async Task<MemoryStream> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(stream, false))
            Assert.Empty(new OpenXmlValidator().Validate(document));
        return stream;
    }

    private static IEnumerable<Cell> Cells(Stream stream, string sheet)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var id = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)document.WorkbookPart.GetPartById(id)).Worksheet!.Descendants<Cell>().ToList();
    }

    private static string Text(Stream stream, string sheet, string reference) =>
        Cells(stream, sheet).FirstOrDefault(c => c.CellReference == reference) is { } cell
            ? cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? ""
            : "";

    private static uint RowOf(Stream stream, string sheet, string name) =>
        uint.Parse(Cells(stream, sheet).First(c => c.CellReference!.Value!.StartsWith('B') && c.InlineString?.InnerText == name).CellReference!.Value![1..],
            System.Globalization.CultureInfo.InvariantCulture);
}
