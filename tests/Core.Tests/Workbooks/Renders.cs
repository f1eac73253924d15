using System.Diagnostics;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Workbooks rendered by LibreOffice headless to PDF and each page to PNG, kept under test-results/renders/ (ignored
/// by git) for a look at how they print: the pictures a reviewer opens instead of a spreadsheet program.
/// </summary>
internal static class Renders
{
    /// <summary>The folder the renders are kept in: test-results/renders at the repository's root.</summary>
    public static string Folder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "test-results", "renders"));

    /// <summary>Renders <paramref name="workbook"/> as <paramref name="kind"/>.pdf and <paramref name="kind"/>-N.png; returns the PNGs' paths.</summary>
    public static IReadOnlyList<string> Keep(string kind, byte[] workbook)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Pages(kind)) File.Delete(old);
        var directory = Directory.CreateTempSubdirectory("hf-render-").FullName;
        try
        {
            var file = Path.Combine(directory, $"{kind}.xlsx");
            File.WriteAllBytes(file, workbook);
            var pdf = Recalculated.Convert(directory, file, "pdf");
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
            File.Copy(pdf, Path.Combine(Folder, $"{kind}.pdf"), true);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-png", "-r", "60", pdf, Path.Combine(Folder, kind) }) start.ArgumentList.Add(argument);
            using var pdftoppm = Process.Start(start)!;
            var errors = pdftoppm.StandardError.ReadToEnd();
            pdftoppm.WaitForExit();
            Assert.True(pdftoppm.ExitCode == 0, errors);
            var pages = Pages(kind);
            Assert.NotEmpty(pages);
            Assert.All(pages, p => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(p)[..4]));
            return pages;
        }
        finally { Directory.Delete(directory, true); }
    }

    // pdftoppm names pages kind-1.png or kind-01.png by the page count; "kind-*" alone would also match another kind's "kind-x-1.png".
    private static List<string> Pages(string kind) =>
        Directory.GetFiles(Folder, $"{kind}-*.png").Where(p => Path.GetFileNameWithoutExtension(p)[(kind.Length + 1)..].All(char.IsDigit)).ToList();
}
