using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The flat export: one row per unit × indicator × period, with codes and names, for pivot tables.
/// Rows are written with the SDK's SAX writer into a zip entry as they come, so each row goes straight to the
/// output stream (which may be non-seekable, like an HTTP response) and memory stays flat however many rows come.
/// </summary>
public static class FlatExport
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Dữ liệu";
    /// <summary>The header row, in column order.</summary>
    public static readonly string[] Headers =
        ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mã kỳ", "Kỳ", "Năm", "Giá trị", "Tử số", "Mẫu số", "Ghi chú"];
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
    private static readonly double[] Widths = [12, 28, 14, 50, 11, 10, 22, 7, 13, 13, 13, 30];

    /// <summary>Writes the rows as an .xlsx to <paramref name="output"/>, which is left open; returns how many rows were written.</summary>
    public static long Write(Stream output, IEnumerable<FlatRow> rows)
    {
        // System.IO.Packaging cannot hand out parts of a write-only package, so the few fixed parts of the package
        // are written here and the zip is streamed entry by entry (ZipArchive's create mode needs no seeking).
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        long count;
        using (var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(stream))
            count = WriteSheet(writer, rows);
        var lastRow = Math.Max(1, count + 1).ToString(CultureInfo.InvariantCulture);
        Element(zip, "xl/workbook.xml", new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" }),
            new DefinedNames(new DefinedName($"{AnnexBook.Quote(SheetName)}!$A$1:$L${lastRow}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true })));
        Element(zip, "xl/styles.xml", Looks.Build());
        return count;
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml.Trim());
    }

    private static void Element(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(name).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static long WriteSheet(OpenXmlWriter writer, IEnumerable<FlatRow> rows)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());

        var cells = new CellWriter(writer);
        cells.StartRow(1);
        foreach (var header in Headers) cells.Text(header, Look.Head);
        writer.WriteEndElement();

        long count = 0;
        foreach (var row in rows)
        {
            cells.StartRow(count + 2);
            cells.Text(row.UnitCode, Look.Plain);
            cells.Text(row.UnitName, Look.Plain);
            cells.Text(row.IndicatorCode, Look.Plain);
            cells.Text(row.IndicatorName, Look.Plain);
            cells.Text(row.UnitOfMeasure, Look.Plain);
            cells.Text(row.Period.Code, Look.Plain);
            cells.Text(AnnexFrame.PeriodText(row.Period), Look.Plain);
            cells.Number(row.Period.Year, Look.Plain);
            cells.Number(row.Value, Look.Decimal);
            cells.Number(row.Numerator, Look.Decimal);
            cells.Number(row.Denominator, Look.Decimal);
            cells.Text(row.Note, Look.Plain);
            writer.WriteEndElement();
            count++;
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:L{Math.Max(1, count + 1).ToString(CultureInfo.InvariantCulture)}" });
        writer.WriteElement(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement(); // worksheet
        return count;
    }

    /// <summary>Writes cells of one row, reusing its element and attribute objects so each cell allocates little.</summary>
    private sealed class CellWriter(OpenXmlWriter writer)
    {
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly OpenXmlAttribute[] _rowIndex = [new("r", "", "1")];
        private readonly OpenXmlAttribute[] _numberAttributes = [new("r", "", "A1"), new("s", "", "0")];
        private readonly OpenXmlAttribute[] _textAttributes = [new("r", "", "A1"), new("s", "", "0"), new("t", "", "inlineStr")];
        private string _rowNumber = "1";
        private int _column;
        private readonly string[] _styles = Enumerable.Range(0, 2 * Enum.GetValues<Look>().Length)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        public void StartRow(long index)
        {
            _rowNumber = index.ToString(CultureInfo.InvariantCulture);
            _rowIndex[0] = new("r", "", _rowNumber);
            _column = 0;
            writer.WriteStartElement(_row, _rowIndex);
        }

        public void Text(string? text, Look look)
        {
            var column = Letters[_column++];
            if (string.IsNullOrEmpty(text)) return;
            _textAttributes[0] = new("r", "", column + _rowNumber);
            _textAttributes[1] = new("s", "", _styles[Looks.Index(look, Looks.NeedsQuote(text))]);
            writer.WriteStartElement(_cell, _textAttributes);
            writer.WriteStartElement(_inline);
            writer.WriteStartElement(_text);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        public void Number(decimal? value, Look look)
        {
            var column = Letters[_column++];
            if (value is not { } v) return;
            _numberAttributes[0] = new("r", "", column + _rowNumber);
            _numberAttributes[1] = new("s", "", _styles[Looks.Index(look)]);
            writer.WriteStartElement(_cell, _numberAttributes);
            writer.WriteStartElement(_value);
            writer.WriteString(v.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
