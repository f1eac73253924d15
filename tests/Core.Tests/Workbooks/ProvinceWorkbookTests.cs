using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class ProvinceWorkbookTests
{
    private static Opened Build() => Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated(), s));

    [Fact]
    public void Has_a_summary_a_sheet_per_district_a_matrix_and_the_missing_list()
    {
        using var book = Build();
        Assert.Equal(["Tổng hợp", "Ma trận", ChartSheets.SheetName, "Huyện Sơn Dương", "Huyện Yên Sơn", "Chưa báo cáo", "Cảnh báo sớm"], book.SheetNames);
        Assert.Equal("SỞ Y TẾ", book.Text("Tổng hợp", "A2"));
        var beds = book.RowOf("Tổng hợp", "Tổng số giường bệnh trong huyện");
        Assert.Equal(420m * 1.9m, book.Number("Tổng hợp", $"F{beds}"));
        Assert.Equal(400m * 1.9m, book.Number("Tổng hợp", $"D{beds}"));
        Assert.Contains($"ROUND(F{beds},1)/E{beds}", book.Cell("Tổng hợp", $"I{beds}")!.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Contains($"F{beds}", book.Cell("Tổng hợp", $"K{beds}")!.CellFormula!.Text, StringComparison.Ordinal);
        var level = book.RowOf("Tổng hợp", "Bệnh viện đạt mức chất lượng");
        Assert.Equal("Huyện Sơn Dương, Huyện Yên Sơn, Huyện Lâm Bình", book.Text("Tổng hợp", $"M{level}"));
        Assert.Equal("Thực hiện", book.Text("Huyện Yên Sơn", "F9"));
        Assert.Equal(("LB", "Huyện Lâm Bình"), (book.Text("Chưa báo cáo", "B4"), book.Text("Chưa báo cáo", "C4")));
    }

    [Fact]
    public void Matrix_colours_values_by_attainment_with_conditional_formats()
    {
        // conditionalFormatting with expression rules pointing at the hidden verdict grid; dxfs hold the colours.
        using var book = Build();
        var matrix = book.Sheet("Ma trận");
        Assert.Equal(("Huyện Sơn Dương", "Huyện Yên Sơn"), (book.Text("Ma trận", "F4"), book.Text("Ma trận", "G4")));
        var formatting = matrix.Elements<ConditionalFormatting>().First();
        Assert.StartsWith("F5:G", formatting.SequenceOfReferences!.InnerText, StringComparison.Ordinal);
        var rules = formatting.Elements<ConditionalFormattingRule>().ToList();
        Assert.Equal(["I5=\"Vượt\"", "I5=\"Đạt\"", "I5=\"Không đạt\"", "I5=\"Chưa có số liệu\"", "I5=\"Không đánh giá\""], rules.Select(r => r.GetFirstChild<Formula>()!.Text));
        Assert.All(rules, r => Assert.Equal(ConditionalFormatValues.Expression, r.Type!.Value));
        Assert.Equal(5, book.Styles.DifferentialFormats!.Elements<DifferentialFormat>().Count());
        var visits = book.RowOf("Ma trận", "Số lượt người khám, chữa bệnh");
        Assert.Equal(131250m, book.Number("Ma trận", $"F{visits}"));
        Assert.Equal("Không đạt", book.Text("Ma trận", $"I{visits}"));
        Assert.True(matrix.Descendants<Column>().Single(c => c.Min! == 9).Hidden!.Value);
    }

    [Fact]
    public void District_sheet_names_follow_excel_rules()
    {
        // A sheet name is at most 31 characters, without : \ / ? * [ ], and unique ignoring case.
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Tổng hợp" };
        Assert.Equal("Thành phố Tuyên Quang  mới", TabNames.Unique("Thành phố Tuyên Quang [mới]", used));
        Assert.Equal("tổng hợp (2)", TabNames.Unique("tổng hợp", used));
        Assert.Equal(31, TabNames.Unique(new string('x', 40), used).Length);
        Assert.Equal("xxxxxxxxxxxxxxxxxxxxxxxxxxx (2)", TabNames.Unique(new string('x', 40), used));
    }
}
