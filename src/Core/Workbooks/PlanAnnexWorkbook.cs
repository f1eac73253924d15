using HealthFuncs.Core.Indicators;
using System.Globalization;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The plan annex: TT | Chỉ tiêu | Đơn vị tính | one column per year | Ghi chú, with the indicator codes in a
/// hidden last column. A point target is a number in its cell; any other target keeps its written text ("&gt;90", "Duy trì").
/// </summary>
public static class PlanAnnexWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Kế hoạch";
    /// <summary>The first row of the table body.</summary>
    public const uint FirstRow = 11;

    /// <summary>Writes the annex as an .xlsx to <paramref name="output"/>.</summary>
    public static void Write(PlanAnnex annex, Stream output) => AnnexBook.Write(output, [Layout(annex)], about: AboutBook.Of(annex.Header, annex.Period));

    /// <summary>Lays the annex out on one sheet.</summary>
    public static AnnexSheet Layout(PlanAnnex annex)
    {
        var years = annex.Years.Count > 0 ? annex.Years : [annex.Period.Year];
        var yearCount = (uint)years.Count;
        var noteColumn = 4 + yearCount;
        var codeColumn = noteColumn + 1;
        var sheet = new AnnexSheet(SheetName) { Landscape = yearCount > 3, PrintTitles = (9, 10), FreezeAt = "C11" };
        sheet.Width(1, 6); sheet.Width(2, 52); sheet.Width(3, 12);
        for (var c = 4u; c < noteColumn; c++) sheet.Width(c, 13);
        sheet.Width(noteColumn, 18);
        sheet.Width(codeColumn, 12, hidden: true);

        AnnexFrame.WriteHeading(sheet, annex.Header, noteColumn,
            $"Đơn vị: {annex.UnitName} - {AnnexFrame.PeriodText(annex.Period)}");
        sheet.Merge(1, 9, 1, 10, "TT", Look.Head);
        sheet.Merge(2, 9, 2, 10, "Chỉ tiêu", Look.Head);
        sheet.Merge(3, 9, 3, 10, "Đơn vị tính", Look.Head);
        if (yearCount == 1 && annex.Period.Kind != Periods.PeriodKind.PlanPeriod)
            sheet.Merge(4, 9, 4, 10, $"Kế hoạch năm {years[0]}", Look.Head);
        else
        {
            sheet.Merge(4, 9, noteColumn - 1, 9, "Mục tiêu đến năm", Look.Head);
            for (var i = 0; i < years.Count; i++)
                sheet.Text(4 + (uint)i, 10, years[i].ToString(CultureInfo.InvariantCulture), Look.Head);
        }
        sheet.Merge(noteColumn, 9, noteColumn, 10, "Ghi chú", Look.Head);
        sheet.Height(9, 24); sheet.Height(10, 24);

        var targets = annex.Targets.ToLookup(t => (t.IndicatorCode, t.Year));
        var row = FirstRow;
        foreach (var line in AnnexLines.Arrange(annex.Indicators))
        {
            if (line.Indicator is not { } indicator)
            {
                sheet.Text(1, row, line.Number, Look.GroupNumber);
                sheet.Merge(2, row, noteColumn, row, line.Text, Look.Group);
                row++;
                continue;
            }
            sheet.Text(1, row, line.Number, Look.RowNumber);
            sheet.Text(2, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
            sheet.Text(3, row, indicator.Unit, Look.Centred);
            var notes = new List<string>();
            for (var i = 0; i < years.Count; i++)
            {
                var target = targets[(indicator.Code, years[i])].FirstOrDefault();
                WriteTarget(sheet, 4 + (uint)i, row, target?.Expression, AnnexFrame.ValueLook(indicator));
                if (target is not null && ReadingNote(target.Expression, indicator) is { } note)
                    notes.Add(years.Count > 1 ? $"{years[i]}: {note}" : note);
            }
            sheet.Text(noteColumn, row, notes.Count == 0 ? null : string.Join("; ", notes), Look.Text);
            sheet.Text(codeColumn, row, indicator.Code, Look.Plain);
            row++;
        }
        // Signed when issued: a plan period's plan in its first year, as its "(Kèm theo ...)" line says, not in its last milestone.
        AnnexFrame.WriteSignature(sheet, annex.Header, row + 1, noteColumn, annex.Period.Year);
        return sheet;
    }

    /// <summary>
    /// How a change target is read, for the Ghi chú column: "Đọc là giảm 2 điểm % so với cùng kỳ", and when the
    /// wording allows both readings, that it does and who decided.
    /// </summary>
    public static string? ReadingNote(TargetExpression target, Indicator indicator)
    {
        if (ChangeReadings.Of(target, indicator) is not { } reading) return null;
        var open = reading switch
        {
            { ChosenByAdmin: true } => " (cách đọc do quản trị viên chọn)",
            { Ambiguous: true } => " (cách viết có hai nghĩa; đọc theo điểm trừ khi mức đó không thể có)",
            _ => "",
        };
        return $"Đọc là {reading.Words}{open}";
    }

    /// <summary>A point target as a number; anything else as the text the plan wrote.</summary>
    public static void WriteTarget(AnnexSheet sheet, uint column, uint row, TargetExpression? target, Look numberLook)
    {
        if (target is { Form: TargetForm.Point, Value: { } value }) sheet.Number(column, row, value, numberLook);
        else sheet.Text(column, row, target?.Text, Look.Centred);
    }
}
