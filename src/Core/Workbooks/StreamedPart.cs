using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// How an upload's worksheets and shared strings are read: a plain XmlReader straight over the decompressing stream,
/// DTDs prohibited. Their size was checked by <see cref="UploadGate"/> from the zip headers, and .NET's zip reader
/// yields no more bytes than a header states, so a part cannot expand past what the gate allowed; a DTD met while
/// reading is refused as the gate refuses one.
/// </summary>
public static class StreamedPart
{
    /// <summary>The settings every streamed part is read with: no DTD, no resolver, no comments.</summary>
    public static XmlReaderSettings Settings(long maxCharacters = 0) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false, MaxCharactersInDocument = maxCharacters, CloseInput = true,
    };

    /// <summary>An XML reader over <paramref name="part"/>.</summary>
    public static XmlReader Open(OpenXmlPart part, long maxCharacters = 0) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings(maxCharacters));

    /// <summary>The reader's refusal of a DTD as the upload's refusal naming the part; null for any other XML error.</summary>
    public static UploadLimitException? Refusal(XmlException e, OpenXmlPart part) =>
        e.Message.Contains("DTD", StringComparison.Ordinal) ? UploadLimitException.Dtd(part.Uri.OriginalString.TrimStart('/')) : null;
}
