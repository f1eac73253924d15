using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// "Ma trận": indicators × children. TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm (the province's target) | Toàn tỉnh |
/// one column per child, each child's name a link to its rows. The province total is a formula where the API's
/// consolidation is one over the row's visible cells: counts are the sum of the children's cells; a percentage, ratio
/// or rate is summed numerators over summed denominators, the parts shown on "Tổng hợp", so that formula reads them
/// there; a level has no province figure. A note on each total states its rule. The children's values are coloured
/// by their verdicts through conditional formats reading a hidden grid of the verdicts beside them.
/// </summary>
public static class ProvinceMatrixSheet
{
    /// <summary>Columns of the province's plan and total; the children's columns start at <see cref="FirstChild"/>.</summary>
    public const uint Plan = 4, Total = 5, FirstChild = 6;
    /// <summary>The header row and the first body row.</summary>
    public const uint HeadRow = 4, FirstRow = 5;

    /// <summary>Lays out the matrix of <paramref name="book"/>; <paramref name="links"/> are the places each child's name links to.</summary>
    public static AnnexSheet Layout(ProvinceWorkbook book, IReadOnlyList<string> links)
    {
        var districts = book.Districts;
        var count = (uint)districts.Count;
        var statusStart = FirstChild + count + 1; // one empty hidden column between values and verdicts
        // Protected without a password: the children's figures and the plan editable, the totals locked; the plan and
        // the total stay in view while scrolling through a hundred communes.
        var sheet = new AnnexSheet(ProvinceWorkbookWriter.MatrixSheet) { Landscape = true, PrintTitles = (HeadRow, HeadRow), FreezeAt = $"{AnnexSheet.ColumnName(FirstChild)}{FirstRow}", Protect = true };
        sheet.Width(1, 6); sheet.Width(2, 40); sheet.Width(3, 12); sheet.Width(Plan, 12); sheet.Width(Total, 13);
        for (var i = 0u; i < count; i++) { sheet.Width(FirstChild + i, 12); sheet.Width(statusStart + i, 12, hidden: true); }
        sheet.Width(FirstChild + count, 3, hidden: true);
        var lastColumn = Math.Max(FirstChild - 1 + count, 6);
        sheet.Merge(1, 1, lastColumn, 1, $"KẾT QUẢ THỰC HIỆN CHỈ TIÊU THEO ĐƠN VỊ - {AnnexFrame.PeriodText(book.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        sheet.Height(1, 40);
        string[] heads = ["TT", "Chỉ tiêu", "Đơn vị tính", $"Kế hoạch năm {book.Period.Year}", $"Toàn {ProvinceWord(book)}"];
        for (var i = 0; i < heads.Length; i++) sheet.Text((uint)i + 1, HeadRow, heads[i], Look.Head);
        for (var i = 0; i < districts.Count; i++)
        {
            sheet.Text(FirstChild + (uint)i, HeadRow, districts[i].Unit.Name, Look.Head);
            sheet.Link(FirstChild + (uint)i, HeadRow, links[i]);
            sheet.Text(statusStart + (uint)i, HeadRow, districts[i].Unit.Code, Look.Plain);
        }
        sheet.Height(HeadRow, 45);

        var lines = districts.Select(d => d.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal)).ToList();
        var byCode = book.Summary.ToDictionary(f => f.Indicator.Code, StringComparer.Ordinal);
        var row = FirstRow;
        foreach (var line in AnnexLines.Arrange(book.Summary.Select(f => f.Indicator)))
        {
            if (line.Indicator is not { } indicator)
            {
                sheet.Text(1, row, line.Number, Look.GroupNumber);
                sheet.Merge(2, row, Math.Max(FirstChild - 1 + count, Total), row, line.Text, Look.Group);
                row++;
                continue;
            }
            sheet.Text(1, row, line.Number, Look.RowNumber);
            sheet.Text(2, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
            sheet.Text(3, row, indicator.Unit, Look.Centred);
            var figure = byCode[indicator.Code];
            var plan = LiveRow.PlanOf(figure.Target?.Expression);
            if (plan.IsNumber) sheet.Number(Plan, row, plan.Number, Look.PlanNumber, plan.Format!);
            else sheet.Text(Plan, row, plan.Text, Look.Centred);
            sheet.Unlock(Plan, row);
            for (var i = 0; i < districts.Count; i++)
            {
                var result = lines[i].GetValueOrDefault(indicator.Code);
                sheet.Number(FirstChild + (uint)i, row, result?.Actual?.Value, AnnexFrame.ValueLook(indicator, result?.Actual?.Value));
                sheet.Unlock(FirstChild + (uint)i, row);
                sheet.Text(statusStart + (uint)i, row, result?.Attainment.Label ?? Labels.Of(AttainmentStatus.NoData), Look.Plain);
            }
            WriteTotal(sheet, row, figure, count, row - FirstRow + ProvinceWorkbookWriter.SummaryFirstRow);
            row++;
        }
        if (count > 0 && row > FirstRow)
        {
            var range = $"{AnnexSheet.Ref(FirstChild, FirstRow)}:{AnnexSheet.Ref(FirstChild - 1 + count, row - 1)}";
            sheet.ConditionalFormats.Add(Colours(range, AnnexSheet.Ref(statusStart, FirstRow), 1));
        }
        // The legend under the table is coloured by the same rules, each cell by its own text.
        var legend = row + 1;
        sheet.Text(2, legend, "Chú thích màu:", Look.BoldLeft);
        for (var i = 0u; i < Coloured.Length; i++) sheet.Text(2, legend + 1 + i, Labels.Of(Coloured[i]), Look.Centred);
        sheet.ConditionalFormats.Add(Colours($"B{legend + 1}:B{legend + (uint)Coloured.Length}", $"B{legend + 1}", 10));
        return sheet;
    }

    /// <summary>The province total of a row, by the API's consolidation rule for the indicator's kind, with that rule as a note.</summary>
    private static void WriteTotal(AnnexSheet sheet, uint row, ProvinceFigure figure, uint count, uint summaryRow)
    {
        var indicator = figure.Indicator;
        var look = AnnexFrame.ValueLook(indicator, figure.Value);
        if (indicator.Kind == IndicatorKind.Level)
        {
            sheet.Number(Total, row, null, look);
            sheet.Note(Total, row, "Mức (xếp hạng) không cộng gộp được giữa các đơn vị: không có số toàn tỉnh.");
            return;
        }
        if (indicator.HasParts)
        {
            var summary = AnnexBook.Quote(ProvinceWorkbookWriter.SummarySheet);
            var (n, d) = ($"{summary}!{AnnexSheet.Ref(ProvinceSummarySheet.Num, summaryRow)}", $"{summary}!{AnnexSheet.Ref(ProvinceSummarySheet.Den, summaryRow)}");
            var scale = Figures.Normalize(indicator.Scale).ToString(CultureInfo.InvariantCulture);
            sheet.Formula(Total, row, $"IF(OR({n}=\"\",{d}=\"\"),\"\",IF({d}=0,\"\",{n}/{d}*{scale}))", figure.Value, look);
            sheet.Note(Total, row, $"Không cộng hay lấy trung bình các ô bên cạnh: tổng tử số chia tổng mẫu số{(indicator.Scale == 1 ? "" : $" × {scale}")} "
                + $"của {figure.IncludedUnits} đơn vị có đủ tử số và mẫu số (cột Tử số, Mẫu số ở trang Tổng hợp)."
                + (figure.WithoutPartsUnits.Count > 0 ? $" Không tính {figure.WithoutPartsUnits.Count} đơn vị thiếu tử số/mẫu số." : ""));
            return;
        }
        if (count == 0) { sheet.Number(Total, row, figure.Value, look); return; }
        var cells = $"{AnnexSheet.Ref(FirstChild, row)}:{AnnexSheet.Ref(FirstChild + count - 1, row)}";
        sheet.Formula(Total, row, $"IF(COUNT({cells})=0,\"\",SUM({cells}))", figure.Value, look);
        sheet.Note(Total, row, $"Tổng các đơn vị đã có số liệu ({figure.IncludedUnits} đơn vị); đơn vị chưa có số liệu không tính là 0.");
    }

    // "tỉnh" for a province, "huyện" for a district's own workbook of communes.
    private static string ProvinceWord(ProvinceWorkbook book) => book.UnitName.StartsWith("Huyện", StringComparison.OrdinalIgnoreCase) ? "huyện" : "tỉnh";

    // Every verdict the matrix can show has its colour and its line in the legend; differential format i colours Coloured[i].
    private static readonly AttainmentStatus[] Coloured =
        [AttainmentStatus.Exceeded, AttainmentStatus.Met, AttainmentStatus.NotMet, AttainmentStatus.NoData, AttainmentStatus.NotAssessed];

    /// <summary>Rules colouring <paramref name="range"/> by the verdict text found relative to <paramref name="statusCell"/>.</summary>
    private static ConditionalFormatting Colours(string range, string statusCell, int firstPriority)
    {
        var formatting = new ConditionalFormatting { SequenceOfReferences = new ListValue<StringValue> { InnerText = range } };
        for (var i = 0; i < Coloured.Length; i++)
            formatting.Append(new ConditionalFormattingRule(new Formula($"{statusCell}=\"{Labels.Of(Coloured[i])}\""))
            {
                Type = ConditionalFormatValues.Expression, FormatId = (uint)i, Priority = firstPriority + i, StopIfTrue = true,
            });
        return formatting;
    }
}
