using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// The result annex recalculated by LibreOffice agrees with Core's attainment rules (what the API returns) row by
/// row: % so với KH, so với cùng kỳ and the verdict, before and after a reader corrects a number.
/// </summary>
public class LiveResultAnnexTests
{
    private const string Sheet = "Kết quả";
    private const uint K = ResultAnnexWorkbook.Code;

    private static MemoryStream Written(ResultAnnex annex)
    {
        var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(annex, stream);
        using (new Opened(stream)) { }
        return stream;
    }

    // Rows by indicator code, read from the hidden code column.
    private static Dictionary<string, uint> RowsByCode(Dictionary<string, SheetCell> sheet, uint code = K) =>
        sheet.Where(kv => SheetCells.ColumnOf(kv.Key) == code && kv.Key.Length > 1 && kv.Value.Text != "")
            .ToDictionary(kv => kv.Value.Text, kv => uint.Parse(kv.Key[AnnexSheet.ColumnName(code).Length..]), StringComparer.Ordinal);

    private static void AgreesWithTheApi(Dictionary<string, SheetCell> sheet, IEnumerable<ResultLine> lines, string columns = "GHIK")
    {
        var rows = RowsByCode(sheet, SheetCells.ColumnOf(columns[3..]));
        foreach (var line in lines)
        {
            var row = rows[line.Indicator.Code];
            var a = line.Attainment;
            var ofPlan = sheet.Number($"{columns[0]}{row}");
            var change = sheet.Number($"{columns[1]}{row}");
            var verdict = sheet.Text($"{columns[2]}{row}");
            var what = $"{line.Indicator.Code} ({line.Target?.Expression.Text})";
            Assert.True(a.Label == verdict, $"{what}: verdict {verdict} where the API says {a.Label}");
            Assert.True(a.PercentOfPlan == (ofPlan is { } p ? Math.Round(p * 100, 2) : null), $"{what}: % so với KH {ofPlan} where the API says {a.PercentOfPlan}");
            var scale = line.Indicator.Kind == IndicatorKind.Count ? 100 : 1;
            Assert.True(a.ChangeFromBaseline == (change is { } c ? Math.Round(c * scale, 2) : null), $"{what}: so với cùng kỳ {change} where the API says {a.ChangeFromBaseline}");
        }
    }

    [Theory]
    [InlineData("2021-H1")]
    [InlineData("2021-Q1")]
    [InlineData("2021")]
    public void After_recalculation_every_number_and_verdict_equals_the_apis(string code)
    {
        var period = Period.ParseCode(code);
        var annex = LiveSamples.Annex(period);
        var sheet = Recalculated.Of(Written(annex))[Sheet];
        AgreesWithTheApi(sheet, annex.Lines);
        var rows = RowsByCode(sheet);
        // The two rows that once disagreed, and the growth of a count.
        Assert.Equal(1m, sheet.Number($"G{rows["XA_TCQG"]}"));
        Assert.Equal("Đạt", sheet.Text($"I{rows["XA_TCQG"]}"));
        Assert.Equal(0.993m, sheet.Number($"G{rows["TSTDS"]}"));
        if (period.Kind == PeriodKind.FirstHalf) Assert.Equal(0.0244m, sheet.Number($"H{rows["LUOTKHAM"]}"));
    }

    [Fact]
    public void Correcting_the_plan_or_the_actual_updates_every_derived_cell_as_the_api_would()
    {
        var period = Period.FirstHalf(2021);
        var annex = LiveSamples.Annex(period);
        var rows = RowsByCode(Recalculated.Of(Written(annex))[Sheet]);
        var sheet = Recalculated.Of(Written(annex), document =>
        {
            Recalculated.SetNumber(document, Sheet, $"E{rows["GIUONG"]}", 410);
            Recalculated.SetNumber(document, Sheet, $"F{rows["LUOTKHAM"]}", 135000);
            Recalculated.SetNumber(document, Sheet, $"D{rows["TSTDS"]}", 14.3m);
            Recalculated.SetNumber(document, Sheet, $"F{rows["SDD_CN"]}", 12.9m);
        })[Sheet];
        var byCode = annex.Lines.ToDictionary(l => l.Indicator.Code);
        ResultLine Again(string code, string text, decimal? actual, decimal? baseline) =>
            LiveSamples.Line(byCode[code].Indicator, text, actual, baseline, null, period);
        ResultLine[] corrected =
        [
            Again("GIUONG", "410", 415, 400), Again("LUOTKHAM", "260.000", 135000, 128125),
            Again("TSTDS", "giảm 0,2‰", 14.2m, 14.3m), Again("SDD_CN", "dưới 13%", 12.9m, 13.4m),
        ];
        AgreesWithTheApi(sheet, corrected);
        Assert.Equal("Vượt", sheet.Text($"I{rows["GIUONG"]}"));
        Assert.Equal("Không đạt", sheet.Text($"I{rows["TSTDS"]}"));
        Assert.Equal("Đạt", sheet.Text($"I{rows["SDD_CN"]}"));
    }

