using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// "Tổng hợp": the province's figure per indicator, laid out like a result annex with the summed parts and who
/// reported: TT | Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ | Kế hoạch năm | Thực hiện toàn tỉnh | Tử số | Mẫu số |
/// % so với KH | % so với cùng kỳ | Đánh giá | Số đơn vị đã báo cáo | Đơn vị chưa có số liệu. The derived cells are
/// the result annex's formulas (<see cref="LiveRow"/>), so they agree with the API's consolidated attainment.
/// </summary>
public static class ProvinceSummarySheet
{
    /// <summary>Columns of the summary.</summary>
    public const uint Baseline = 4, Plan = 5, Value = 6, Num = 7, Den = 8, OfPlan = 9, OfBaseline = 10, Verdict = 11, Included = 12, MissingNames = 13, Code = 14;

    /// <summary>Lays out the summary of <paramref name="book"/>.</summary>
    public static AnnexSheet Layout(ProvinceWorkbook book)
    {
        // Protected without a password, as the result annex: figures editable, derived cells and the server's verdicts locked.
        var sheet = new AnnexSheet(ProvinceWorkbookWriter.SummarySheet) { Landscape = true, PrintTitles = (9, 10), FreezeAt = "C11", Protect = true };
        double[] widths = [6, 40, 12, 12, 12, 13, 11, 11, 11, 12, 16, 11, 20];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        sheet.Width(Code, 12, hidden: true);
        AnnexFrame.WriteHeading(sheet, book.Header, MissingNames, $"{book.UnitName} - Kỳ báo cáo: {AnnexFrame.PeriodText(book.Period)}");
        string[] heads = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", $"Kế hoạch năm {book.Period.Year}", "Thực hiện toàn tỉnh", "Tử số", "Mẫu số",
            "% so với KH", "% so với cùng kỳ", "Đánh giá", "Số đơn vị đã báo cáo", "Đơn vị chưa có số liệu"];
        for (var i = 0; i < heads.Length; i++)
        {
            sheet.Text((uint)i + 1, 9, heads[i], Look.Head);
            sheet.Text((uint)i + 1, 10, i < 3 ? ((char)('A' + i)).ToString() : $"({i - 2})", Look.HeadNumber);
        }
        sheet.Height(9, 48);
        var names = book.Districts.ToDictionary(d => d.Unit.Code, d => d.Unit.Name, StringComparer.Ordinal);
        foreach (var unit in book.NotReported) names.TryAdd(unit.Code, unit.Name);
        var byCode = book.Summary.ToDictionary(f => f.Indicator.Code, StringComparer.Ordinal);
        var row = ProvinceWorkbookWriter.SummaryFirstRow;
        foreach (var line in AnnexLines.Arrange(book.Summary.Select(f => f.Indicator)))
        {
            if (line.Indicator is not { } indicator)
            {
                sheet.Text(1, row, line.Number, Look.GroupNumber);
                sheet.Merge(2, row, MissingNames, row, line.Text, Look.Group);
                row++;
                continue;
            }
            var figure = byCode[indicator.Code];
            sheet.Text(1, row, line.Number, Look.RowNumber);
            sheet.Text(2, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
            sheet.Text(3, row, indicator.Unit, Look.Centred);
            Observation? Obs(decimal? v) => v is null ? null : new Observation("", indicator.Code, book.Period, v);
            // The province figure's note says how it was formed, as the API's consolidated answer does.
            var result = new ResultLine(indicator, figure.Target, Obs(figure.Value), Obs(figure.Baseline), figure.Attainment, Provenance: SummaryProvenance.Of(figure, names));
            ResultAnnexWorkbook.WriteDerived(sheet, row, result, book.Period,
                new ResultColumns(Baseline, Plan, Value, OfPlan, OfBaseline, Verdict));
            sheet.Number(Num, row, figure.Numerator, PartLook(figure.Numerator));
            sheet.Number(Den, row, figure.Denominator, PartLook(figure.Denominator));
            sheet.Unlock(Num, row);
            sheet.Unlock(Den, row);
            sheet.Number(Included, row, figure.IncludedUnits, Look.Count);
            sheet.Text(MissingNames, row, string.Join(", ", figure.MissingUnits.Select(c =>
                names.GetValueOrDefault(c, c) + (figure.WithoutPartsUnits.Contains(c) ? " (thiếu tử số/mẫu số)" : ""))), Look.Text);
            sheet.Text(Code, row, indicator.Code, Look.Plain);
            row++;
        }
        AnnexFrame.WriteSignature(sheet, book.Header, row + 1, MissingNames, book.Period.EndYear);
        return sheet;
    }

    // Parts are mostly head counts: show them whole unless they carry a fraction.
    private static Look PartLook(decimal? part) => part is { } p && p != decimal.Truncate(p) ? Look.Decimal : Look.Count;
}
