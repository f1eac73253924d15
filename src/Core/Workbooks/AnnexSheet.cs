using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// One worksheet being laid out in memory: cells, merges, widths, heights, then the parts that follow the cells in
/// the schema's order. A cell is held as a small value (its style and content) and becomes an XML element only as it
/// is written, so a table of a hundred thousand cells does not keep as many element trees alive.
/// Text is always written as an inline string, never as a formula (see <see cref="Looks.NeedsQuote"/>).
/// </summary>
public sealed class AnnexSheet(string name)
{
    // A cell's content: text (an inline string), a number, or a formula with its value as computed now (a number,
    // or text when TextResult); none of them for a styled empty cell.
    private readonly record struct Entry(uint Style, string? Text = null, decimal? Number = null, string? Formula = null, bool TextResult = false)
    {
        public Cell ToCell(uint column, uint row)
        {
            var cell = new Cell { CellReference = Ref(column, row), StyleIndex = Style };
            if (Formula is { } formula)
            {
                cell.CellFormula = new CellFormula(formula);
                if (TextResult || Number is null) { cell.DataType = CellValues.String; cell.CellValue = new CellValue(Text ?? ""); }
                else cell.CellValue = new CellValue(Number.Value);
            }
            else if (Text is { } text)
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            }
            else if (Number is { } number) cell.CellValue = new CellValue(number);
            return cell;
        }
    }

    private readonly SortedDictionary<uint, SortedDictionary<uint, Entry>> _rows = [];
    private readonly Dictionary<uint, double> _heights = [];
    private readonly List<string> _merges = [];
    private readonly SortedDictionary<uint, (double Width, bool Hidden)> _columns = [];
    private readonly Dictionary<(uint Column, uint Row), (Look Look, string Format)> _formats = [];
    private readonly List<(string Reference, string Text)> _notes = [];
    private readonly List<(string Reference, string Location)> _links = [];
    private readonly HashSet<(uint Column, uint Row)> _unlocked = [];

    /// <summary>The sheet's name as shown on its tab.</summary>
    public string Name { get; } = name;
    /// <summary>Rows repeated at the top of every printed page (first, last), if any.</summary>
    public (uint First, uint Last)? PrintTitles { get; set; }
    /// <summary>The first cell below and right of the frozen panes, e.g. "C11".</summary>
    public string? FreezeAt { get; set; }
    /// <summary>Landscape A4 when true, portrait otherwise.</summary>
    public bool Landscape { get; set; }
    /// <summary>Protect the sheet without a password: only unlocked cells can be edited.</summary>
    public bool Protect { get; set; }
    /// <summary>An autofilter range on the header row, e.g. "A1:K1".</summary>
    public string? AutoFilter { get; set; }
    /// <summary>Conditional formats, in the order they are written.</summary>
    public List<ConditionalFormatting> ConditionalFormats { get; } = [];
    /// <summary>Native charts drawn on the sheet.</summary>
    public List<SheetChart> Charts { get; } = [];
    /// <summary>Data validations on input cells.</summary>
    public List<DataValidation> Validations { get; } = [];

    /// <summary>The A1 reference of a 1-based column and row.</summary>
    public static string Ref(uint column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The letters of a 1-based column: 1 → A, 27 → AA.</summary>
    public static string ColumnName(uint column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    /// <summary>Sets a column's width in characters; hidden columns keep the width they show when unhidden.</summary>
    public void Width(uint column, double width, bool hidden = false) => _columns[column] = (width, hidden);

    /// <summary>Sets a row's height in points.</summary>
    public void Height(uint row, double points) => _heights[row] = points;

    /// <summary>Writes text; text that starts with = + - @ gets the quote-prefixed twin of its look.</summary>
    public void Text(uint column, uint row, string? text, Look look) =>
        Put(column, row, new(Looks.Index(look, text is not null && Looks.NeedsQuote(text)), Text: string.IsNullOrEmpty(text) ? null : text));

    /// <summary>Writes a number, or a styled empty cell when null.</summary>
    public void Number(uint column, uint row, decimal? value, Look look) => Put(column, row, new(Looks.Index(look), Number: value));

    /// <summary>Writes a number with its own number format (a target printed in its plan's words around its number).</summary>
    public void Number(uint column, uint row, decimal? value, Look look, string format)
    {
        Number(column, row, value, look);
        _formats[(column, row)] = (look, format);
    }

    /// <summary>Writes a formula whose result is text, with the text as computed now.</summary>
    public void FormulaText(uint column, uint row, string formula, string cached, Look look) =>
        Put(column, row, new(Looks.Index(look), Text: cached, Formula: formula, TextResult: true));

    /// <summary>Writes a date as a date serial with the date look (dd/mm/yyyy), or a bordered empty cell.</summary>
    public void Date(uint column, uint row, DateOnly? date) =>
        Number(column, row, date is { } d ? d.DayNumber - new DateOnly(1899, 12, 30).DayNumber : null, Look.Date);

    /// <summary>Makes a cell a link to a place in the workbook, e.g. "'Huyện Sơn Dương'!A11".</summary>
    public void Link(uint column, uint row, string location) => _links.Add((Ref(column, row), location));

    /// <summary>
    /// Leaves a cell editable when the sheet is protected: a figure a reader is meant to correct, beside the derived
    /// cells that stay locked. The cell keeps its look (no input colour); call after writing it.
    /// </summary>
    public void Unlock(uint column, uint row) => _unlocked.Add((column, row));

    /// <summary>True when <see cref="Unlock"/> was called for the cell.</summary>
    public bool IsUnlocked(uint column, uint row) => _unlocked.Contains((column, row));

    /// <summary>Attaches a note (a cell comment) to a cell.</summary>
    public void Note(uint column, uint row, string text) => _notes.Add((Ref(column, row), text));

    /// <summary>The cell notes, in the order written.</summary>
    public IReadOnlyList<(string Reference, string Text)> Notes => _notes;

    /// <summary>The (look, number format) pairs of cells with their own format; the workbook's stylesheet adds one cell format each.</summary>
    public IEnumerable<(Look Look, string Format)> OwnFormats => _formats.Values.Distinct();

    /// <summary>Writes a formula with its value as computed now, so readers that do not calculate still see it.</summary>
    public void Formula(uint column, uint row, string formula, decimal? cached, Look look) =>
        Put(column, row, new(Looks.Index(look), Number: cached, Formula: formula));

    /// <summary>Merges a block, writing the text in its first cell and the look on every cell (for borders).</summary>
    public void Merge(uint fromColumn, uint fromRow, uint toColumn, uint toRow, string? text, Look look)
    {
        for (var r = fromRow; r <= toRow; r++)
            for (var c = fromColumn; c <= toColumn; c++)
                if (r != fromRow || c != fromColumn) Put(c, r, new(Looks.Index(look)));
        Text(fromColumn, fromRow, text, look);
        if (fromColumn != toColumn || fromRow != toRow)
            _merges.Add($"{Ref(fromColumn, fromRow)}:{Ref(toColumn, toRow)}");
    }

    private void Put(uint column, uint row, Entry entry)
    {
        if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = [];
        cells[column] = entry;
        // A cell written again loses the format of the one it replaces.
        _formats.Remove((column, row));
    }

    /// <summary>
    /// Writes the sheet into <paramref name="part"/>: the worksheet <see cref="Frame"/> built, its rows streamed into
    /// its sheet data, then whatever follows them, <paramref name="drawings"/> (a chart drawing, a notes drawing) last.
    /// </summary>
    public void WriteTo(WorksheetPart part, Func<Look, string, uint>? formatIndex, IEnumerable<OpenXmlElement> drawings)
    {
        var worksheet = Frame(formatIndex);
        foreach (var drawing in drawings) worksheet.Append(drawing);
        using var writer = OpenXmlWriter.Create(part, new System.Text.UTF8Encoding(false));
        // The relationships namespace, declared once on the root, where a drawing refers to its part.
        writer.WriteStartElement(worksheet, [], worksheet.Elements<Drawing>().Any() || worksheet.Elements<LegacyDrawing>().Any()
            ? [new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")] : []);
        foreach (var child in worksheet.ChildElements)
        {
            if (child is not SheetData) { writer.WriteElement(child); continue; }
            writer.WriteStartElement(child);
            WriteRows(writer);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private void WriteRows(OpenXmlWriter writer)
    {
        var merged = _merges.Select(m => m.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var (index, cells) in _rows)
        {
            var row = new Row { RowIndex = index };
            var height = _heights.TryGetValue(index, out var h) ? h : HeightFor(index, cells, merged);
            if (height is { } points) { row.Height = points; row.CustomHeight = true; }
            writer.WriteStartElement(row);
            foreach (var (column, entry) in cells) writer.WriteElement(entry.ToCell(column, index));
            writer.WriteEndElement();
        }
    }

    /// <summary>The worksheet with its children in the order the schema requires, its sheet data empty: the rows are
    /// written into it as the part is written (<see cref="WriteTo"/>).</summary>
    private Worksheet Frame(Func<Look, string, uint>? formatIndex)
    {
        foreach (var ((column, row), (look, format)) in _formats)
            _rows[row][column] = _rows[row][column] with { Style = formatIndex?.Invoke(look, format) ?? Looks.Index(look) };
        foreach (var (column, row) in _unlocked)
            if (_rows.TryGetValue(row, out var line) && line.TryGetValue(column, out var entry))
                line[column] = entry with { Style = Looks.Unlocked(entry.Style) };
        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0, ZoomScale = 100 };
        if (FreezeAt is { } freeze) view.Append(FrozenPane(freeze));
        worksheet.Append(new SheetViews(view));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15.75 });
        if (_columns.Count > 0)
            worksheet.Append(new Columns(_columns.Select(c => new Column
            {
                Min = c.Key, Max = c.Key, Width = c.Value.Width, CustomWidth = true, Hidden = c.Value.Hidden ? true : null,
            })));
        worksheet.Append(new SheetData());
        // In sheetProtection false means "allowed"; the attributes are left out where the default (not allowed) holds.
        bool? filterable = AutoFilter is null ? null : false;
        if (Protect)
            worksheet.Append(new SheetProtection
            {
                Sheet = true, Objects = true, Scenarios = true,
                // Let people widen columns and rows on a protected form; values stay locked.
                FormatColumns = false, FormatRows = false,
                // A filterable table stays filterable and sortable when protected.
                AutoFilter = filterable, Sort = filterable,
            });
        if (AutoFilter is { } filter) worksheet.Append(new AutoFilter { Reference = filter });
        if (_merges.Count > 0)
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        foreach (var format in ConditionalFormats) worksheet.Append(format);
        if (Validations.Count > 0)
            worksheet.Append(new DataValidations(Validations) { Count = (uint)Validations.Count });
        if (_links.Count > 0)
            worksheet.Append(new Hyperlinks(_links.Select(l => new Hyperlink { Reference = l.Reference, Location = l.Location })));
        worksheet.Append(new PrintOptions { HorizontalCentered = true });
        worksheet.Append(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1, FitToHeight = 0, // one page wide, as many pages tall as needed
        });
        worksheet.Append(new HeaderFooter(new OddFooter("&C&\"Times New Roman\"&10Trang &P/&N")));
        return worksheet;
    }

    /// <summary>
    /// Spreadsheet programs do not grow rows for wrapped text when they open a file, so the height is set here:
    /// 15.75 pt a line, the lines estimated from the text's length against the column's width.
    /// </summary>
    private double? HeightFor(uint row, SortedDictionary<uint, Entry> cells, HashSet<string> merged)
    {
        var lines = 1;
        foreach (var (column, cell) in cells)
        {
            if (cell.Formula is not null || cell.Text is not { Length: > 0 } text || merged.Contains(Ref(column, row))
                || _formats.ContainsKey((column, row)) || !Looks.Wraps(Looks.Of(cell.Style))) continue;
            var width = _columns.TryGetValue(column, out var c) ? c.Width : 9;
            // About 1.1 characters of Times New Roman 12 fit per unit of width, less the padding: erring towards a spare line rather than overlapping text.
            var perLine = Math.Max(1, (int)(width * 1.1) - 2);
            lines = Math.Max(lines, text.Split('\n').Sum(part => WrappedLines(part, perLine)));
        }
        return lines > 1 ? lines * 15.75 + 2 : null;
    }

    /// <summary>Lines a paragraph takes when wrapped between words, as spreadsheet programs do; a word longer than a line is broken.</summary>
    internal static int WrappedLines(string paragraph, int perLine)
    {
        int lines = 1, used = 0;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var needed = used == 0 ? word.Length : used + 1 + word.Length;
            if (needed <= perLine) { used = needed; continue; }
            if (used > 0) lines++;
            lines += (word.Length - 1) / perLine;
            used = (word.Length - 1) % perLine + 1;
        }
        return lines;
    }

    private static Pane FrozenPane(string topLeft)
    {
        var column = (uint)topLeft.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        var row = uint.Parse(topLeft.AsSpan(topLeft.TakeWhile(char.IsLetter).Count()), CultureInfo.InvariantCulture);
        var pane = new Pane { TopLeftCell = topLeft, State = PaneStateValues.Frozen };
        if (column > 1) pane.HorizontalSplit = column - 1;
        if (row > 1) pane.VerticalSplit = row - 1;
        pane.ActivePane = column > 1 && row > 1 ? PaneValues.BottomRight : row > 1 ? PaneValues.BottomLeft : PaneValues.TopRight;
        return pane;
    }
}
