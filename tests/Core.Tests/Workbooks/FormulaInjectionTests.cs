using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class FormulaInjectionTests
{
    public static TheoryData<string> Payloads => ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Text_starting_like_a_formula_is_written_as_quote_prefixed_text_in_annexes(string payload)
    {
        // A text cell (t="inlineStr") never carries <f>; quotePrefix="1" on its style keeps it text when a user edits it in Excel.
        var annex = Samples.Result();
        var lines = annex.Lines.Select(l => l.Indicator.Code == "CSGB"
            ? l with { Indicator = l.Indicator with { Name = payload }, Actual = l.Actual! with { Note = payload } } : l).ToList();
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex with { Lines = lines }, s));
        var cells = book.Sheet("Kết quả").Descendants<Cell>().Where(c => c.InlineString?.InnerText == payload).ToList();
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c =>
        {
            Assert.Null(c.CellFormula);
            Assert.Equal(CellValues.InlineString, c.DataType!.Value);
            Assert.True(book.Format("Kết quả", c.CellReference!).QuotePrefix!.Value);
        });
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Text_starting_like_a_formula_stays_text_in_the_flat_export(string payload)
    {
        var stream = new MemoryStream();
        await FlatExport.WriteAsync(stream, [new FlatRow("SD", payload, "TCDD", "Tỷ lệ", "%", Period.FullYear(2021), 1, null, null, payload)]);
        using var book = new Opened(stream);
        var cells = book.Sheet(FlatExport.SheetName).Descendants<Cell>().Where(c => c.InlineString?.InnerText == payload).ToList();
        Assert.Equal(2, cells.Count);
        // An inline string is never evaluated on opening; the Text number format (built-in id 49, "@") keeps the
        // cell text when someone edits it and presses Enter, where General would turn "=…" into a formula.
        Assert.All(cells, c =>
        {
            Assert.Null(c.CellFormula);
            Assert.Equal(49u, book.Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value).NumberFormatId!.Value);
        });
    }

    [Fact]
    public void Ordinary_text_is_not_quote_prefixed()
    {
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(Samples.Result(), s));
        Assert.Null(book.Format("Kết quả", "B12").QuotePrefix);
    }

    [Fact]
    public void A_district_note_carrying_a_formula_reaches_the_province_as_text()
    {
        var book = Samples.Consolidated();
        var district = book.Districts[0];
        var poisoned = district with { Lines = district.Lines.Select(l => l.Actual is null ? l : l with { Actual = l.Actual with { Note = "=1+1" } }).ToList() };
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(book with { Districts = [poisoned, book.Districts[1]] }, s));
        var notes = opened.Sheet("Huyện Sơn Dương").Descendants<Cell>().Where(c => c.InlineString?.InnerText == "=1+1").ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, c => Assert.True(opened.Format("Huyện Sơn Dương", c.CellReference!).QuotePrefix!.Value));
        Assert.DoesNotContain(opened.Sheet("Huyện Sơn Dương").Descendants<CellFormula>(), f => f.Text.Contains("1+1", StringComparison.Ordinal));
    }
}
