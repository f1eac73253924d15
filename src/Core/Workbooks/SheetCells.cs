using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>A cell as read: its column, its text (numbers in invariant form), and whether it is a number.</summary>
public readonly record struct SheetCell(uint Column, string Text, bool IsNumber);

/// <summary>A row as read: its 1-based index and its non-empty cells in column order.</summary>
public sealed record SheetRow(uint Index, IReadOnlyList<SheetCell> Cells)
{
    /// <summary>The cell in <paramref name="column"/>, if it has one.</summary>
    public SheetCell? At(uint column)
    {
        foreach (var cell in Cells) if (cell.Column == column) return cell;
        return null;
    }
}

/// <summary>
/// Reads a worksheet row by row with a streaming XmlReader, so only one row is in memory at a time.
/// Shared strings, inline strings, booleans, errors and formula results are all turned into text.
/// The shared strings are streamed too, and every count is checked against <see cref="UploadLimits"/> as it
/// grows: a hostile file is refused after reading no more than the limits, never loaded whole; a DTD is refused where
/// it is met (<see cref="StreamedPart"/>).
/// </summary>
public sealed class SheetCells
{
    private readonly WorkbookPart workbook;
    private readonly UploadLimits _limits;
    private readonly ReadDeadline _deadline;
    private readonly string[] _shared;
    private long _cells, _rows;

    /// <summary>Reads the shared strings at once (within the limits); rows are read when asked for.</summary>
    public SheetCells(WorkbookPart workbook, UploadLimits? limits = null)
    {
        this.workbook = workbook;
        _limits = limits ?? UploadLimits.Default;
        _deadline = new ReadDeadline(_limits);
        _shared = SharedStrings.Read(workbook.SharedStringTablePart, _limits, _deadline);
    }

    /// <summary>The worksheet part of the sheet named <paramref name="name"/>, or null (also when its relationship is missing).</summary>
    public WorksheetPart? Find(string name) =>
        workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == name) is { Id.Value: { } id }
            && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;

    /// <summary>The sheets in tab order, with their names; a sheet whose relationship is missing is skipped.</summary>
    public IEnumerable<(string Name, WorksheetPart Part)> Sheets()
    {
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                yield return (sheet.Name?.Value ?? "", worksheet);
    }

    /// <summary>The rows that hold at least one cell.</summary>
    public IEnumerable<SheetRow> Rows(WorksheetPart part)
    {
        // A plain XmlReader over the decompressing stream: no element objects, one row in memory at a time.
        using var reader = StreamedPart.Open(part);
        uint lastRow = 0, column = 0;
        List<SheetCell>? cells = null;
        string? type = null, value = null, inline = null;
        uint referenced = 0;
        var width = 0;
        var inCell = false;
        while (Next(reader, part))
        {
            if (reader.NodeType == XmlNodeType.Element && IsSheetXml(reader))
            {
                switch (reader.LocalName)
                {
                    case "row":
                        lastRow = reader.GetAttribute("r") is { } r && uint.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lastRow + 1;
                        // Sized like the row before: rows of a table are alike, and a list grown cell by cell costs twice.
                        cells = new List<SheetCell>(Math.Max(4, width));
                        column = 0;
                        if (reader.IsEmptyElement) cells = null;
                        break;
                    case "c":
                        referenced = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : 0;
                        type = reader.GetAttribute("t");
                        value = null;
                        inline = null;
                        inCell = !reader.IsEmptyElement;
                        if (!inCell) EndCell();
                        break;
                    case "v" when inCell && !reader.IsEmptyElement:
                        value = Content(reader, part);
                        continue;
                    case "t" when inCell && type == "inlineStr" && !reader.IsEmptyElement:
                        // Rich text comes in runs, each with its own text; a plain inline string has one.
                        inline = inline is null ? Content(reader, part) : inline + Content(reader, part);
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && IsSheetXml(reader))
            {
                if (reader.LocalName == "c" && inCell)
                {
                    inCell = false;
                    EndCell();
                }
                else if (reader.LocalName == "row" && cells is { Count: > 0 })
                {
                    if (++_rows > _limits.MaxRows) throw UploadLimitException.Rows(_limits.MaxRows);
                    _deadline.Check();
                    width = cells.Count;
                    yield return new SheetRow(lastRow, cells);
                    cells = null;
                }
            }
            if (!Advance(reader, part)) break;
        }

        void EndCell()
        {
            column = referenced > 0 ? referenced : column + 1;
            if (++_cells > _limits.MaxCells) throw UploadLimitException.Cells(_limits.MaxCells);
            if (Read(type, value, inline) is { } cell) cells?.Add(cell with { Column = column });
        }
    }

    // The reader stays on the node to handle until Advance moves it, so an element whose text was read (which moves
    // the reader past it) is not skipped over.
    private static bool Next(XmlReader reader, WorksheetPart part) => reader.ReadState != ReadState.Initial || Advance(reader, part);

    private static bool Advance(XmlReader reader, WorksheetPart part)
    {
        try { return reader.Read(); }
        catch (XmlException e) when (StreamedPart.Refusal(e, part) is { } refusal) { throw refusal; }
    }

    private static string Content(XmlReader reader, WorksheetPart part)
    {
        try { return reader.ReadElementContentAsString(); }
        catch (XmlException e) when (StreamedPart.Refusal(e, part) is { } refusal) { throw refusal; }
    }

    // Transitional and Strict Open XML name the same elements in two namespaces.
    private static bool IsSheetXml(XmlReader reader) =>
        reader.NamespaceURI is "http://schemas.openxmlformats.org/spreadsheetml/2006/main" or "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private SheetCell? Read(string? type, string? raw, string? inline)
    {
        switch (type)
        {
            case "inlineStr": return Text(inline);
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Length ? Text(_shared[i]) : null;
            case "b": return raw is null ? null : Text(raw == "1" ? "TRUE" : "FALSE");
            case "str" or "e": return Text(raw);
            default: return string.IsNullOrEmpty(raw) ? null : new SheetCell(0, raw, true);
        }
    }

    private static SheetCell? Text(string? text) => string.IsNullOrEmpty(text) ? null : new SheetCell(0, text, false);

    /// <summary>The 1-based column of an A1 reference.</summary>
    public static uint ColumnOf(string reference)
    {
        uint column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') column = column * 26 + (uint)(ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') column = column * 26 + (uint)(ch - 'a' + 1);
            else break;
        }
        return column;
    }
}
