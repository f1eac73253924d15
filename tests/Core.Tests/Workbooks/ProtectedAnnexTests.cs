using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// A verdict the row's cells cannot reproduce is the server's value: the sheet is protected without a password,
/// the figures a reader corrects are unlocked, every derived cell and the server's verdicts locked, and the note
/// says who computed it. (A cell is locked unless its format's protection says locked="0".)
/// </summary>
public class ProtectedAnnexTests
{
    private const string Sheet = ResultAnnexWorkbook.SheetName;

    private static bool Locked(Opened book, string sheet, string reference) => book.Format(sheet, reference).Protection?.Locked?.Value ?? true;

    private static void ProtectedWithoutPassword(Opened book, string sheet)
    {
        var protection = book.Sheet(sheet).GetFirstChild<SheetProtection>();
        Assert.NotNull(protection);
        Assert.True(protection.Sheet?.Value);
        Assert.Null(protection.Password);
        Assert.Null(protection.HashValue);
    }

    private static Opened Result(Period period) => Opened.Build(s => ResultAnnexWorkbook.Write(LiveSamples.Annex(period), s));

    [Fact]
    public void The_result_annex_is_protected_with_its_figures_unlocked_and_its_derived_cells_locked()
    {
        using var book = Result(Period.FullYear(2021));
        ProtectedWithoutPassword(book, Sheet);
        var beds = book.RowOf(Sheet, "Tổng số giường bệnh");
        foreach (var column in "DEFJ") Assert.False(Locked(book, Sheet, $"{column}{beds}"), $"{column}{beds} should be editable");
        foreach (var column in "ABCGHI") Assert.True(Locked(book, Sheet, $"{column}{beds}"), $"{column}{beds} should be locked");
        // The plan keeps its own number format ("≥18,7") in its unlocked twin.
        var perTenThousand = book.RowOf(Sheet, "Số giường bệnh trên 10.000 dân");
        Assert.False(Locked(book, Sheet, $"E{perTenThousand}"));
        Assert.Equal("\"≥\"0.0", book.NumberFormat(Sheet, $"E{perTenThousand}"));
        // Unlocked cells keep the annex's look: no input colour on a document an official signs.
        Assert.Equal(book.Format(Sheet, $"G{beds}").FillId?.Value, book.Format(Sheet, $"F{beds}").FillId?.Value);
    }

    [Fact]
    public void LibreOffice_keeps_the_protection_and_the_unlocked_figures_when_it_saves_the_annex_again()
    {
        var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(LiveSamples.Annex(Period.FullYear(2021)), stream);
        var directory = Directory.CreateTempSubdirectory("hf-protect-").FullName;
        try
        {
            var file = Path.Combine(directory, "result.xlsx");
            File.WriteAllBytes(file, stream.ToArray());
            using var resaved = new Opened(File.OpenRead(Recalculated.Convert(directory, file, "xlsx:Calc MS Excel 2007 XML")), validate: false);
            Assert.True(resaved.Sheet(Sheet).GetFirstChild<SheetProtection>()?.Sheet?.Value);
            uint row;
            using (var written = new Opened(stream)) row = written.RowOf(Sheet, "Số ca ngộ độc thực phẩm"); // LibreOffice saves text as shared strings
            Assert.False(Locked(resaved, Sheet, $"F{row}"));
            Assert.True(Locked(resaved, Sheet, $"I{row}"));
        }
        finally { Directory.Delete(directory, true); }
    }

