using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Workflow;

/// <summary>
/// The "Tình hình báo cáo" sheet: how many of the expected forms arrived and how many by the deadline,
/// then one row per child unit (TT | Đơn vị | Cấp | Hạn nộp | Trạng thái | Ngày gửi | Đánh giá).
/// Laid out with the annex workbooks' cells and looks; the consolidated workbook ends with it (<see cref="ProvinceWorkbook.Reporting"/>).
/// </summary>
public static class CompletenessSheet
{
    /// <summary>The sheet's tab name.</summary>
    public const string SheetName = "Tình hình báo cáo";

    /// <summary>The first row of the per-unit table body.</summary>
    public const uint FirstRow = 10;

    /// <summary>Lays the report out as a sheet.</summary>
    public static AnnexSheet Layout(CompletenessReport report, string parentName)
    {
        var sheet = new AnnexSheet(SheetName) { Landscape = true, PrintTitles = (FirstRow - 1, FirstRow - 1) };
        double[] widths = [6, 34, 10, 13, 13, 18, 18];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        sheet.Merge(1, 1, 7, 1, $"TÌNH HÌNH BÁO CÁO {PeriodLabel.Format(report.Period).ToUpper(Vietnamese)}", Look.Title);
        sheet.Merge(1, 2, 7, 2, $"{parentName} - số liệu đến {VietnamTime.DateOf(report.AsOf).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", Look.Italic);
        (string Label, int Count, decimal? Percent)[] totals =
        [
            ("Số biểu phải nộp", report.Expected, null),
            ("Đã nhận", report.Received, report.ReceivedPercent),
            ("Trong đó đúng hạn", report.OnTime, report.OnTimePercent),
            ("Nộp muộn", report.Late, null),
            ("Chưa nộp, đã quá hạn", report.Missing, null),
        ];
        for (var i = 0; i < totals.Length; i++)
        {
            var row = (uint)i + 3;
            sheet.Merge(1, row, 2, row, totals[i].Label, Look.Name);
            sheet.Number(3, row, totals[i].Count, Look.Count);
            // The percentage is a number formatted as a percentage: the cell holds the fraction.
            sheet.Number(4, row, totals[i].Percent / 100m, Look.Percent);
        }
        string[] heads = ["TT", "Đơn vị", "Cấp", "Hạn nộp", "Trạng thái", "Ngày gửi", "Đánh giá"];
        for (var i = 0; i < heads.Length; i++) sheet.Text((uint)i + 1, FirstRow - 1, heads[i], Look.Head);
        var r = FirstRow;
        foreach (var (unit, index) in report.Rows.Select((u, i) => (u, i + 1)))
        {
            sheet.Number(1, r, index, Look.RowNumber);
            sheet.Text(2, r, unit.UnitName, Look.Name);
            sheet.Text(3, r, LevelVi(unit.Level), Look.Centred);
            sheet.Date(4, r, unit.Deadline);
            sheet.Text(5, r, WorkflowRules.StatusVi(unit.Status), Look.Centred);
            sheet.Date(6, r, unit.FirstSubmittedAt is { } at ? VietnamTime.DateOf(at) : null);
            sheet.Text(7, r, Completeness.LabelVi(unit.Timeliness), Look.Centred);
            r++;
        }
        return sheet;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string LevelVi(UnitLevel level) => level switch
    {
        UnitLevel.Province => "Tỉnh",
        UnitLevel.District => "Huyện",
        UnitLevel.Commune => "Xã",
        _ => "Cơ sở",
    };
}
