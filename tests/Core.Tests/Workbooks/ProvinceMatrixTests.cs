using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// The matrix's province columns: the province's target, and the total that is a formula wherever the API's
/// consolidation is one over visible cells, recalculated by LibreOffice to the value Core's consolidation gives.
/// </summary>
public class ProvinceMatrixTests
{
    private const string Matrix = ProvinceWorkbookWriter.MatrixSheet;

    // Sơn Dương and Yên Sơn of the sample, Lâm Bình silent, the province figures formed by Core's consolidation as the API forms them.
    internal static ProvinceWorkbook Consolidated()
    {
        var sample = Samples.Consolidated();
        string[] children = ["SD", "YS", "LB"];
        var summary = sample.Summary.Select(f =>
        {
            var observations = sample.Districts.Select(d => d.Lines.Single(l => l.Indicator.Code == f.Indicator.Code).Actual)
                .Where(o => o is not null).Select((o, i) => o! with { UnitCode = children[i] }).ToDictionary(o => o.UnitCode, StringComparer.Ordinal);
            var value = Consolidator.AcrossUnits(f.Indicator, children, observations, new Dictionary<string, long>());
            return new ProvinceFigure(f.Indicator, f.Target, value.Value, value.Numerator, value.Denominator, value.IncludedUnits.Count, value.MissingUnits,
                AttainmentRules.Evaluate(f.Indicator, sample.Period, f.Target?.Expression, value.Value, null)) { WithoutPartsUnits = value.WithoutPartsUnits };
        }).ToList();
        return sample with { Summary = summary };
    }

    private static MemoryStream Written(ProvinceWorkbook book)
    {
        var stream = new MemoryStream();
        ProvinceWorkbookWriter.Write(book, stream);
        return stream;
    }

    [Fact]
    public void The_matrix_shows_the_provinces_plan_and_total_before_the_children_whose_names_link_to_their_rows()
    {
        using var book = new Opened(Written(Consolidated()));
        Assert.Equal(["Kế hoạch năm 2021", "Toàn tỉnh", "Huyện Sơn Dương", "Huyện Yên Sơn"], new[] { "D4", "E4", "F4", "G4" }.Select(r => book.Text(Matrix, r)));
        var visits = book.RowOf(Matrix, "Số lượt người khám, chữa bệnh");
        Assert.Equal(260000m, book.Number(Matrix, $"D{visits}"));
        Assert.Equal("#,##0", book.NumberFormat(Matrix, $"D{visits}"));
        Assert.Equal($"IF(COUNT(F{visits}:G{visits})=0,\"\",SUM(F{visits}:G{visits}))", book.Cell(Matrix, $"E{visits}")!.CellFormula!.Text);
        Assert.StartsWith("Tổng các đơn vị đã có số liệu (2 đơn vị)", book.Note(Matrix, $"E{visits}"), StringComparison.Ordinal);
        var cover = book.RowOf(Matrix, "Xã đạt tiêu chí quốc gia về y tế");
        var summaryRow = book.RowOf(ProvinceWorkbookWriter.SummarySheet, "Xã đạt tiêu chí quốc gia về y tế");
        Assert.Contains($"'Tổng hợp'!G{summaryRow}/'Tổng hợp'!H{summaryRow}*100", book.Cell(Matrix, $"E{cover}")!.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Contains("tổng tử số chia tổng mẫu số × 100", book.Note(Matrix, $"E{cover}"), StringComparison.Ordinal);
        var level = book.RowOf(Matrix, "Bệnh viện đạt mức chất lượng");
        Assert.Null(book.Cell(Matrix, $"E{level}")!.CellValue);
        Assert.Contains("không cộng gộp", book.Note(Matrix, $"E{level}"), StringComparison.Ordinal);
        Assert.Equal(["'Huyện Sơn Dương'!A11", "'Huyện Yên Sơn'!A11"],
            book.Sheet(Matrix).Descendants<DocumentFormat.OpenXml.Spreadsheet.Hyperlink>().Select(l => l.Location!.Value));
        Assert.Equal("F5", book.Sheet(Matrix).Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().TopLeftCell!.Value);
    }

    [Fact]
    public void After_recalculation_every_province_total_equals_cores_consolidated_value()
    {
        var consolidated = Consolidated();
        var sheet = Recalculated.Of(Written(consolidated))[Matrix];
        // Matrix rows follow the annex order, a group heading taking a row.
        var rows = AnnexLines.Arrange(consolidated.Summary.Select(f => f.Indicator)).Select((l, i) => (l.Indicator, Row: ProvinceMatrixSheet.FirstRow + (uint)i))
            .Where(x => x.Indicator is not null).ToDictionary(x => x.Indicator!.Code, x => x.Row);
        Assert.Contains(consolidated.Summary, f => f.Indicator.HasParts && f.Value is not null);
        Assert.Contains(consolidated.Summary, f => f.Indicator.HasParts && f.Value is null && f.WithoutPartsUnits.Count > 0);
        foreach (var figure in consolidated.Summary)
        {
            var total = sheet.Number($"E{rows[figure.Indicator.Code]}");
            var expected = figure.Value is { } v ? Math.Round(v, 6) : (decimal?)null;
            Assert.True(expected == (total is { } t ? Math.Round(t, 6) : null), $"{figure.Indicator.Code}: total {total} where Core consolidates {figure.Value}");
        }
    }

    [Fact]
    public void A_corrected_childs_figure_changes_the_sum_and_not_a_rate_formed_from_parts()
    {
        var consolidated = Consolidated();
        using var opened = new Opened(Written(consolidated));
        var (visits, cover) = (opened.RowOf(Matrix, "Số lượt người khám, chữa bệnh"), opened.RowOf(Matrix, "Xã đạt tiêu chí quốc gia về y tế"));
        var sheet = Recalculated.Of(Written(consolidated), document =>
        {
            Recalculated.SetNumber(document, Matrix, $"G{visits}", 100_000);
            Recalculated.SetNumber(document, Matrix, $"G{cover}", 10);
        })[Matrix];
        Assert.Equal(131_250m + 100_000m, sheet.Number($"E{visits}"));
        Assert.Equal(Math.Round(52m / 62m * 100m, 6), Math.Round(sheet.Number($"E{cover}")!.Value, 6));
    }
}
