using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// "Cảnh báo sớm" in the province's workbook for a period inside the year: per district, in annex order, every
/// indicator whose projected year-end value would not reach the year's target, with the figure it was projected
/// from and how, and below it a chart per indicator of the projections against the plan (<see cref="ProjectionCharts"/>).
/// The 6- and 9-month reviews exist to act on this list while there is time.
/// </summary>
public static class EarlyWarningSheet
{
    /// <summary>The sheet's name.</summary>
    public const string Name = "Cảnh báo sớm";
    /// <summary>The first row of the list.</summary>
    public const uint FirstRow = 4;

    /// <summary>True for the periods the sheet is written for: a month, quarter, 6 or 9 months.</summary>
    public static bool Applies(Period period) => period.Kind is not (PeriodKind.Year or PeriodKind.PlanPeriod);

    /// <summary>Lays the sheet out for <paramref name="book"/>.</summary>
    public static AnnexSheet Layout(ProvinceWorkbook book)
    {
        // Every figure here is the server's projection and verdict, not a formula: the sheet is protected (no password) so none is overwritten by accident.
        var sheet = new AnnexSheet(Name) { Landscape = true, PrintTitles = (3, 3), FreezeAt = "A4", Protect = true };
        double[] widths = [6, 24, 44, 12, 13, 13, 13, 13, 30];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        var last = (uint)widths.Length;
        sheet.Merge(1, 1, last, 1, $"CẢNH BÁO SỚM: CHỈ TIÊU DỰ KIẾN KHÔNG ĐẠT KẾ HOẠCH NĂM - {AnnexFrame.PeriodText(book.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        sheet.Height(1, 40);
        string[] heads = ["TT", "Đơn vị", "Chỉ tiêu", "Đơn vị tính", $"Kế hoạch năm {book.Period.Year}", "Thực hiện", "Dự kiến cả năm", "Đánh giá dự kiến", "Cách dự kiến"];
        for (var i = 0; i < heads.Length; i++) sheet.Text((uint)i + 1, 3, heads[i], Look.Head);
        sheet.Note(8, 3, ServerNote);
        sheet.Height(3, 45);

        var row = FirstRow;
        var charted = new List<WarningRow>();
        foreach (var district in book.Districts)
        {
            var byCode = district.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal);
            foreach (var line in AnnexLines.Arrange(district.Lines.Select(l => l.Indicator)))
            {
                if (line.Indicator is null || byCode[line.Indicator.Code] is not { Projection: { Status: AttainmentStatus.NotMet } projection } result) continue;
                var look = AnnexFrame.ValueLook(result.Indicator);
                sheet.Number(1, row, row - FirstRow + 1, Look.RowNumber);
                sheet.Text(2, row, district.Unit.Name, Look.Name);
                sheet.Text(3, row, result.Indicator.Name, Look.Name);
                sheet.Text(4, row, result.Indicator.Unit, Look.Centred);
                PlanAnnexWorkbook.WriteTarget(sheet, 5, row, result.Target?.Expression, look);
                sheet.Number(6, row, result.Actual?.Value, look);
                sheet.Number(7, row, projection.Value, look);
                sheet.Text(8, row, projection.Label, Look.Centred);
                sheet.Text(9, row, Basis(projection.Basis, book.Period), Look.Text);
                if (ResultAnnexWorkbook.SingleNumber(result.Target?.Expression) is { } plan) charted.Add(new(result.Indicator, district.Unit.Name, row, projection.Value, plan));
                row++;
            }
        }
        if (row == FirstRow) sheet.Merge(1, row, last, row, "Không có chỉ tiêu nào dự kiến không đạt kế hoạch năm.", Look.Italic);
        ProjectionCharts.Write(sheet, charted, row + 2, 7);
        return sheet;
    }

    /// <summary>The note on the "Đánh giá dự kiến" heading: who computed the column, and why the sheet is locked.</summary>
    public const string ServerNote = "Dự kiến cả năm và đánh giá dự kiến do máy chủ tính từ số liệu các tháng theo quy tắc đánh giá (cột Cách dự kiến), "
        + "không phải công thức trên bảng. Trang tính được khóa để không ghi đè nhầm (bảo vệ trang tính, không có mật khẩu).";

    /// <summary>How a projection was made, in words.</summary>
    public static string Basis(ProjectionBasis basis, Period period) => basis switch
    {
        ProjectionBasis.LastYear => "Theo tỷ lệ cả năm / cùng kỳ của năm trước",
        ProjectionBasis.Pace => $"Theo tiến độ: × 12 / {period.LastMonth - period.FirstMonth + 1} tháng",
        _ => "Giữ mức mới nhất",
    };
}
