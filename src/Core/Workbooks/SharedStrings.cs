using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Reads the shared-strings part with a plain streaming XmlReader (no DTD, no element objects), counting the
/// strings and the characters as it goes: past <see cref="UploadLimits.MaxSharedStrings"/> strings or
/// <see cref="UploadLimits.MaxSharedStringChars"/> characters of XML it stops and refuses the file, so a part
/// that would expand to gigabytes in memory costs no more than the limits.
/// </summary>
public static class SharedStrings
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The texts of the shared strings, in order; throws <see cref="UploadLimitException"/> past a limit.</summary>
    public static string[] Read(SharedStringTablePart? part, UploadLimits limits, ReadDeadline? deadline = null)
    {
        if (part is null) return [];
        var result = new List<string>();
        try
        {
            using var reader = StreamedPart.Open(part, limits.MaxSharedStringChars);
            System.Text.StringBuilder? item = null;
            bool inText = false, inPhonetic = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == Main)
                {
                    switch (reader.LocalName)
                    {
                        case "si" when reader.IsEmptyElement: Add(result, "", limits, deadline); break;
                        case "si": item = new(); break;
                        // Phonetic hints (rPh) are not part of the text.
                        case "rPh": inPhonetic = !reader.IsEmptyElement; break;
                        case "t": inText = !reader.IsEmptyElement && !inPhonetic; break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI == Main)
                {
                    switch (reader.LocalName)
                    {
                        case "si" when item is not null: Add(result, item.ToString(), limits, deadline); item = null; break;
                        case "rPh": inPhonetic = false; break;
                        case "t": inText = false; break;
                    }
                }
                else if (inText && item is not null && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                    item.Append(reader.Value);
            }
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw UploadLimitException.SharedStringChars(limits.MaxSharedStringChars);
        }
        catch (XmlException e) when (StreamedPart.Refusal(e, part) is { } refusal)
        {
            throw refusal;
        }
        return [.. result];
    }

    private static void Add(List<string> result, string text, UploadLimits limits, ReadDeadline? deadline)
    {
        if (result.Count >= limits.MaxSharedStrings) throw UploadLimitException.SharedStrings(limits.MaxSharedStrings);
        deadline?.Check();
        result.Add(text);
    }
}
