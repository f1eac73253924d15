using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// The worksheets and shared strings of an upload are decompressed once, while they are read: what the gate
/// checked of the other parts is checked of these as they stream, with the same refusals.
public class StreamedPartTests
{
    private static readonly UploadTarget Target = new("SD", Samples.Half, Samples.Indicators);

    private static byte[] Form()
    {
        var stream = new MemoryStream();
        DataEntryFormWorkbook.Write(Samples.Form(), stream);
        return stream.ToArray();
    }

    private static string FirstSheet(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).Order().First();
    }

    /// Rewrites the package (stored sizes in the local headers, as ZipArchive writes to a seekable stream), changing one entry.
    private static byte[] Rezip(byte[] source, string name, Func<string, string> change)
    {
        var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in from.Entries)
            {
                var text = new StreamReader(entry.Open()).ReadToEnd();
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == name ? change(text) : text);
            }
        return output.ToArray();
    }

    /// Makes the size headers of <paramref name="name"/> (local and central) claim <paramref name="size"/> bytes.
    private static byte[] LieAboutSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var encoded = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, encoded.Length).SequenceEqual(encoded))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, encoded.Length).SequenceEqual(encoded))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
        }
        return bytes;
    }

    private static WorkbookImport Read(byte[] bytes, UploadLimits? limits = null) => WorkbookUpload.Read(new MemoryStream(bytes), Target, limits);

    [Fact]
    public void A_dtd_in_a_worksheet_is_refused_naming_the_sheet()
    {
        var form = Form();
        var sheet = FirstSheet(form);
        var result = Read(Rezip(form, sheet, text => text.Replace("?>", "?><!DOCTYPE lol [<!ENTITY lol \"lol\">]>", StringComparison.Ordinal)));

        Assert.Equal(UploadProblem.Dtd, result.Refusal?.Problem);
        Assert.Contains($"'{sheet}'", result.Refusal!.MessageVi, StringComparison.Ordinal);
        Assert.Contains($"'{sheet}'", result.Refusal.MessageEn, StringComparison.Ordinal);
        Assert.Empty(result.Observations);
    }

    private static byte[] PaddedSheet(out string sheet)
    {
        var form = Form();
        var name = sheet = FirstSheet(form);
        // 400 KB of comment: the reader skips it, but it counts in what the sheet expands to.
        return Rezip(form, name, text => text.Replace("?>", "?><!--" + new string('x', 400_000) + "-->", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worksheet_larger_than_the_decompressed_limit_is_refused_as_a_zip_bomb_before_it_is_read()
    {
        var result = Read(PaddedSheet(out _), new UploadLimits(MaxUncompressedBytes: 300_000));

        Assert.Equal(UploadProblem.ZipBomb, result.Refusal?.Problem);
        Assert.Contains("giải nén", result.Refusal!.MessageVi, StringComparison.Ordinal);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void A_worksheet_whose_size_header_understates_it_is_read_no_further_than_stated_and_refused_as_damaged()
    {
        // The headers claim 1 KB, passing a 300 KB limit; the zip reader stops at the stated size, cutting the XML short.
        var padded = PaddedSheet(out var sheet);

        var result = Read(LieAboutSize(padded, sheet, 1_000), new UploadLimits(MaxUncompressedBytes: 300_000));

        Assert.Equal(UploadProblem.Truncated, result.Refusal?.Problem);
        Assert.Empty(result.Observations);
    }
}
