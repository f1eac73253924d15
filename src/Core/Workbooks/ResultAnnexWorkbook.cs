using HealthFuncs.Core.Checks;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The result annex: TT | Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ năm trước | Kế hoạch năm | Thực hiện |
/// % so với KH | % so với cùng kỳ | Đánh giá | Ghi chú. % so với KH, % so với cùng kỳ and the verdict are formulas
/// over the row's visible cells (<see cref="LiveRow"/>), so the sheet stays right when someone corrects a number:
/// the plan cell holds the target's number printed in its written form ("≥95"). Each verdict carries the
/// server's reason as a note, each derived actual its provenance. A 6- or 9-month annex adds, after the hidden
/// code column, "Dự kiến cả năm" and its verdict: the early warning the mid-year reviews exist for.
/// </summary>
public static class ResultAnnexWorkbook
{
    /// <summary>The first row of the table body.</summary>
    public const uint FirstRow = 11;
    /// <summary>Columns: baseline, plan, actual, % of plan, % of baseline, verdict, note, code.</summary>
    public const uint Baseline = 4, Plan = 5, Actual = 6, OfPlan = 7, OfBaseline = 8, Verdict = 9, Note = 10, Code = 11;
    /// <summary>Columns of the 6- and 9-month annex only: the projected year-end value and its verdict.</summary>
    public const uint Projected = 12, ProjectedVerdict = 13;

    /// <summary>True for the periods whose annex carries the projection: 6 and 9 months.</summary>
    public static bool ShowsProjection(Period period) => period.Kind is PeriodKind.FirstHalf or PeriodKind.NineMonths;

    /// <summary>Writes the annex as an .xlsx to <paramref name="output"/>.</summary>
    public static void Write(ResultAnnex annex, Stream output) =>
        AnnexBook.Write(output, [Layout(annex, SheetName), .. ChartSheets.ForResult(annex, SheetName) is { } chart ? [chart] : Array.Empty<AnnexSheet>()],
            about: AboutBook.Of(annex.Header, annex.Period));

    /// <summary>The annex's tab name.</summary>
    public const string SheetName = "Kết quả";

