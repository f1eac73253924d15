using System.Globalization;
using DocumentFormat.OpenXml;
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
/// Reads a worksheet row by row with the SDK's SAX reader, so only one row is in memory at a time.
/// Shared strings, inline strings, booleans, errors and formula results are all turned into text.
/// The shared strings are streamed too, and every count is checked against <see cref="UploadLimits"/> as it
/// grows: a hostile file is refused after reading no more than the limits, never loaded whole.
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
        // Pure SAX: no element objects are built for rows or cells, only their attributes and texts are read.
        using var reader = OpenXmlReader.Create(part);
        uint lastRow = 0, column = 0;
        List<SheetCell>? cells = null;
        string? reference = null, type = null, value = null;
        System.Text.StringBuilder? inline = null;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    lastRow = Attribute(reader, "r") is { } r && uint.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lastRow + 1;
                    cells = [];
                    column = 0;
                }
                else if (cells is { Count: > 0 })
                {
                    if (++_rows > _limits.MaxRows) throw UploadLimitException.Rows(_limits.MaxRows);
                    _deadline.Check();
                    yield return new SheetRow(lastRow, cells);
                }
            }
            else if (element == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    reference = Attribute(reader, "r");
                    type = Attribute(reader, "t");
                    value = null;
                    inline = null;
                }
                else
                {
                    column = reference is not null ? ColumnOf(reference) : column + 1;
                    if (++_cells > _limits.MaxCells) throw UploadLimitException.Cells(_limits.MaxCells);
                    if (Read(type, value, inline?.ToString()) is { } cell) cells?.Add(cell with { Column = column });
                }
            }
            else if (element == typeof(CellValue) && reader.IsStartElement) value = reader.GetText();
            else if (element == typeof(Text) && reader.IsStartElement && type == "inlineStr")
                (inline ??= new System.Text.StringBuilder()).Append(reader.GetText());
        }
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri)) return attribute.Value;
        return null;
    }

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
