using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Tests.Seeds;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Column C, "Đơn vị tính", holds units such as "giường bệnh/10.000 dân". The column wraps between
/// words; a single word wider than the column is broken mid-word ("10.00|0 dân"), which reads wrong.
/// </summary>
public sealed class UnitColumnTests
{
    // The longest word of any unit in the seeded catalog, plus one character of cell padding.
    private static readonly int Needed = SeedFolder.Catalog.Indicators
        .SelectMany(i => i.Unit.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Max(w => w.Length) + 1;

    public static TheoryData<string, string> Sheets => new()
    {
        { "plan", "Kế hoạch" }, { "result", "Kết quả" }, { "form", DataEntryFormWorkbook.SheetName },
        { "consolidated", "Tổng hợp" }, { "consolidated", "Huyện Sơn Dương" }, { "consolidated", "Ma trận" },
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void The_unit_column_fits_the_longest_word_of_any_seeded_unit(string workbook, string sheet)
    {
        using var book = Opened.Build(s =>
        {
            switch (workbook)
            {
                case "plan": PlanAnnexWorkbook.Write(Samples.Plan(), s); break;
                case "result": ResultAnnexWorkbook.Write(Samples.Result(), s); break;
                case "form": DataEntryFormWorkbook.Write(Samples.Form(), s); break;
                default: ProvinceWorkbookWriter.Write(Samples.Consolidated(), s); break;
            }
        });

        var column = book.Sheet(sheet).Descendants<Column>().Single(c => c.Min!.Value <= 3 && c.Max!.Value >= 3);
        Assert.True(column.Width!.Value >= Needed, $"{sheet}: column C is {column.Width.Value} wide; the seeded units need {Needed}.");
    }
}

public sealed class RowHeightTests
{
    [Theory]
    [InlineData("giường bệnh/10.000 dân", 3)] // "giường" | "bệnh/10.000" | "dân": word wrap, not 22 characters ÷ 11
    [InlineData("giường", 1)]
    public void A_row_is_as_tall_as_its_unit_wraps_between_words(string unit, int lines)
    {
        var indicator = Samples.BedsPer10k with { Unit = unit };
        using var book = Opened.Build(s => DataEntryFormWorkbook.Write(Samples.Form(indicators: [indicator]), s));

        var row = book.Sheet(DataEntryFormWorkbook.SheetName).Descendants<Row>()
            .Single(r => r.Descendants<Cell>().Any(c => c.InlineString?.InnerText == unit));
        var height = row.Height?.Value ?? 15.75;
        Assert.InRange(height, lines * 15.75, lines * 15.75 + 2);
    }
}
