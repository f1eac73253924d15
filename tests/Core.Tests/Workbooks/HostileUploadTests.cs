using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// Files built to exhaust the reader: refused with a clear reason, reading no more than the limits allow.
public class HostileUploadTests
{
    private static readonly UploadTarget Target = new("SD", Samples.Half, Samples.Indicators);
    private const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private const string SharedStringsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

    private static byte[] Form()
    {
        var stream = new MemoryStream();
        DataEntryFormWorkbook.Write(Samples.Form(), stream);
        return stream.ToArray();
    }

    /// A valid form whose shared-strings part is <paramref name="writeStrings"/>'s output (linked in if the form had none).
    private static byte[] WithSharedStrings(Action<Stream> writeStrings)
    {
        var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(Form()), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries.Where(e => e.FullName != "xl/sharedStrings.xml"))
            {
                var text = new StreamReader(entry.Open()).ReadToEnd();
                if (entry.FullName == "[Content_Types].xml" && !text.Contains(SharedStringsType, StringComparison.Ordinal))
                    text = text.Replace("</Types>", $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SharedStringsType}\"/></Types>", StringComparison.Ordinal);
                if (entry.FullName == "xl/_rels/workbook.xml.rels" && !text.Contains(SharedStringsRelationship, StringComparison.Ordinal))
                    text = text.Replace("</Relationships>", $"<Relationship Id=\"rIdHostile\" Type=\"{SharedStringsRelationship}\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal);
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            using var strings = to.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            writeStrings(strings);
        }
        return output.ToArray();
    }

    // About 35 000 strings of 2 000 characters: some 70 MB of XML that compresses to about a megabyte,
    // under the zip-bomb ratio, so only the reading limits stand between it and the server's memory.
    private static void HugeStrings(Stream stream)
    {
        var random = new Random(3);
        var filler = new string('a', 2000);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (var i = 0; i < 35_000; i++)
        {
            writer.Write("<si><t>");
            for (var c = 0; c < 8; c++) writer.Write((char)('a' + random.Next(26)));
            writer.Write(filler);
            writer.Write("</t></si>");
        }
        writer.Write("</sst>");
    }

    [Fact]
    public void A_huge_shared_strings_part_is_refused_as_too_big_to_read_with_bounded_allocation()
    {
        var hostile = WithSharedStrings(HugeStrings);
        Assert.InRange(hostile.Length, 300_000, 3_000_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = WorkbookUpload.Read(new MemoryStream(hostile), Target);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(UploadProblem.TooBigToRead, result.Refusal?.Problem);
        Assert.Contains("chuỗi dùng chung", result.Refusal!.MessageVi, StringComparison.Ordinal);
        Assert.Contains("shared strings", result.Refusal.MessageEn, StringComparison.Ordinal);
        // Generous: the limits let about 16 MB of text through; the whole part would be hundreds of megabytes.
        Assert.True(allocated < 200L * 1024 * 1024, $"Reading the hostile file allocated {allocated / 1024 / 1024} MB.");
    }

    [Fact]
    public void Too_many_shared_strings_are_refused()
    {
        var many = WithSharedStrings(stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (var i = 0; i < 1000; i++) writer.Write($"<si><t>{i}</t></si>");
            writer.Write("</sst>");
        });
        Assert.Equal(UploadProblem.TooBigToRead, WorkbookUpload.Read(new MemoryStream(many), Target, new UploadLimits(MaxSharedStrings: 999)).Refusal?.Problem);
        Assert.Null(WorkbookUpload.Read(new MemoryStream(many), Target, new UploadLimits(MaxSharedStrings: 1000)).Refusal);
    }

    [Fact]
    public void Rows_and_cells_beyond_the_limits_are_refused()
    {
        Assert.Equal(UploadProblem.TooBigToRead, WorkbookUpload.Read(new MemoryStream(Form()), Target, new UploadLimits(MaxRows: 3)).Refusal?.Problem);
        Assert.Equal(UploadProblem.TooBigToRead, WorkbookUpload.Read(new MemoryStream(Form()), Target, new UploadLimits(MaxCells: 10)).Refusal?.Problem);
        Assert.Null(WorkbookUpload.Read(new MemoryStream(Form()), Target).Refusal);
    }

    [Fact]
    public void Reading_past_the_time_limit_is_refused()
    {
        // No time at all: the first row read is already late. The limit is checked per string and per row,
        // so a file crafted to be slow to read stops there instead of holding a request.
        var late = WorkbookUpload.Read(new MemoryStream(Form()), Target, new UploadLimits(MaxReadSeconds: 0));
        Assert.Equal(UploadProblem.TooBigToRead, late.Refusal?.Problem);
        Assert.Contains("giây", late.Refusal!.MessageVi, StringComparison.Ordinal);
        Assert.Contains("seconds", late.Refusal.MessageEn, StringComparison.Ordinal);
        Assert.Null(WorkbookUpload.Read(new MemoryStream(Form()), Target, new UploadLimits(MaxReadSeconds: 20)).Refusal);
    }

    [Fact]
    public void A_sheet_whose_relationship_id_is_missing_is_refused_as_not_our_form()
    {
        var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(Form()), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in from.Entries)
            {
                var text = new StreamReader(entry.Open()).ReadToEnd();
                if (entry.FullName == "xl/workbook.xml")
                    text = Regex.Replace(text, "(<(?:\\w+:)?sheet\\b[^>]*?\\b\\w+:id=\")[^\"]*\"", "$1rIdMissing\"");
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

        var result = WorkbookUpload.Read(new MemoryStream(output.ToArray()), Target);

        Assert.Equal(UploadProblem.NotOurForm, result.Refusal?.Problem);
    }
}
