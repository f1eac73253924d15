using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>A generated workbook reopened for assertions, after checking it against the Office schema.</summary>
internal sealed class Opened : IDisposable
{
    private readonly SpreadsheetDocument _document;

    /// <summary>Opens <paramref name="stream"/>; <paramref name="validate"/> false for a file another program saved, whose extensions are its own business.</summary>
    public Opened(Stream stream, bool validate = true)
    {
        stream.Position = 0;
        _document = SpreadsheetDocument.Open(stream, false);
        if (!validate) return;
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(_document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static Opened Build(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        return new Opened(stream);
    }

    public WorkbookPart WorkbookPart => _document.WorkbookPart!;
    public Stylesheet Styles => WorkbookPart.WorkbookStylesPart!.Stylesheet!;
    public IReadOnlyList<string> SheetNames => WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)WorkbookPart.GetPartById(sheet.Id!)).Worksheet!;
    }

    public Cell? Cell(string sheet, string reference) => Sheet(sheet).Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    public string Text(string sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell is null) return "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        return cell.CellValue?.Text ?? "";
    }

    public decimal? Number(string sheet, string reference) =>
        Cell(sheet, reference)?.CellValue?.Text is { Length: > 0 } t ? decimal.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public CellFormat Format(string sheet, string reference) =>
        Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)?.StyleIndex?.Value ?? 0));

    public Font Font(string sheet, string reference) => Styles.Fonts!.Elements<Font>().ElementAt((int)Format(sheet, reference).FontId!.Value);

    public string NumberFormat(string sheet, string reference)
    {
        var id = Format(sheet, reference).NumberFormatId?.Value ?? 0;
        return Styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? id switch { 0 => "General", 1 => "0", 3 => "#,##0", _ => $"builtin {id}" };
    }

    public IReadOnlyDictionary<string, DefinedName> Names =>
        WorkbookPart.Workbook!.DefinedNames?.Elements<DefinedName>().ToDictionary(n => n.LocalSheetId is null ? n.Name!.Value! : $"{n.Name!.Value}#{n.LocalSheetId.Value}") ?? [];

    public IReadOnlyList<string> Merges(string sheet) => Sheet(sheet).Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

    /// <summary>The row whose column B text is <paramref name="name"/>.</summary>
    public uint RowOf(string sheet, string name) =>
        Sheet(sheet).Descendants<Cell>().First(c => c.CellReference!.Value!.StartsWith('B') && c.InlineString?.InnerText == name)
            .Ancestors<Row>().First().RowIndex!.Value;

    /// <summary>The note (comment) on a cell, or null; the sheet's VML drawing must be there too for Excel to show it.</summary>
    public string? NoteOrNull(string sheet, string reference)
    {
        var id = WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!;
        var part = (WorksheetPart)WorkbookPart.GetPartById(id!);
        var comment = part.WorksheetCommentsPart?.Comments?.Descendants<Comment>().FirstOrDefault(c => c.Reference == reference);
        if (comment is null) return null;
        Assert.NotNull(part.Worksheet!.GetFirstChild<LegacyDrawing>());
        Assert.NotEmpty(part.VmlDrawingParts);
        return comment.CommentText!.InnerText;
    }

    public string Note(string sheet, string reference) => NoteOrNull(sheet, reference) ?? throw new Xunit.Sdk.XunitException($"no note on {sheet}!{reference}");

    public void Dispose() => _document.Dispose();
}
