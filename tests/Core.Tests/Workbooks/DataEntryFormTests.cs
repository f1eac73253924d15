using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class DataEntryFormTests
{
    private const string Sheet = DataEntryFormWorkbook.SheetName;

    private static MemoryStream FormStream(string version = "3")
    {
        var stream = new MemoryStream();
        DataEntryFormWorkbook.Write(Samples.Form(version), stream);
        stream.Position = 0;
        return stream;
    }

    private static UploadTarget Target() => new("SD", Samples.Half, Samples.Indicators);

    [Fact]
    public void Sheet_is_protected_without_a_password_and_only_inputs_are_unlocked()
    {
        // sheetProtection with sheet="1" and no password hash; cellXfs protection locked="0" marks the cells a user may type in.
        using var book = new Opened(FormStream());
        var protection = book.Sheet(Sheet).GetFirstChild<SheetProtection>()!;
        Assert.True(protection.Sheet!.Value);
        Assert.Null(protection.Password);
        Assert.Null(protection.HashValue);
        var beds = book.RowOf(Sheet, "Tổng số giường bệnh trong huyện");
        Assert.False(book.Format(Sheet, $"F{beds}").Protection!.Locked!.Value);
        Assert.False(book.Format(Sheet, $"J{beds}").Protection!.Locked!.Value);
        Assert.True(book.Format(Sheet, $"E{beds}").Protection!.Locked!.Value);
        Assert.True(book.Format(Sheet, $"G{beds}").Protection!.Locked!.Value); // a count has no parts
        var immunisation = book.RowOf(Sheet, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi");
        Assert.False(book.Format(Sheet, $"G{immunisation}").Protection!.Locked!.Value);
        Assert.False(book.Format(Sheet, $"H{immunisation}").Protection!.Locked!.Value);
        Assert.Contains("IFERROR", book.Cell(Sheet, $"I{immunisation}")!.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal(400m, book.Number(Sheet, $"D{beds}"));
    }

    [Theory]
    [InlineData("Tổng số giường bệnh trong huyện", "whole", "greaterThanOrEqual", "0", null)]
    [InlineData("Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "decimal", "between", "0", "100")]
    [InlineData("Công suất sử dụng giường bệnh ở các bệnh viện huyện", "decimal", "greaterThanOrEqual", "0", null)]
    [InlineData("Bệnh viện đạt mức chất lượng", "whole", "between", "1", "10")]
    public void Inputs_carry_a_validation_fitting_their_indicator(string name, string type, string op, string low, string? high)
    {
        // dataValidation: whole numbers for counts and levels, 0-100 for percentages unless above 100 is allowed.
        using var book = new Opened(FormStream());
        var cell = $"F{book.RowOf(Sheet, name)}";
        var rule = book.Sheet(Sheet).Descendants<DataValidation>().Single(v => v.SequenceOfReferences!.Items.Any(r => r.Value == cell));
        Assert.Equal(type, rule.Type!.InnerText);
        Assert.Equal(op, rule.Operator!.InnerText);
        Assert.Equal(low, rule.Formula1!.Text);
        Assert.Equal(high, rule.Formula2?.Text);
        Assert.True(rule.ShowErrorMessage!.Value);
    }

    [Fact]
    public void Identity_is_kept_in_defined_names_and_codes_in_a_hidden_column()
    {
        using var book = new Opened(FormStream("7"));
        Assert.Equal("\"SD\"", book.Names[FormNames.Unit].Text);
        Assert.Equal("\"2021-H1\"", book.Names[FormNames.Period].Text);
        Assert.Equal("\"7\"", book.Names[FormNames.Version].Text);
        Assert.Equal("\"2021-07-01T08:00:00.0000000+07:00\"", book.Names[FormNames.GeneratedAt].Text);
        Assert.StartsWith("'Nhập liệu'!$K$11:$K$", book.Names[FormNames.Codes].Text, StringComparison.Ordinal);
        var beds = book.RowOf(Sheet, "Tổng số giường bệnh trong huyện");
        Assert.Equal("GIUONG", book.Text(Sheet, $"K{beds}"));
        Assert.True(book.Sheet(Sheet).Descendants<Column>().Single(c => c.Min! == 11).Hidden!.Value);
    }

    [Fact]
    public void A_form_filled_with_the_sdk_reads_back_exactly_what_was_typed()
    {
        var filled = FormFill.WithSdk(FormStream("9"), new Dictionary<string, FormFill.Entry>
        {
            ["GIUONG"] = new(420), ["GIUONG_BV"] = new(280), ["GIUONG_TYT"] = new(140),
            ["TCDD"] = new(48.21m, 512, 1062, "Tiêm bù tháng 6"),
            ["GIUONG_VAN"] = new(null, 420, 197000),
            ["LUOTKHAM"] = new("131.250"),
            ["CSKCB"] = new(33, Note: "=cmd|' /C calc'!A0"),
        });
        var result = WorkbookUpload.Read(filled, Target());
        Assert.Null(result.Refusal);
        Assert.Empty(result.Rejected);
        Assert.Equal(UploadSource.Form, result.Source);
        Assert.Equal("9", result.FormVersion);
        var got = result.Observations.ToDictionary(o => o.IndicatorCode);
        Assert.Equal(420m, got["GIUONG"].Value);
        Assert.Equal(280m, got["GIUONG_BV"].Value);
        Assert.Equal((48.21m, 512m, 1062m, "Tiêm bù tháng 6"), (got["TCDD"].Value!.Value, got["TCDD"].Numerator!.Value, got["TCDD"].Denominator!.Value, got["TCDD"].Note!));
        Assert.Equal(Math.Round(420m / 197000m * 10000m, 4), got["GIUONG_VAN"].Value);
        Assert.Equal(131250m, got["LUOTKHAM"].Value);
        Assert.Equal("=cmd|' /C calc'!A0", got["CSKCB"].Note);
        Assert.All(got.Values, o => Assert.Equal(("SD", Samples.Half), (o.UnitCode, o.Period)));
        Assert.Equal(Samples.Indicators.Count - got.Count, result.Ignored);
    }

    [Fact]
    public void A_form_filled_with_openpyxl_reads_back_exactly_what_was_typed()
    {
        var filled = FormFill.WithOpenpyxl(FormStream(), """
            ws.cell(row=rows['GIUONG'], column=6).value = 415
            ws.cell(row=rows['XA_TCQG'], column=6).value = 83.9
            ws.cell(row=rows['XA_TCQG'], column=7).value = 26
            ws.cell(row=rows['XA_TCQG'], column=8).value = 31
            ws.cell(row=rows['SDD_TC'], column=10).value = 'Số liệu cân đo tháng 6'
            """);
        var result = WorkbookUpload.Read(filled, Target());
        Assert.Null(result.Refusal);
        Assert.Empty(result.Rejected);
        var got = result.Observations.ToDictionary(o => o.IndicatorCode);
        Assert.Equal(415m, got["GIUONG"].Value);
        Assert.Equal((83.9m, 26m, 31m), (got["XA_TCQG"].Value!.Value, got["XA_TCQG"].Numerator!.Value, got["XA_TCQG"].Denominator!.Value));
        Assert.Equal("Số liệu cân đo tháng 6", got["SDD_TC"].Note);
        Assert.Null(got["SDD_TC"].Value);
        Assert.Equal(33m, got["CSKCB"].Value); // pre-filled from what was stored
    }

    [Theory]
    [InlineData("GIUONG", 420.5, "value", "phải là số nguyên")]
    [InlineData("TCDD", 104, "value", "không được lớn hơn 100")]
    [InlineData("LUOTKHAM", -5, "value", "không được âm")]
    [InlineData("LUOTKHAM", "nhiều", "value", "không phải là số")]
    public void Bad_cells_are_rejected_naming_sheet_and_cell(string code, object typed, string field, string reason)
    {
        var filled = FormFill.WithSdk(FormStream(), new Dictionary<string, FormFill.Entry> { [code] = new(typed), ["CSKCB"] = new(33) });
        var result = WorkbookUpload.Read(filled, Target());
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((code, field), (rejected.IndicatorCode, rejected.Field));
        Assert.Equal(Sheet, rejected.Sheet);
        Assert.Equal($"F{rejected.Row}", rejected.Cell);
        Assert.Contains(reason, rejected.MessageVi, StringComparison.Ordinal);
        Assert.Contains($"ô F{rejected.Row}", rejected.MessageVi, StringComparison.Ordinal);
        Assert.Contains($"cell F{rejected.Row}", rejected.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Observations, o => o.IndicatorCode == code);
    }

    [Theory]
    [InlineData("YS", "2021-H1", UploadProblem.WrongUnit)]
    [InlineData("SD", "2021-9M", UploadProblem.WrongPeriod)]
    public void A_form_for_another_unit_or_period_is_refused(string unit, string period, UploadProblem problem)
    {
        var result = WorkbookUpload.Read(FormStream(), new UploadTarget(unit, HealthFuncs.Core.Periods.Period.ParseCode(period), Samples.Indicators));
        Assert.Equal(problem, result.Refusal!.Problem);
        Assert.Empty(result.Observations);
        Assert.Contains(unit == "YS" ? "YS" : "2021-9M", result.Refusal.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instruction_to_type_only_in_the_yellow_cells_is_above_the_table()
    {
        using var book = Opened.Build(s => DataEntryFormWorkbook.Write(Samples.Form(), s));
        var sheet = DataEntryFormWorkbook.SheetName;
        Assert.StartsWith("Chỉ nhập vào các ô màu vàng", book.Text(sheet, $"A{DataEntryFormWorkbook.InstructionRow}"), StringComparison.Ordinal);
        Assert.True(DataEntryFormWorkbook.InstructionRow < DataEntryFormWorkbook.FirstRow);
        Assert.Single(book.Sheet(sheet).Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>(), c => c.InlineString?.InnerText.Contains("ô màu vàng", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Whole_parts_print_as_whole_numbers()
    {
        var form = Samples.Form() with
        {
            Lines = [.. Samples.Form().Lines.Select(l => l.Indicator.Code == "XA_TCQG" ? l with { Current = Samples.Obs("XA_TCQG", 83.9m, 1443, 1720) } : l)],
        };
        using var book = Opened.Build(s => DataEntryFormWorkbook.Write(form, s));
        var row = book.RowOf(DataEntryFormWorkbook.SheetName, "Xã đạt tiêu chí quốc gia về y tế");
        Assert.Equal("#,##0", book.NumberFormat(DataEntryFormWorkbook.SheetName, $"{AnnexSheet.ColumnName(DataEntryFormWorkbook.Numerator)}{row}"));
        Assert.Equal("#,##0", book.NumberFormat(DataEntryFormWorkbook.SheetName, $"{AnnexSheet.ColumnName(DataEntryFormWorkbook.Denominator)}{row}"));
    }
}
