using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>One row of the early-warning list as the charts read it: the indicator, the district, the row of its projected value (and that value), and its planned number.</summary>
public sealed record WarningRow(Indicator Indicator, string District, uint Row, decimal Projected, decimal Plan);

/// <summary>
/// Below "Cảnh báo sớm"'s list, one native chart per indicator projected to miss: each district's projected year-end
/// beside its planned number, as clustered columns (one district still shows both bars). The chart reads a small
/// table whose projected values are formulas over the list's own cells. Only targets with one planned level are
/// charted (a change "giảm 0,2‰" is not a level to set a bar beside); units differ between indicators, so each gets
/// its own chart, at most <see cref="MaxCharts"/>.
/// </summary>
public static class ProjectionCharts
{
    /// <summary>The most indicators charted, in the list's order.</summary>
    public const int MaxCharts = 8;

    /// <summary>Writes the tables and charts from <paramref name="top"/> down; returns the first free row.</summary>
    public static uint Write(AnnexSheet sheet, IReadOnlyList<WarningRow> rows, uint top, uint projectedColumn)
    {
        var indicators = rows.Select(r => r.Indicator).DistinctBy(i => i.Code).Take(MaxCharts).ToList();
        if (indicators.Count == 0) return top;
        sheet.Merge(1, top, 9, top, "DỰ KIẾN CẢ NĂM SO VỚI KẾ HOẠCH NĂM", Look.Title);
        sheet.Height(top, 30);
        top += 2;
        var q = AnnexBook.Quote(sheet.Name);
        foreach (var indicator in indicators)
        {
            var look = AnnexFrame.ValueLook(indicator);
            var title = $"{indicator.Name} ({indicator.Unit})";
            // The list's columns: the district across TT, Đơn vị and Chỉ tiêu, the figures under the narrower ones, the chart beside.
            sheet.Merge(1, top, 5, top, title, Look.Group);
            sheet.Merge(1, top + 1, 3, top + 1, "Đơn vị", Look.Head);
            sheet.Text(4, top + 1, "Dự kiến cả năm", Look.Head);
            sheet.Text(5, top + 1, "Kế hoạch năm", Look.Head);
            var row = top + 2;
            foreach (var warning in rows.Where(r => r.Indicator.Code == indicator.Code))
            {
                sheet.Merge(1, row, 3, row, warning.District, Look.Name);
                sheet.Formula(4, row, AnnexSheet.Ref(projectedColumn, warning.Row), warning.Projected, look);
                sheet.Number(5, row, warning.Plan, look);
                row++;
            }
            var (first, last) = (top + 2, row - 1);
            var bottom = Math.Max(row, top + 16);
            sheet.Charts.Add(new SheetChart($"{title}: dự kiến cả năm so với kế hoạch", $"{q}!$A${first}:$A${last}",
                [new ChartSeries("Dự kiến cả năm", $"{q}!$D${first}:$D${last}", false, "ED7D31"),
                 new ChartSeries("Kế hoạch năm", $"{q}!$E${first}:$E${last}", false, "4472C4")],
                Horizontal: false, look == Look.Count ? "#,##0" : "#,##0.0", 6, top, 9, bottom - 1));
            top = bottom + 1;
        }
        return top;
    }
}
