using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class ResultAnnexTests
{
    private const string Sheet = "Kết quả";
    private static Opened Build() => Opened.Build(s => ResultAnnexWorkbook.Write(Samples.Result(), s));

    [Fact]
    public void Heading_follows_decree_30()
    {
        // Decree 30/2020/NĐ-CP: issuing body top left in capitals (the body in bold), national name and motto top right in bold.
        using var book = Build();
        Assert.Equal("UBND HUYỆN SƠN DƯƠNG", book.Text(Sheet, "A1"));
        Assert.Equal("TRUNG TÂM Y TẾ", book.Text(Sheet, "A2"));
        Assert.NotNull(book.Font(Sheet, "A2").Bold);
        Assert.Null(book.Font(Sheet, "A1").Bold);
        var right = book.Merges(Sheet).Single(m => System.Text.RegularExpressions.Regex.IsMatch(m, "^[B-Z]1:[A-Z]+1$")).Split(':')[0];
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", book.Text(Sheet, right));
        Assert.NotNull(book.Font(Sheet, right).Bold);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", book.Text(Sheet, right.Replace('1', '2')));
        Assert.Equal("Biểu số 01", book.Text(Sheet, "A4"));
        Assert.Equal("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU Y TẾ 6 THÁNG ĐẦU NĂM 2021", book.Text(Sheet, "A5"));
        Assert.NotNull(book.Font(Sheet, "A5").Bold);
        Assert.StartsWith("(Kèm theo Báo cáo số", book.Text(Sheet, "A6"), StringComparison.Ordinal);
        Assert.NotNull(book.Font(Sheet, "A6").Italic);
        Assert.Equal("Times New Roman", book.Font(Sheet, "B11").GetFirstChild<FontName>()!.Val!.Value);
    }

    [Fact]
    public void Table_has_the_ten_result_columns()
    {
        using var book = Build();
        string[] expected = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", "Kế hoạch năm 2021", "Thực hiện", "% so với KH", "% so với cùng kỳ", "Đánh giá", "Ghi chú"];
        Assert.Equal(expected, expected.Select((_, i) => book.Text(Sheet, $"{(char)('A' + i)}9")));
    }

    [Fact]
    public void Groups_are_numbered_with_roman_numerals_and_breakdowns_sit_under_their_total()
    {
        using var book = Build();
        Assert.Equal("I", book.Text(Sheet, "A11"));
        Assert.Equal("KHÁM CHỮA BỆNH", book.Text(Sheet, "B11"));
        var total = book.RowOf(Sheet, "Tổng số giường bệnh trong huyện");
        Assert.Equal("2", book.Text(Sheet, $"A{total}"));
        Assert.Equal("Trong đó: Giường bệnh viện", book.Text(Sheet, $"B{total + 1}"));
        Assert.Equal("Giường trạm Y tế", book.Text(Sheet, $"B{total + 2}"));
        Assert.True(book.Format(Sheet, $"B{total + 1}").Alignment!.Indent!.Value > 0);
        Assert.NotNull(book.Font(Sheet, $"B{total + 1}").Italic);
        Assert.Contains(Enumerable.Range(11, 20), r => book.Text(Sheet, $"A{r}") == "III");
    }

    [Theory]
    [InlineData("Số lượt người khám, chữa bệnh", "#,##0", 131250)]
    [InlineData("Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "#,##0.0#", 48.2)]
    [InlineData("Số giường bệnh trên 10.000 dân", "#,##0.0#", 21.3)]
    public void Numbers_are_numbers_with_a_format_for_their_kind(string name, string format, double actual)
    {
        // SpreadsheetML: a numeric cell has no t attribute and its style's numFmt decides the display (separators follow the reader's locale).
        using var book = Build();
        var row = book.RowOf(Sheet, name);
        var cell = book.Cell(Sheet, $"F{row}")!;
        Assert.Null(cell.DataType);
        Assert.Equal((decimal)actual, book.Number(Sheet, $"F{row}"));
        Assert.Equal(format, book.NumberFormat(Sheet, $"F{row}"));
    }

    [Fact]
    public void Percent_columns_are_guarded_formulas_over_the_visible_cells_of_the_row()
    {
        // The % columns stay live: formulas over the plan, actual and baseline the reader sees, blank when a number is missing or zero.
        using var book = Build();
        var row = book.RowOf(Sheet, "Số lượt người khám, chữa bệnh");
        var ofPlan = book.Cell(Sheet, $"G{row}")!;
        Assert.Equal($"IF(OR(F{row}=\"\",E{row}=\"\"),\"\",IF(E{row}=0,\"\",ROUND(ROUND(F{row},1)/E{row},4)))", ofPlan.CellFormula!.Text);
        Assert.Equal("0.00%", book.NumberFormat(Sheet, $"G{row}"));
        Assert.Contains($"ROUND((F{row}-D{row})/D{row},4)", book.Cell(Sheet, $"H{row}")!.CellFormula!.Text, StringComparison.Ordinal);
        var rate = book.RowOf(Sheet, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi");
        Assert.Contains($"ROUND(F{rate}-D{rate},2)", book.Cell(Sheet, $"H{rate}")!.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Contains($"F{rate}", book.Cell(Sheet, $"I{rate}")!.CellFormula!.Text, StringComparison.Ordinal);
        Assert.True(book.WorkbookPart.Workbook!.CalculationProperties!.FullCalculationOnLoad!.Value);
        Assert.DoesNotContain(book.Sheet(Sheet).Descendants<Cell>(), c => c.CellFormula?.Text.Contains('L') == true);
    }

    [Fact]
    public void Written_targets_keep_their_words_around_a_live_number()
    {
        using var book = Build();
        var immunisation = book.RowOf(Sheet, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi");
        Assert.Equal(95m, book.Number(Sheet, $"E{immunisation}"));
        Assert.Equal("\">\"0\"%\"", book.NumberFormat(Sheet, $"E{immunisation}"));
        var visits = book.RowOf(Sheet, "Số lượt người khám, chữa bệnh");
        Assert.Equal(260000m, book.Number(Sheet, $"E{visits}"));
        Assert.Equal("Không đạt", book.Text(Sheet, $"I{visits}"));
        // Numbers and written targets in the plan column are centred alike.
        Assert.Equal(book.Format(Sheet, $"E{visits}").Alignment!.Horizontal!.Value, book.Format(Sheet, $"E{book.RowOf(Sheet, "Bệnh viện đạt mức chất lượng")}").Alignment!.Horizontal!.Value);
    }

    [Fact]
    public void Prints_on_landscape_a4_with_repeated_header_rows_and_frozen_panes()
    {
        // Print titles are the _xlnm.Print_Titles name local to the sheet; paperSize 9 is A4.
        using var book = Build();
        var ws = book.Sheet(Sheet);
        var setup = ws.GetFirstChild<PageSetup>()!;
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal("'Kết quả'!$9:$10", book.Names["_xlnm.Print_Titles#0"].Text);
        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal("C11", pane.TopLeftCell!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.All(ws.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.CustomWidth!.Value));
        Assert.True(ws.GetFirstChild<Columns>()!.Elements<Column>().Single(c => c.Min! == 11).Hidden!.Value);
    }

    [Fact]
    public void Signature_block_has_place_and_date_in_italics()
    {
        using var book = Build();
        var cell = book.Sheet(Sheet).Descendants<Cell>().Single(c => c.InlineString?.InnerText == "Sơn Dương, ngày 15 tháng 7 năm 2021");
        Assert.NotNull(book.Font(Sheet, cell.CellReference!).Italic);
        Assert.Contains(book.Sheet(Sheet).Descendants<Cell>(), c => c.InlineString?.InnerText == "GIÁM ĐỐC");
        Assert.Contains(book.Sheet(Sheet).Descendants<Cell>(), c => c.InlineString?.InnerText == "Nguyễn Văn An");
    }

    [Fact]
    public void An_official_figure_that_differs_from_its_own_parts_is_marked_on_the_actual()
    {
        // 512 / 1 062 is 48,2 %: the office published 50 % (a denominator estimated at the start of the year).
        var annex = Samples.Result();
        annex = annex with { Lines = [.. annex.Lines.Select(l => l.Indicator.Code == "TCDD" ? l with { Actual = Samples.Obs("TCDD", 50m, 512, 1062) } : l)] };
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex, s));
        var differing = book.NoteOrNull(Sheet, $"F{book.RowOf(Sheet, annex.Lines.Single(l => l.Indicator.Code == "TCDD").Indicator.Name)}");
        Assert.NotNull(differing);
        Assert.Contains("khác với tử số 512 / mẫu số 1.062", differing, StringComparison.Ordinal);
        // A figure that agrees with its parts (26 / 31 = 83,9) carries no such note.
        Assert.Null(book.NoteOrNull(Sheet, $"F{book.RowOf(Sheet, annex.Lines.Single(l => l.Indicator.Code == "XA_TCQG").Indicator.Name)}"));
    }
}