    [Theory]
    [InlineData("2021-H1")]
    [InlineData("2021-Q3")]
    public void After_recalculation_the_consolidated_workbook_agrees_with_the_api_in_its_summary_and_every_district(string code)
    {
        var period = Period.ParseCode(code);
        var book = LiveProvince.Book(period);
        var stream = new MemoryStream();
        ProvinceWorkbookWriter.Write(book, stream);
        using (new Opened(stream)) { }
        var sheets = Recalculated.Of(stream);
        var summary = book.Summary.Select(f => new ResultLine(f.Indicator, f.Target, null, null, f.Attainment));
        AgreesWithTheApi(sheets[ProvinceWorkbookWriter.SummarySheet], summary, "IJKN");
        foreach (var district in book.Districts) AgreesWithTheApi(sheets[district.Unit.Name], district.Lines);
    }

    [Fact]
    public void The_plan_column_holds_the_targets_number_printed_in_its_written_words()
    {
        using var book = new Opened(Written(LiveSamples.Annex(Period.FirstHalf(2021))));
        var row = book.RowOf(Sheet, "Tỷ suất tăng dân số tự nhiên");
        Assert.Equal(0.2m, book.Number(Sheet, $"E{row}"));
        Assert.Equal("\"giảm \"0.0\"‰\"", book.NumberFormat(Sheet, $"E{row}"));
        var visits = book.RowOf(Sheet, "Số lượt người khám, chữa bệnh");
        Assert.Equal("#,##0", book.NumberFormat(Sheet, $"E{visits}"));
        Assert.Equal("\"≥\"0.0", book.NumberFormat(Sheet, $"E{book.RowOf(Sheet, "Số giường bệnh trên 10.000 dân")}"));
        Assert.Equal("70 – 80", book.Text(Sheet, $"E{book.RowOf(Sheet, "Tỷ lệ dân số tham gia bảo hiểm y tế")}"));
        Assert.Equal("0.00%", book.NumberFormat(Sheet, $"G{visits}"));
        Assert.Equal("+0.00%;-0.00%;0.00%", book.NumberFormat(Sheet, $"H{visits}"));
    }

    [Fact]
    public void A_verdict_the_row_cannot_compute_is_the_servers_value_and_its_note_says_so()
    {
        using var book = new Opened(Written(LiveSamples.Annex(Period.FullYear(2021))));
        var row = book.RowOf(Sheet, "Số ca ngộ độc thực phẩm");
        var cell = book.Cell(Sheet, $"I{row}")!;
        Assert.Null(cell.CellFormula);
        Assert.Equal("Đạt", book.Text(Sheet, $"I{row}"));
        Assert.Contains("máy chủ", book.Note(Sheet, $"I{row}"), StringComparison.Ordinal);
        Assert.Contains("năm 2020", book.Note(Sheet, $"I{row}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_verdict_carries_the_apis_reason_and_each_derived_actual_its_provenance()
    {
        var annex = LiveSamples.Annex(Period.Quarter(2021, 1));
        using var book = new Opened(Written(annex));
        foreach (var line in annex.Lines)
        {
            var row = book.RowOf(Sheet, line.Indicator.Name);
            Assert.StartsWith(line.Attainment.Reason, book.Note(Sheet, $"I{row}"), StringComparison.Ordinal);
        }
        var visits = book.RowOf(Sheet, "Số lượt người khám, chữa bệnh");
        Assert.Equal("Cộng dồn 3 tháng: T01–T03", book.Note(Sheet, $"F{visits}"));
        Assert.Contains("3/12", book.Note(Sheet, $"I{visits}"), StringComparison.Ordinal);
        Assert.Null(book.NoteOrNull(Sheet, $"F{book.RowOf(Sheet, "Tổng số giường bệnh")}"));
    }

    [Theory]
    [InlineData("≥18,7", "18.7", "\"≥\"0.0")]
    [InlineData("260.000", "260000", "#,##0")]
    [InlineData("100% xã", "100", "0\"% xã\"")]
    [InlineData("Duy trì 33 cơ sở khám, chữa bệnh trong huyện", "33", "\"Duy trì \"0\" cơ sở khám, chữa bệnh trong huyện\"")]
    [InlineData("giảm 0,2‰", "0.2", "\"giảm \"0.0\"‰\"")]
    [InlineData("≥95 (như năm 1995)", "95", null)]   // the number is not written exactly once
    [InlineData("đạt \"95\"", "95", null)]          // a quote cannot sit inside a format's words
    public void A_targets_words_become_the_number_format_around_its_number(string text, string number, string? format) =>
        Assert.Equal(format, LiveRow.WordsAround(text, decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)));
}
