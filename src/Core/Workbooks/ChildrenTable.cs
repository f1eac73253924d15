namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// "Các đơn vị": every child's result rows in one table with an autofilter, for a province whose 100–150 communes
/// would otherwise make as many sheets. Mã đơn vị | Đơn vị | TT | Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ |
/// Kế hoạch năm | Thực hiện | % so với KH | % so với cùng kỳ | Đánh giá | Ghi chú, the derived cells live as in the
/// result annex.
/// </summary>
public static class ChildrenTable
{
    /// <summary>The sheet's tab name.</summary>
    public const string SheetName = "Các đơn vị";
    /// <summary>The header row; the body follows it.</summary>
    public const uint HeadRow = 3;
    private static readonly ResultColumns Columns = new(Baseline: 6, Plan: 7, Actual: 8, OfPlan: 9, OfBaseline: 10, Verdict: 11);

    /// <summary>Lays out the table; <paramref name="firstRows"/> gives each child's first row, in the order of the districts.</summary>
    public static AnnexSheet Layout(ProvinceWorkbook book, out IReadOnlyList<uint> firstRows)
    {
        // Protected without a password like each child's annex; filtering and sorting stay allowed.
        var sheet = new AnnexSheet(SheetName) { Landscape = true, PrintTitles = (HeadRow, HeadRow), FreezeAt = $"C{HeadRow + 1}", Protect = true };
        double[] widths = [12, 26, 6, 40, 12, 12, 12, 12, 11, 12, 16, 20];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        sheet.Merge(1, 1, 12, 1, $"KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA CÁC ĐƠN VỊ - {AnnexFrame.PeriodText(book.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        sheet.Height(1, 30);
        string[] heads = ["Mã đơn vị", "Đơn vị", "TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", $"Kế hoạch năm {book.Period.Year}", "Thực hiện",
            "% so với KH", "% so với cùng kỳ", "Đánh giá", "Ghi chú"];
        for (var i = 0; i < heads.Length; i++) sheet.Text((uint)i + 1, HeadRow, heads[i], Look.Head);
        sheet.Height(HeadRow, 48);
        var firsts = new List<uint>();
        var row = HeadRow + 1;
        foreach (var district in book.Districts)
        {
            firsts.Add(row);
            var byCode = district.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal);
            foreach (var line in AnnexLines.Arrange(district.Lines.Select(l => l.Indicator)).Where(l => !l.IsGroup))
            {
                var result = byCode[line.Indicator!.Code];
                sheet.Text(1, row, district.Unit.Code, Look.Centred);
                sheet.Text(2, row, district.Unit.Name, Look.Name);
                sheet.Text(3, row, line.Number, Look.RowNumber);
                sheet.Text(4, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
                sheet.Text(5, row, result.Indicator.Unit, Look.Centred);
                ResultAnnexWorkbook.WriteDerived(sheet, row, result, book.Period, Columns);
                sheet.Text(12, row, result.Actual?.Note, Look.Text);
                sheet.Unlock(12, row);
                row++;
            }
        }
        sheet.AutoFilter = $"A{HeadRow}:{AnnexSheet.ColumnName(12)}{Math.Max(row - 1, HeadRow)}";
        firstRows = firsts;
        return sheet;
    }
}
