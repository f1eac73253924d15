using System.Globalization;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>One series of a chart: its name, the range of its values, drawn as bars or as a line (a target).</summary>
public sealed record ChartSeries(string Name, string Values, bool AsLine, string Colour);

/// <summary>
/// A native chart (DrawingML) over ranges of the workbook, anchored between two cells of its sheet: bars
/// (horizontal for long names) with optional line series on the same axes, values in <paramref name="ValueFormat"/>.
/// </summary>
public sealed record SheetChart(string Title, string Categories, IReadOnlyList<ChartSeries> Series, bool Horizontal, string ValueFormat,
    uint FromColumn, uint FromRow, uint ToColumn, uint ToRow);

/// <summary>Writes a sheet's charts as a drawing part with one chart part each, and the worksheet's &lt;drawing&gt;.</summary>
public static class AnnexCharts
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Adds the drawing of <paramref name="charts"/> to the sheet's <paramref name="part"/>; returns the element that
    /// draws it on the sheet, which goes before the notes' drawing.</summary>
    public static Drawing Attach(WorksheetPart part, IReadOnlyList<SheetChart> charts)
    {
        var drawing = part.AddNewPart<DrawingsPart>();
        var xml = new StringBuilder($"<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"{A}\">");
        for (var i = 0; i < charts.Count; i++)
        {
            var chart = drawing.AddNewPart<ChartPart>();
            Feed(chart, Chart(charts[i]));
            var c = charts[i];
            xml.Append(CultureInfo.InvariantCulture,
                $"<xdr:twoCellAnchor><xdr:from><xdr:col>{c.FromColumn - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{c.FromRow - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
            xml.Append(CultureInfo.InvariantCulture,
                $"<xdr:to><xdr:col>{c.ToColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{c.ToRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>");
            xml.Append(CultureInfo.InvariantCulture, $"<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"{i + 2}\" name=\"Biểu đồ {i + 1}\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>");
            xml.Append("<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>");
            xml.Append(CultureInfo.InvariantCulture, $"<a:graphic><a:graphicData uri=\"{C}\"><c:chart xmlns:c=\"{C}\" xmlns:r=\"{R}\" r:id=\"{drawing.GetIdOfPart(chart)}\"/></a:graphicData></a:graphic>");
            xml.Append("</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>");
        }
        xml.Append("</xdr:wsDr>");
        Feed(drawing, xml.ToString());
        return new Drawing { Id = part.GetIdOfPart(drawing) };
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(xml));
        part.FeedData(stream);
    }

    private static string Chart(SheetChart chart)
    {
        var xml = new StringBuilder($"<c:chartSpace xmlns:c=\"{C}\" xmlns:a=\"{A}\" xmlns:r=\"{R}\"><c:roundedCorners val=\"0\"/><c:chart>");
        xml.Append("<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr>");
        xml.Append(CultureInfo.InvariantCulture, $"<a:r><a:rPr lang=\"vi-VN\" sz=\"1200\" b=\"1\"><a:latin typeface=\"Times New Roman\"/></a:rPr><a:t>{Escape(chart.Title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>");
        xml.Append("<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>");
        var bars = chart.Series.Select((s, i) => (s, i)).Where(x => !x.s.AsLine).ToList();
        var lines = chart.Series.Select((s, i) => (s, i)).Where(x => x.s.AsLine).ToList();
        xml.Append(CultureInfo.InvariantCulture, $"<c:barChart><c:barDir val=\"{(chart.Horizontal ? "bar" : "col")}\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        foreach (var (s, i) in bars)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:v>{Escape(s.Name)}</c:v></c:tx>");
            xml.Append(CultureInfo.InvariantCulture, $"<c:spPr><a:solidFill><a:srgbClr val=\"{s.Colour}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>");
            xml.Append("<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
            xml.Append(CultureInfo.InvariantCulture, $"<c:cat><c:strRef><c:f>{Escape(chart.Categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>{Escape(s.Values)}</c:f></c:numRef></c:val></c:ser>");
        }
        xml.Append("<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>");
        if (lines.Count > 0)
        {
            xml.Append("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>");
            foreach (var (s, i) in lines)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:v>{Escape(s.Name)}</c:v></c:tx>");
                xml.Append(CultureInfo.InvariantCulture, $"<c:spPr><a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"{s.Colour}\"/></a:solidFill><a:prstDash val=\"dash\"/></a:ln></c:spPr><c:marker><c:symbol val=\"none\"/></c:marker>");
                xml.Append(CultureInfo.InvariantCulture, $"<c:cat><c:strRef><c:f>{Escape(chart.Categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>{Escape(s.Values)}</c:f></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>");
            }
            xml.Append("<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>");
        }
        // Horizontal bars list the first category on top, as the table does.
        xml.Append(CultureInfo.InvariantCulture, $"<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"{(chart.Horizontal ? "maxMin" : "minMax")}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{(chart.Horizontal ? "l" : "b")}\"/>");
        xml.Append("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>");
        xml.Append("<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        // Bars start at zero, so their lengths compare as the numbers do (the figures charted are never negative).
        xml.Append(CultureInfo.InvariantCulture, $"<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{(chart.Horizontal ? "b" : "l")}\"/><c:majorGridlines/>");
        xml.Append(CultureInfo.InvariantCulture, $"<c:numFmt formatCode=\"{Escape(chart.ValueFormat)}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>");
        xml.Append("<c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>");
        xml.Append("</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>");
        return xml.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
