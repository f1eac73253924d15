using System.IO.Compression;
using System.Text;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Checks an uploaded file before any XML parser sees it: size, OLE compound files (legacy .xls and encrypted
/// workbooks), zip structure, entry count, real decompressed size and ratio (zip bombs), DTDs in any XML part,
/// and macros. Every refusal names the problem in Vietnamese and English.
/// </summary>
public static class UploadGate
{
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EncryptionInfo = Encoding.Unicode.GetBytes("EncryptionInfo");
    private static readonly byte[][] DtdMarks =
        [.. new[] { "<!DOCTYPE", "<!ENTITY" }.SelectMany(m => new[] { Encoding.ASCII.GetBytes(m), Encoding.Unicode.GetBytes(m), Encoding.BigEndianUnicode.GetBytes(m) })];
    private const string MacroContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

    /// <summary>Reads at most one byte past the limit into memory; a refusal when the file breaks a rule, else null and the bytes.</summary>
    /// <param name="input">The upload.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="fileName">The name it was uploaded under, if any.</param>
    /// <param name="buffer">The bytes, positioned at the start.</param>
    /// <param name="streamedParts">True when the caller reads the worksheets and the shared strings through
    /// <see cref="SheetCells"/> and refuses a <see cref="UploadLimitException"/> with its problem: those parts (nearly
    /// all of a large file) are then checked here from their headers only (size and ratio; the zip reader yields no
    /// more than a header states) and for a DTD while they are read, instead of being decompressed twice.</param>
    public static WorkbookImport? Check(Stream input, UploadLimits limits, string? fileName, out MemoryStream buffer, bool streamedParts = false)
    {
        // Sized from the stream when it knows its length, so a large upload is not copied again at every doubling.
        buffer = input.CanSeek ? new MemoryStream((int)Math.Clamp(input.Length - input.Position + 1, 0, limits.MaxBytes + 1)) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxBytes)
                return WorkbookImport.Refused(UploadProblem.TooLarge,
                    $"Tệp quá lớn: tối đa {limits.MaxBytes / 1024 / 1024} MB.", $"The file is too large: at most {limits.MaxBytes / 1024 / 1024} MB.");
        }
        buffer.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (bytes.StartsWith(Ole))
            return bytes.IndexOf(EncryptionInfo) >= 0
                ? WorkbookImport.Refused(UploadProblem.Encrypted,
                    "Tệp được đặt mật khẩu (mã hóa). Hãy bỏ mật khẩu rồi tải lên lại.",
                    "The workbook is password-encrypted. Remove the password and upload it again.")
                : WorkbookImport.Refused(UploadProblem.LegacyXls,
                    "Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy lưu thành .xlsx (Excel Workbook) rồi tải lên lại.",
                    "Excel 97-2003 (.xls) files are not supported. Save it as .xlsx (Excel Workbook) and upload it again.");
        if (fileName is not null && fileName.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase))
            return Macro();
        if (!bytes.StartsWith(Zip))
            return WorkbookImport.Refused(UploadProblem.NotAWorkbook,
                "Tệp không phải là bảng tính Excel (.xlsx).", "The file is not an Excel workbook (.xlsx).");

        try
        {
            using var zip = new ZipArchive(new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
                return WorkbookImport.Refused(UploadProblem.TooManyEntries,
                    $"Tệp có {zip.Entries.Count} thành phần, nhiều hơn giới hạn {limits.MaxEntries}.",
                    $"The file has {zip.Entries.Count} parts, more than the limit of {limits.MaxEntries}.");
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return Macro();
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (total + entry.Length > limits.MaxUncompressedBytes
                    || (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength)))
                    return Bomb();
                if (streamedParts && IsStreamed(entry.FullName))
                {
                    total += entry.Length;
                    continue;
                }
                var scan = Scan(entry, limits.MaxUncompressedBytes - total, out var size, out var contentTypes);
                total += size;
                if (scan == Finding.TooBig) return Bomb();
                if (scan == Finding.Dtd) return Refused(UploadLimitException.Dtd(entry.FullName));
                if (entry.FullName == "[Content_Types].xml" && contentTypes.Contains(MacroContentType, StringComparison.OrdinalIgnoreCase))
                    return Macro();
            }
        }
        catch (InvalidDataException)
        {
            return WorkbookImport.Refused(UploadProblem.Truncated,
                "Tệp bị hỏng hoặc tải lên chưa hết. Hãy mở lại trong Excel, lưu rồi tải lên lại.",
                "The file is damaged or was cut short. Open it in Excel, save it and upload it again.");
        }
        buffer.Position = 0;
        return null;
    }

    private enum Finding { Clean, Dtd, TooBig }

    /// <summary>Decompresses one entry, counting the bytes it really expands to and looking for DTD markers across chunk borders.</summary>
    private static Finding Scan(ZipArchiveEntry entry, long budget, out long size, out string contentTypes)
    {
        size = 0;
        contentTypes = "";
        var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
            || entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
        var keepText = entry.FullName == "[Content_Types].xml";
        var text = keepText ? new StringBuilder() : null;
        const int Overlap = 32;
        var buffer = new byte[65536 + Overlap];
        var carried = 0;
        using var stream = entry.Open();
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            size += read;
            // A lying header cannot hide a bomb: the budget counts what really comes out.
            if (size > budget || size > entry.Length + 1) { return Finding.TooBig; }
            var window = buffer.AsSpan(0, carried + read);
            if (xml)
                foreach (var mark in DtdMarks)
                    if (window.IndexOf(mark) >= 0) return Finding.Dtd;
            text?.Append(Encoding.UTF8.GetString(buffer, carried, read));
            carried = Math.Min(Overlap, window.Length);
            window[^carried..].CopyTo(buffer);
        }
        contentTypes = text?.ToString() ?? "";
        return Finding.Clean;
    }

    private static WorkbookImport Macro() => WorkbookImport.Refused(UploadProblem.MacroEnabled,
        "Tệp có macro (.xlsm) không được chấp nhận. Hãy lưu thành .xlsx (Excel Workbook) rồi tải lên lại.",
        "Macro-enabled workbooks (.xlsm) are not accepted. Save it as .xlsx (Excel Workbook) and upload it again.");

    private static WorkbookImport Bomb() => Refused(UploadLimitException.Bomb());

    private static WorkbookImport Refused(UploadLimitException e) => WorkbookImport.Refused(e.Problem, e.MessageVi, e.Message);

    /// <summary>The worksheets and the shared strings, which <see cref="StreamedPart"/> reads once, checking for a DTD as it goes.</summary>
    private static bool IsStreamed(string name) => name == "xl/sharedStrings.xml"
        || (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal) && name.IndexOf('/', 14) < 0);
}
