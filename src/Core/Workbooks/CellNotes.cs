using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Cell notes (comments): the comments part holds their text; Excel draws them from a legacy VML part, one
/// hidden shape per note, so both are written. A note shows when the pointer rests on its cell.
/// </summary>
public static class CellNotes
{
    /// <summary>The author every note is signed with.</summary>
    public const string Author = "HealthFuncs";

    /// <summary>Adds <paramref name="notes"/> to the sheet's <paramref name="part"/>; returns the element that draws them on the
    /// sheet. <paramref name="sheetNumber"/> keeps shape ids unique per workbook.</summary>
    public static LegacyDrawing Attach(WorksheetPart part, IReadOnlyList<(string Reference, string Text)> notes, int sheetNumber)
    {
        // A table of many children carries thousands of notes: each is written as it is made, not kept as a tree.
        var comments = part.AddNewPart<WorksheetCommentsPart>();
        using (var writer = OpenXmlWriter.Create(comments, new UTF8Encoding(false)))
        {
            writer.WriteStartElement(new Comments());
            writer.WriteElement(new Authors(new Author(Author)));
            writer.WriteStartElement(new CommentList());
            foreach (var (reference, text) in notes)
                writer.WriteElement(new Comment(new CommentText(new Run(
                    new RunProperties(new FontSize { Val = 10 }, new RunFont { Val = "Times New Roman" }),
                    new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
                { Reference = reference, AuthorId = 0 });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var vml = part.AddNewPart<VmlDrawingPart>();
        using (var writer = new StreamWriter(vml.GetStream(FileMode.Create), new UTF8Encoding(false)))
            writer.Write(Shapes(notes, sheetNumber));
        return new LegacyDrawing { Id = part.GetIdOfPart(vml) };
    }

    private static string Shapes(IReadOnlyList<(string Reference, string Text)> notes, int sheetNumber)
    {
        var xml = new StringBuilder();
        xml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
        xml.Append(CultureInfo.InvariantCulture, $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{sheetNumber}\"/></o:shapelayout>");
        xml.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">");
        xml.Append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var i = 0; i < notes.Count; i++)
        {
            var column = SheetCells.ColumnOf(notes[i].Reference) - 1;
            var row = uint.Parse(notes[i].Reference.AsSpan(notes[i].Reference.TakeWhile(char.IsLetter).Count()), CultureInfo.InvariantCulture) - 1;
            var id = sheetNumber * 1024 + i + 1;
            xml.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:80pt;z-index:{i + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            xml.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>");
            xml.Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, {row}, 2, {column + 4}, 15, {row + 5}, 2</x:Anchor>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }
        xml.Append("</xml>");
        return xml.ToString();
    }

}