    /// <summary>Lays the annex out on a sheet called <paramref name="sheetName"/>.</summary>
    public static AnnexSheet Layout(ResultAnnex annex, string sheetName)
    {
        // Protected without a password: the figures and notes stay editable, the derived cells and the server's verdicts locked.
        var sheet = new AnnexSheet(sheetName) { Landscape = true, PrintTitles = (9, 10), FreezeAt = "C11", Protect = true };
        double[] widths = [6, 44, 12, 13, 12, 12, 11, 12, 16, 14];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        sheet.Width(Code, 12, hidden: true);
        var projected = ShowsProjection(annex.Period);
        var last = projected ? ProjectedVerdict : Note;
        if (projected) { sheet.Width(Projected, 13); sheet.Width(ProjectedVerdict, 13); }

        AnnexFrame.WriteHeading(sheet, annex.Header, last, $"Đơn vị: {annex.UnitName} - Kỳ báo cáo: {AnnexFrame.PeriodText(annex.Period)}");
        string[] heads = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", $"Kế hoạch năm {annex.Period.Year}", "Thực hiện", "% so với KH", "% so với cùng kỳ", "Đánh giá", "Ghi chú"];
        string[] numbers = ["A", "B", "C", "(1)", "(2)", "(3)", "(4)=(3)/(2)", "(5)", "(6)", "(7)"];
        for (var i = 0; i < heads.Length; i++)
        {
            sheet.Text((uint)i + 1, 9, heads[i], Look.Head);
            sheet.Text((uint)i + 1, 10, numbers[i], Look.HeadNumber);
        }
        if (projected)
        {
            sheet.Text(Projected, 9, "Dự kiến cả năm", Look.Head);
            sheet.Text(ProjectedVerdict, 9, "Đánh giá dự kiến", Look.Head);
            sheet.Text(Projected, 10, "(8)", Look.HeadNumber);
            sheet.Text(ProjectedVerdict, 10, "(9)", Look.HeadNumber);
        }
        sheet.Height(9, 48);

        var byCode = annex.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal);
        var row = FirstRow;
        foreach (var line in AnnexLines.Arrange(annex.Lines.Select(l => l.Indicator)))
        {
            if (line.Indicator is null)
            {
                sheet.Text(1, row, line.Number, Look.GroupNumber);
                sheet.Merge(2, row, last, row, line.Text, Look.Group);
            }
            else WriteLine(sheet, row, line, byCode[line.Indicator.Code], annex.Period, projected);
            row++;
        }
        AnnexFrame.WriteSignature(sheet, annex.Header, row + 1, last, annex.Period.EndYear);
        return sheet;
    }

    private static readonly ResultColumns Columns = new(Baseline, Plan, Actual, OfPlan, OfBaseline, Verdict);

    private static void WriteLine(AnnexSheet sheet, uint row, AnnexLine line, ResultLine result, Period period, bool projected)
    {
        var indicator = result.Indicator;
        sheet.Text(1, row, line.Number, Look.RowNumber);
        sheet.Text(2, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
        sheet.Text(3, row, indicator.Unit, Look.Centred);
        WriteDerived(sheet, row, result, period, Columns);
        sheet.Text(Note, row, result.Actual?.Note, Look.Text);
        sheet.Unlock(Note, row);
        sheet.Text(Code, row, indicator.Code, Look.Plain);
        if (!projected) return;
        sheet.Number(Projected, row, result.Projection?.Value, AnnexFrame.ValueLook(indicator));
        sheet.Text(ProjectedVerdict, row, result.Projection?.Label, Look.Centred);
        // The projection reads months the row does not show: the server's, locked and said so.
        if (result.Projection is { } projection)
            sheet.Note(ProjectedVerdict, row, $"{EarlyWarningSheet.Basis(projection.Basis, period)}. {projection.Reason}\n"
                + "Dự kiến và đánh giá dự kiến do máy chủ tính từ số liệu các tháng, không phải công thức trên bảng. Ô được khóa để không ghi đè nhầm (bảo vệ trang tính, không có mật khẩu).");
    }

    /// <summary>
    /// Writes a row's baseline, plan and actual, and over them the live % so với KH, so với cùng kỳ and verdict
    /// (<see cref="LiveRow"/>) with the verdict's reason and the actual's provenance as notes.
    /// </summary>
    public static void WriteDerived(AnnexSheet sheet, uint row, ResultLine result, Period period, ResultColumns at)
    {
        var indicator = result.Indicator;
        var live = LiveRow.Of(result, period, new RowCells(AnnexSheet.Ref(at.Baseline, row), AnnexSheet.Ref(at.Plan, row), AnnexSheet.Ref(at.Actual, row)));
        var attainment = result.Attainment;
        sheet.Number(at.Baseline, row, result.Baseline?.Value, AnnexFrame.ValueLook(indicator, result.Baseline?.Value));
        if (live.Plan.IsNumber) sheet.Number(at.Plan, row, live.Plan.Number, Look.PlanNumber, live.Plan.Format!);
        else sheet.Text(at.Plan, row, live.Plan.Text, Look.Centred);
        sheet.Number(at.Actual, row, result.Actual?.Value, AnnexFrame.ValueLook(indicator, result.Actual?.Value));
        // The figures a reader corrects stay editable on the protected sheet; what is derived from them stays locked.
        foreach (var column in new[] { at.Baseline, at.Plan, at.Actual }) sheet.Unlock(column, row);
        // The actual's note: how it was formed, and whether it disagrees with its own parts (an official figure).
        string[] about = [.. result.Provenance is { } provenance ? [provenance] : Array.Empty<string>(),
            .. result.Actual is { } actual ? SubmissionChecks.WarningsOf(indicator, actual).Where(f => f.Rule == CheckRules.DisagreesWithParts).Select(f => f.MessageVi) : []];
        if (about.Length > 0) sheet.Note(at.Actual, row, string.Join("\n", about));
        // The server's % are rounded to 2 decimals of a percent; the sheet keeps the same number as a fraction.
        if (live.OfPlan is { } ofPlan) sheet.Formula(at.OfPlan, row, ofPlan, attainment.PercentOfPlan / 100m, Look.Percent);
        else sheet.Number(at.OfPlan, row, live.ServerOnly ? attainment.PercentOfPlan / 100m : null, Look.Percent);
        var (change, changeLook) = indicator.Kind == IndicatorKind.Count ? (attainment.ChangeFromBaseline / 100m, Look.Growth) : (attainment.ChangeFromBaseline, Look.Points);
        // A change "so với năm 2020" is measured from that year, which the row does not show: the server's figure, said so.
        if (result.Target?.Expression.BaselineYear is { } year)
        {
            sheet.Number(at.OfBaseline, row, change, changeLook);
            sheet.Note(at.OfBaseline, row, $"So với năm {year} (chỉ tiêu tính so với năm {year}), do máy chủ tính.");
        }
        else sheet.Formula(at.OfBaseline, row, live.Change!, change, changeLook);
        if (live.ServerOnly)
        {
            sheet.Text(at.Verdict, row, attainment.Label, Look.Centred);
            sheet.Note(at.Verdict, row, $"{attainment.Reason}\n{ServerVerdictNote}");
        }
        else
        {
            sheet.FormulaText(at.Verdict, row, live.Verdict, attainment.Label, Look.Centred);
            sheet.Note(at.Verdict, row, attainment.Reason);
        }
    }

    /// <summary>
    /// The note's line on a verdict the row's cells cannot reproduce: the server computed it, and the cell is locked
    /// (the sheet is protected without a password) so it is not overwritten by accident.
    /// </summary>
    public const string ServerVerdictNote = "Đánh giá do máy chủ tính (cần số liệu hoặc cách đọc không có trên dòng này): sửa số liệu trên bảng không cập nhật ô này. "
        + "Ô được khóa để không ghi đè nhầm (bảo vệ trang tính, không có mật khẩu).";

    /// <summary>The one number a target is measured against, when it has exactly one.</summary>
    public static decimal? SingleNumber(TargetExpression? target) => target?.Form switch
    {
        TargetForm.Point or TargetForm.AtLeast or TargetForm.Above or TargetForm.AtMost or TargetForm.Below
            or TargetForm.Maintain or TargetForm.Level => target.Value,
        _ => null,
    };
}

/// <summary>Where a row's baseline, plan, actual and derived cells sit.</summary>
public sealed record ResultColumns(uint Baseline, uint Plan, uint Actual, uint OfPlan, uint OfBaseline, uint Verdict);
