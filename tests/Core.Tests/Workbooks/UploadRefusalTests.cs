using System.IO.Compression;
using System.Text;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class UploadRefusalTests
{
    private static readonly UploadTarget Target = new("SD", Samples.Half, Samples.Indicators);

    private static byte[] Form()
    {
        var stream = new MemoryStream();
        DataEntryFormWorkbook.Write(Samples.Form(), stream);
        return stream.ToArray();
    }

    /// <summary>Rewrites a valid form's package, changing one entry or adding one.</summary>
    private static byte[] Rezip(byte[] source, Func<string, string, string>? change = null, (string Name, byte[] Bytes)? add = null)
    {
        var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(change?.Invoke(entry.FullName, text) ?? text);
            }
            if (add is var (name, bytes))
                using (var s = to.CreateEntry(name).Open()) s.Write(bytes);
        }
        return output.ToArray();
    }

    private static WorkbookImport Read(byte[] bytes, UploadLimits? limits = null, string? fileName = null) =>
        WorkbookUpload.Read(new MemoryStream(bytes), Target, limits, fileName);

    private static void AssertRefused(WorkbookImport result, UploadProblem problem, string vi)
    {
        Assert.Equal(problem, result.Refusal?.Problem);
        Assert.Contains(vi, result.Refusal!.MessageVi, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.MessageEn));
        Assert.Empty(result.Observations);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused() =>
        AssertRefused(Read(Form(), new UploadLimits(MaxBytes: 1000)), UploadProblem.TooLarge, "Tệp quá lớn");

    [Fact]
    public void A_legacy_xls_is_refused()
    {
        // An OLE compound file (D0 CF 11 E0 A1 B1 1A E1) without an EncryptionInfo stream is a BIFF .xls.
        var xls = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(xls, 0);
        Encoding.Unicode.GetBytes("Workbook").CopyTo(xls, 1024);
        AssertRefused(Read(xls), UploadProblem.LegacyXls, ".xls");
    }

    [Fact]
    public void An_encrypted_workbook_is_refused()
    {
        // Excel saves a password-protected .xlsx as an OLE compound file holding EncryptionInfo and EncryptedPackage streams.
        var encrypted = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(encrypted, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(encrypted, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(encrypted, 1152);
        AssertRefused(Read(encrypted), UploadProblem.Encrypted, "mật khẩu");
    }

    [Fact]
    public void A_macro_enabled_content_type_is_refused() =>
        AssertRefused(Read(Rezip(Form(), (name, text) => name == "[Content_Types].xml"
            ? text.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)
            : text)), UploadProblem.MacroEnabled, "macro");

    [Fact]
    public void A_vba_project_part_is_refused() =>
        AssertRefused(Read(Rezip(Form(), add: ("xl/vbaProject.bin", [1, 2, 3]))), UploadProblem.MacroEnabled, "macro");

    [Fact]
    public void An_xlsm_file_name_is_refused() =>
        AssertRefused(Read(Form(), fileName: "bao-cao.xlsm"), UploadProblem.MacroEnabled, "macro");

    [Fact]
    public void A_dtd_in_any_xml_part_is_refused() =>
        AssertRefused(Read(Rezip(Form(), (name, text) => name == "xl/workbook.xml"
            ? text.Replace("?>", "?><!DOCTYPE lol [<!ENTITY lol \"lol\">]>", StringComparison.Ordinal) : text)), UploadProblem.Dtd, "DTD");

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var form = Form();
        AssertRefused(Read(form[..(form.Length * 2 / 3)]), UploadProblem.Truncated, "hỏng");
    }

    [Fact]
    public void A_zip_bomb_is_refused()
    {
        // 50 MB of zeros compress to about 50 KB: a ratio far above any real sheet's.
        var zeros = new byte[50 * 1024 * 1024];
        AssertRefused(Read(Rezip(Form(), add: ("xl/media/zeros.bin", zeros))), UploadProblem.ZipBomb, "giải nén");
    }

    [Fact]
    public void Too_many_zip_entries_are_refused() =>
        AssertRefused(Read(Form(), new UploadLimits(MaxEntries: 3)), UploadProblem.TooManyEntries, "thành phần");

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused() =>
        AssertRefused(Read(Encoding.UTF8.GetBytes("TT;Chỉ tiêu;Thực hiện\n1;Giường;420")), UploadProblem.NotAWorkbook, "không phải là bảng tính");

    [Fact]
    public async Task A_workbook_with_no_indicator_table_is_refused()
    {
        var stream = new MemoryStream();
        await FlatExport.WriteAsync(stream, []);
        AssertRefused(Read(stream.ToArray()), UploadProblem.NotOurForm, "Không nhận ra biểu");
    }

    [Fact]
    public void A_form_of_an_unknown_layout_is_refused() =>
        AssertRefused(Read(Rezip(Form(), (name, text) => name == "xl/workbook.xml"
            ? text.Replace("<x:definedName name=\"HealthFuncs.Layout\">\"1\"", "<x:definedName name=\"HealthFuncs.Layout\">\"99\"", StringComparison.Ordinal)
                  .Replace("<definedName name=\"HealthFuncs.Layout\">\"1\"", "<definedName name=\"HealthFuncs.Layout\">\"99\"", StringComparison.Ordinal) : text)),
            UploadProblem.NotOurForm, "phiên bản");
}
