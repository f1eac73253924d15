using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The data-entry form: the result annex's layout with input cells for Thực hiện, Tử số, Mẫu số and Ghi chú.
/// The sheet is protected without a password so only the pale-yellow inputs take typing; each input carries a
/// data validation fitting its indicator. Indicator codes sit in a hidden column named by <see cref="FormNames.Codes"/>,
/// and the form's identity (unit, period, version, time) in workbook-level defined names, so an upload is read by
/// code and checked against the unit and period it was made for, never by guessing from row text.
/// </summary>
public static class DataEntryFormWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Nhập liệu";
    /// <summary>The first row of the table body.</summary>
    public const uint FirstRow = 11;
    /// <summary>Columns of layout <see cref="FormNames.LayoutVersion"/>.</summary>
    public const uint Baseline = 4, Plan = 5, Value = 6, Numerator = 7, Denominator = 8, FromParts = 9, Note = 10, Code = 11;

    /// <summary>Writes the form as an .xlsx to <paramref name="output"/>.</summary>
    public static void Write(DataEntryForm form, Stream output)
    {
        var sheet = Layout(form, out var lastRow);
        var names = new Dictionary<string, string>
        {
            [FormNames.Form] = AnnexBook.Constant(FormNames.FormMarker),
            [FormNames.Layout] = AnnexBook.Constant(FormNames.LayoutVersion),
            [FormNames.Unit] = AnnexBook.Constant(form.UnitCode),
            [FormNames.Period] = AnnexBook.Constant(form.Period.Code),
            [FormNames.Version] = AnnexBook.Constant(form.Version),
            [FormNames.GeneratedAt] = AnnexBook.Constant(form.GeneratedAt.ToString("O", CultureInfo.InvariantCulture)),
            [FormNames.Codes] = $"{AnnexBook.Quote(SheetName)}!${AnnexSheet.ColumnName(Code)}${FirstRow}:${AnnexSheet.ColumnName(Code)}${Math.Max(FirstRow, lastRow)}",
        };
        AnnexBook.Write(output, [sheet], names, AboutBook.Of(form.Header, form.Period));
    }

    /// <summary>The row of the instruction, between the heading and the table.</summary>
    public const uint InstructionRow = 8;

    /// <summary>What the person filling the form must know first.</summary>
    public const string Instruction = "Chỉ nhập vào các ô màu vàng. Tỷ lệ và tỷ suất: nhập cả tử số và mẫu số (với tỷ suất, mẫu số là dân số).";

    /// <summary>Lays the form out; <paramref name="lastRow"/> is the last table row.</summary>
    public static AnnexSheet Layout(DataEntryForm form, out uint lastRow)
    {
        var sheet = new AnnexSheet(SheetName) { Landscape = true, PrintTitles = (9, 10), FreezeAt = "C11", Protect = true };
        double[] widths = [6, 44, 12, 13, 12, 13, 12, 12, 12, 20];
        for (var i = 0; i < widths.Length; i++) sheet.Width((uint)i + 1, widths[i]);
        sheet.Width(Code, 12, hidden: true);

        AnnexFrame.WriteHeading(sheet, form.Header, Note, $"Đơn vị: {form.UnitName} - Kỳ báo cáo: {AnnexFrame.PeriodText(form.Period)}");
        // The instruction sits where the eye starts, just above the table, not after it on the last page.
        sheet.Merge(1, InstructionRow, Note, InstructionRow, Instruction, Look.BoldLeft);
        string[] heads = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", $"Kế hoạch năm {form.Period.Year}", "Thực hiện", "Tử số", "Mẫu số (dân số với tỷ suất)", "Tính từ tử số / mẫu số", "Ghi chú"];
        for (var i = 0; i < heads.Length; i++)
        {
            sheet.Text((uint)i + 1, 9, heads[i], Look.Head);
            sheet.Text((uint)i + 1, 10, i < 3 ? ((char)('A' + i)).ToString() : $"({i - 2})", Look.HeadNumber);
        }
        sheet.Height(9, 48);

        var byCode = form.Lines.ToDictionary(l => l.Indicator.Code, StringComparer.Ordinal);
        var rules = new Dictionary<InputRule, List<string>>();
        var row = FirstRow;
        foreach (var line in AnnexLines.Arrange(form.Lines.Select(l => l.Indicator)))
        {
            if (line.Indicator is null)
            {
                sheet.Text(1, row, line.Number, Look.GroupNumber);
                sheet.Merge(2, row, Note, row, line.Text, Look.Group);
            }
            else WriteLine(sheet, row, line, byCode[line.Indicator.Code], rules);
            row++;
        }
        lastRow = row - 1;
        foreach (var (rule, cells) in rules) sheet.Validations.Add(rule.Build(cells));
        AnnexFrame.WriteSignature(sheet, form.Header, row + 3, Note, form.Period.EndYear);
        return sheet;
    }

    private static Look PartLook(decimal? part) => part is { } p && p != decimal.Truncate(p) ? Look.InputDecimal : Look.InputCount;

    private static void WriteLine(AnnexSheet sheet, uint row, AnnexLine line, FormLine form, Dictionary<InputRule, List<string>> rules)
    {
        var indicator = form.Indicator;
        var look = AnnexFrame.ValueLook(indicator);
        var whole = indicator.Kind is IndicatorKind.Count or IndicatorKind.Level;
        sheet.Text(1, row, line.Number, Look.RowNumber);
        sheet.Text(2, row, line.Text, line.Depth > 0 ? Look.BreakdownName : Look.Name);
        sheet.Text(3, row, indicator.Unit, Look.Centred);
        sheet.Number(Baseline, row, form.Baseline?.Value, look);
        PlanAnnexWorkbook.WriteTarget(sheet, Plan, row, form.Target?.Expression, look);
        sheet.Number(Value, row, form.Current?.Value, whole ? Look.InputCount : Look.InputDecimal);
        Add(rules, InputRule.ForValue(indicator), AnnexSheet.Ref(Value, row));
        if (indicator.HasParts)
        {
            // Parts are head counts: whole unless one was stored with a fraction, so 1.443 never prints "1.443,0".
            sheet.Number(Numerator, row, form.Current?.Numerator, PartLook(form.Current?.Numerator));
            sheet.Number(Denominator, row, form.Current?.Denominator, PartLook(form.Current?.Denominator));
            Add(rules, InputRule.Part, AnnexSheet.Ref(Numerator, row));
            Add(rules, InputRule.Positive, AnnexSheet.Ref(Denominator, row));
            var num = AnnexSheet.Ref(Numerator, row);
            var den = AnnexSheet.Ref(Denominator, row);
            var scale = indicator.Scale.ToString(CultureInfo.InvariantCulture);
            var current = form.Current is { Numerator: { } n, Denominator: { } d } && d != 0 ? n / d * indicator.Scale : (decimal?)null;
            sheet.Formula(FromParts, row, $"IF(OR({num}=\"\",{den}=\"\"),\"\",IFERROR({num}/{den}*{scale},\"\"))", current, Look.Decimal);
        }
        else
        {
            sheet.Text(Numerator, row, null, Look.Centred);
            sheet.Text(Denominator, row, null, Look.Centred);
            sheet.Text(FromParts, row, null, Look.Centred);
        }
        sheet.Text(Note, row, form.Current?.Note, Look.InputText);
        Add(rules, InputRule.NoteText, AnnexSheet.Ref(Note, row));
        sheet.Text(Code, row, indicator.Code, Look.Plain);
    }

    private static void Add(Dictionary<InputRule, List<string>> rules, InputRule rule, string cell)
    {
        if (!rules.TryGetValue(rule, out var cells)) rules[rule] = cells = [];
        cells.Add(cell);
    }

    /// <summary>One data validation shared by many input cells.</summary>
    private sealed record InputRule(DataValidationValues Type, DataValidationOperatorValues Operator, string Low, string? High, string MessageVi)
    {
        public static readonly InputRule Part = new(DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Tử số là số không âm.");
        public static readonly InputRule Positive = new(DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThan, "0", null, "Mẫu số là số lớn hơn 0.");
        public static readonly InputRule NoteText = new(DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, "500", null, "Ghi chú tối đa 500 ký tự.");

        public static InputRule ForValue(Indicator indicator) => indicator switch
        {
            // The range an administrator set, so Excel stops the number the server would refuse.
            { Minimum: not null } or { Maximum: not null } => Ranged(indicator),
            _ => ForKind(indicator),
        };

        private static InputRule Ranged(Indicator i)
        {
            var low = i.Minimum ?? Indicator.KindMinimum;
            var top = i.Maximum ?? i.KindMaximum;
            var text = (decimal v) => v.ToString(CultureInfo.InvariantCulture);
            var whole = i.Kind is IndicatorKind.Count or IndicatorKind.Level && low == decimal.Truncate(low) && (top is not { } t || t == decimal.Truncate(t));
            var type = whole ? DataValidationValues.Whole : DataValidationValues.Decimal;
            return top is { } high
                ? new(type, DataValidationOperatorValues.Between, text(low), text(high), $"Nhập số từ {Attainments.Figures.Vi(low)} đến {Attainments.Figures.Vi(high)}.")
                : new(type, DataValidationOperatorValues.GreaterThanOrEqual, text(low), null, $"Nhập số từ {Attainments.Figures.Vi(low)} trở lên.");
        }

        private static InputRule ForKind(Indicator indicator) => indicator.Kind switch
        {
            IndicatorKind.Count => new(DataValidationValues.Whole, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Nhập số nguyên không âm."),
            IndicatorKind.Level => new(DataValidationValues.Whole, DataValidationOperatorValues.Between, "1", "10", "Nhập mức là số nguyên từ 1 đến 10."),
            IndicatorKind.Percentage when !indicator.AllowsAbove100 => new(DataValidationValues.Decimal, DataValidationOperatorValues.Between, "0", "100", "Nhập tỷ lệ từ 0 đến 100."),
            _ => new(DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Nhập số không âm."),
        };

        public DataValidation Build(List<string> cells)
        {
            var validation = new DataValidation
            {
                Type = Type, Operator = Operator, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
                ErrorTitle = "Giá trị không hợp lệ", Error = MessageVi, PromptTitle = "Nhập liệu", Prompt = MessageVi,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', cells) },
            };
            validation.Append(new Formula1(Low));
            if (High is not null) validation.Append(new Formula2(High));
            return validation;
        }
    }
}

/// <summary>The defined names that identify a data-entry form, shared by the writer and the reader.</summary>
public static class FormNames
{
    /// <summary>Holds <see cref="FormMarker"/>: the file is one of our forms.</summary>
    public const string Form = "HealthFuncs.Form";
    /// <summary>Holds the layout version: which columns hold what.</summary>
    public const string Layout = "HealthFuncs.Layout";
    /// <summary>Holds the unit code.</summary>
    public const string Unit = "HealthFuncs.Unit";
    /// <summary>Holds the period code.</summary>
    public const string Period = "HealthFuncs.Period";
    /// <summary>Holds the stored form's version (ETag) the form was made from.</summary>
    public const string Version = "HealthFuncs.Version";
    /// <summary>Holds when the form was generated (ISO 8601).</summary>
    public const string GeneratedAt = "HealthFuncs.GeneratedAt";
    /// <summary>Refers to the hidden column of indicator codes.</summary>
    public const string Codes = "HealthFuncs.Codes";
    /// <summary>The value of <see cref="Form"/>.</summary>
    public const string FormMarker = "healthfuncs:data-entry";
    /// <summary>The layout this version writes and reads.</summary>
    public const string LayoutVersion = "1";
}
