namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// "Biểu đồ": the figures people would rather look at than read, as native charts over a small table of formulas
/// that point at the annex's own cells, so the charts follow a corrected number. The result annex gets the % of
/// plan per indicator; the province workbook, for each key indicator (one with a planned number), the districts'
/// figures against the province's target.
/// </summary>
public static class ChartSheets
{
    /// <summary>The sheet's tab name.</summary>
    public const string SheetName = "Biểu đồ";
    /// <summary>The most indicators the province workbook charts, in annex order.</summary>
    public const int KeyIndicators = 4;

    /// <summary>The chart sheet of a result annex laid out on <paramref name="annexSheet"/>, or null when no row has a planned number.</summary>
    public static AnnexSheet? ForResult(ResultAnnex annex, string annexSheet)
    {
        var byCode = annex.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal);
        var rows = RowsOf(annex.Lines.Select(l => l.Indicator), ResultAnnexWorkbook.FirstRow);
        var charted = rows.Where(r => LiveRow.PlanOf(byCode[r.Code].Target?.Expression).IsNumber).ToList();
        if (charted.Count == 0) return null;
        var sheet = new AnnexSheet(SheetName) { Landscape = true };
        sheet.Width(1, 44); sheet.Width(2, 12);
        sheet.Merge(1, 1, 12, 1, $"TỶ LỆ THỰC HIỆN SO VỚI KẾ HOẠCH - {AnnexFrame.PeriodText(annex.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        sheet.Text(1, 3, "Chỉ tiêu", Look.Head);
        sheet.Text(2, 3, "% so với KH", Look.Head);
        var row = 4u;
        foreach (var (code, name, at) in charted)
        {
            sheet.Text(1, row, name, Look.Name);
            sheet.Formula(2, row, $"{AnnexBook.Quote(annexSheet)}!{AnnexSheet.Ref(ResultAnnexWorkbook.OfPlan, at)}", byCode[code].Attainment.PercentOfPlan / 100m, Look.Percent);
            row++;
        }
        var q = AnnexBook.Quote(SheetName);
        sheet.Charts.Add(new SheetChart("Tỷ lệ thực hiện so với kế hoạch", $"{q}!$A$4:$A${row - 1}",
            [new ChartSeries("% so với KH", $"{q}!$B$4:$B${row - 1}", false, "4472C4")], Horizontal: true, "0%",
            3, 3, 12, Math.Max(row + 2, 24)));
        return sheet;
    }

    /// <summary>The chart sheet of a province workbook, or null when no indicator has both a planned number and a district figure.</summary>
    public static AnnexSheet? ForProvince(ProvinceWorkbook book)
    {
        var indicators = book.Summary.Select(f => f.Indicator).ToList();
        var matrixRows = RowsOf(indicators, ProvinceWorkbookWriter.MatrixFirstRow).ToDictionary(r => r.Code, r => r.Row, StringComparer.Ordinal);
        var summaryRows = RowsOf(indicators, ProvinceWorkbookWriter.SummaryFirstRow).ToDictionary(r => r.Code, r => r.Row, StringComparer.Ordinal);
        var lines = book.Districts.Select(d => d.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal)).ToList();
        var key = RowsOf(indicators, 0).Select(r => book.Summary.First(f => f.Indicator.Code == r.Code))
            .Where(f => LiveRow.PlanOf(f.Target?.Expression) is { IsNumber: true } && lines.Any(l => l.GetValueOrDefault(f.Indicator.Code)?.Actual?.Value is not null))
            .Take(KeyIndicators).ToList();
        if (key.Count == 0) return null;
        var sheet = new AnnexSheet(SheetName) { Landscape = true };
        sheet.Width(1, 26); sheet.Width(2, 12); sheet.Width(3, 12);
        sheet.Merge(1, 1, 14, 1, $"CÁC CHỈ TIÊU CHỦ YẾU THEO ĐƠN VỊ - {AnnexFrame.PeriodText(book.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        var q = AnnexBook.Quote(SheetName);
        var top = 3u;
        foreach (var figure in key)
        {
            var code = figure.Indicator.Code;
            var look = AnnexFrame.ValueLook(figure.Indicator);
            sheet.Merge(1, top, 3, top, $"{figure.Indicator.Name} ({figure.Indicator.Unit})", Look.Group);
            sheet.Text(1, top + 1, "Đơn vị", Look.Head);
            sheet.Text(2, top + 1, "Thực hiện", Look.Head);
            sheet.Text(3, top + 1, "Kế hoạch", Look.Head);
            var row = top + 2;
            for (var i = 0; i < book.Districts.Count; i++, row++)
            {
                sheet.Text(1, row, book.Districts[i].Unit.Name, Look.Name);
                var value = lines[i].GetValueOrDefault(code)?.Actual?.Value;
                sheet.Formula(2, row, $"IF({AnnexBook.Quote(ProvinceWorkbookWriter.MatrixSheet)}!{AnnexSheet.Ref(ProvinceMatrixSheet.FirstChild + (uint)i, matrixRows[code])}=\"\",NA(),{AnnexBook.Quote(ProvinceWorkbookWriter.MatrixSheet)}!{AnnexSheet.Ref(ProvinceMatrixSheet.FirstChild + (uint)i, matrixRows[code])})",
                    value, look);
                sheet.Formula(3, row, $"{AnnexBook.Quote(ProvinceWorkbookWriter.SummarySheet)}!{AnnexSheet.Ref(ProvinceSummarySheet.Plan, summaryRows[code])}",
                    LiveRow.PlanOf(figure.Target?.Expression).Number, look);
            }
            var (first, last) = (top + 2, row - 1);
            var bottom = Math.Max(row, top + 18);
            sheet.Charts.Add(new SheetChart($"{figure.Indicator.Name} ({figure.Indicator.Unit})", $"{q}!$A${first}:$A${last}",
                [new ChartSeries("Thực hiện", $"{q}!$B${first}:$B${last}", false, "4472C4"), new ChartSeries("Kế hoạch", $"{q}!$C${first}:$C${last}", true, "C00000")],
                Horizontal: false, look == Look.Count ? "#,##0" : "#,##0.0", 5, top, 14, bottom - 1));
            top = bottom + 1;
        }
        return sheet;
    }

    // Indicator rows in annex order: each indicator's row when the table starts at firstRow (group headings take a row).
    private static List<(string Code, string Name, uint Row)> RowsOf(IEnumerable<HealthFuncs.Core.Indicators.Indicator> indicators, uint firstRow) =>
        AnnexLines.Arrange(indicators).Select((l, i) => (Line: l, Row: firstRow + (uint)i)).Where(x => !x.Line.IsGroup)
            .Select(x => (x.Line.Indicator!.Code, x.Line.Text, x.Row)).ToList();
}
