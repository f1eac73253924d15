using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Benchmarks;

/// <summary>
/// What writing and reading 1.000.000 cells costs with nothing but the framework: an XmlWriter into a zip entry, an
/// XmlReader over one. No library can beat these by much; they show how far from the floor each contender is.
/// </summary>
public static class Floors
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A minimal valid .xlsx of the flat rows: inline strings, no styles; the same compression level as SpreadCheetah's default.</summary>
    public static long WriteXlsx(Stream output)
    {
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            using var writer = XmlWriter.Create(sheet, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            writer.WriteStartElement("worksheet", Main);
            writer.WriteStartElement("sheetData", Main);
            Span<char> number = stackalloc char[32];
            foreach (var r in Cells.FlatRows())
            {
                writer.WriteStartElement("row", Main);
                foreach (var text in (ReadOnlySpan<string>)[r.UnitCode, r.UnitName, r.IndicatorCode, r.IndicatorName, r.UnitOfMeasure, r.Period.Code, AnnexFrame.PeriodText(r.Period)])
                    Text(writer, text);
                foreach (var value in (ReadOnlySpan<decimal?>)[r.Period.Year, r.Value, r.Numerator, r.Denominator])
                {
                    writer.WriteStartElement("c", Main);
                    writer.WriteStartElement("v", Main);
                    value!.Value.TryFormat(number, out var written, default, CultureInfo.InvariantCulture);
                    writer.WriteChars(number[..written].ToArray(), 0, written);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
                Text(writer, r.Note!);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return output.Length;
    }

    private static void Text(XmlWriter writer, string text)
    {
        writer.WriteStartElement("c", Main);
        writer.WriteAttributeString("t", "inlineStr");
        writer.WriteStartElement("is", Main);
        writer.WriteElementString("t", Main, text);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>Counts the non-empty cells of the first worksheet: shared strings read into memory, the sheet streamed, no checks.</summary>
    public static long ReadXlsx(Stream input)
    {
        using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } strings)
        {
            using var reader = XmlReader.Create(strings.Open());
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") shared.Add(reader.ReadInnerXml());
        }
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        long count = 0;
        using (var reader = XmlReader.Create(sheet.Open()))
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "t" && reader.ReadElementContentAsString().Length > 0) count++;
        return count;
    }
}