    [Fact]
    public void A_verdict_computed_by_the_server_is_locked_and_its_note_says_the_server_computed_it()
    {
        using var book = Result(Period.FullYear(2021));
        var row = book.RowOf(Sheet, "Số ca ngộ độc thực phẩm");
        Assert.Null(book.Cell(Sheet, $"I{row}")!.CellFormula);
        Assert.True(Locked(book, Sheet, $"I{row}"));
        Assert.True(Locked(book, Sheet, $"H{row}"));
        var note = book.Note(Sheet, $"I{row}");
        Assert.Contains("do máy chủ tính", note, StringComparison.Ordinal);
        Assert.Contains("Ô được khóa", note, StringComparison.Ordinal);
        // A verdict written as a formula says nothing about locking: it follows the cells.
        var beds = book.RowOf(Sheet, "Tổng số giường bệnh");
        Assert.NotNull(book.Cell(Sheet, $"I{beds}")!.CellFormula);
        Assert.DoesNotContain("khóa", book.Note(Sheet, $"I{beds}"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_projected_year_end_and_its_verdict_are_the_servers_locked_with_a_note_on_how_they_were_projected()
    {
        var half = Period.FirstHalf(2021);
        var annex = LiveSamples.Annex(half);
        // 131.250 visits in 6 months, projected at pace and judged by Core's rules.
        annex = annex with { Lines = annex.Lines.Select(l => l.Indicator.Code == "LUOTKHAM"
            ? l with { Projection = Projection.Judge(l.Indicator, half, l.Target!.Expression, 262_500, ProjectionBasis.Pace, null) } : l).ToList() };
        using var book = Opened.Build(s => ResultAnnexWorkbook.Write(annex, s));
        var visits = book.RowOf(Sheet, "Số lượt người khám, chữa bệnh");
        var (projected, verdict) = (AnnexSheet.ColumnName(ResultAnnexWorkbook.Projected), AnnexSheet.ColumnName(ResultAnnexWorkbook.ProjectedVerdict));
        Assert.NotNull(book.Number(Sheet, $"{projected}{visits}"));
        Assert.True(Locked(book, Sheet, $"{projected}{visits}"));
        Assert.True(Locked(book, Sheet, $"{verdict}{visits}"));
        var note = book.Note(Sheet, $"{verdict}{visits}");
        Assert.StartsWith("Theo tiến độ: × 12 / 6 tháng", note, StringComparison.Ordinal);
        Assert.Contains("do máy chủ tính", note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_province_summary_and_each_district_sheet_are_protected_the_same_way()
    {
        using var book = Opened.Build(s => ProvinceWorkbookWriter.Write(LiveProvince.Book(Period.FullYear(2021)), s));
        const string summary = ProvinceWorkbookWriter.SummarySheet;
        ProtectedWithoutPassword(book, summary);
        var row = book.RowOf(summary, "Số ca ngộ độc thực phẩm");
        foreach (var column in "DEFGH") Assert.False(Locked(book, summary, $"{column}{row}"), $"{column}{row} should be editable");
        foreach (var column in "IJKLM") Assert.True(Locked(book, summary, $"{column}{row}"), $"{column}{row} should be locked");
        Assert.Contains("do máy chủ tính", book.Note(summary, $"K{row}"), StringComparison.Ordinal);
        ProtectedWithoutPassword(book, "Huyện Yên Sơn");
        var district = book.RowOf("Huyện Yên Sơn", "Số ca ngộ độc thực phẩm");
        Assert.False(Locked(book, "Huyện Yên Sơn", $"F{district}"));
        Assert.True(Locked(book, "Huyện Yên Sơn", $"I{district}"));
    }

    [Fact]
    public void The_early_warning_sheet_holds_only_server_figures_so_it_is_protected_whole_and_says_why()
    {
        using var book = Opened.Build(s => ProvinceWorkbookWriter.Write(LiveProvince.Book(Period.FirstHalf(2021)), s));
        ProtectedWithoutPassword(book, EarlyWarningSheet.Name);
        Assert.Equal("Đánh giá dự kiến", book.Text(EarlyWarningSheet.Name, "H3"));
        Assert.Contains("do máy chủ tính", book.Note(EarlyWarningSheet.Name, "H3"), StringComparison.Ordinal);
        Assert.DoesNotContain(book.Sheet(EarlyWarningSheet.Name).Descendants<Cell>(), c => !Locked(book, EarlyWarningSheet.Name, c.CellReference!.Value!));
    }

    [Fact]
    public void The_table_of_many_children_is_protected_but_stays_filterable()
    {
        var sample = Samples.Consolidated();
        var children = Enumerable.Range(1, ProvinceWorkbookWriter.MaxChildSheets + 1)
            .Select(i => sample.Districts[0] with { Unit = Samples.District($"X{i:000}", $"Xã số {i}") }).ToList();
        using var book = Opened.Build(s => ProvinceWorkbookWriter.Write(sample with { Districts = children }, s));
        ProtectedWithoutPassword(book, ChildrenTable.SheetName);
        var protection = book.Sheet(ChildrenTable.SheetName).GetFirstChild<SheetProtection>()!;
        Assert.False(protection.AutoFilter?.Value);
        Assert.False(protection.Sort?.Value);
        Assert.False(Locked(book, ChildrenTable.SheetName, "H4"));
        Assert.True(Locked(book, ChildrenTable.SheetName, "K4"));
    }
}
