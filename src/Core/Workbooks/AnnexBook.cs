using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// Writes laid-out sheets as one .xlsx package: the shared stylesheet, the sheets in order, print titles
/// as <c>_xlnm.Print_Titles</c> local names, and any workbook-level defined names (a form's identity).
/// Formulas are recalculated when the file is opened, so cached values never go stale.
/// </summary>
public static class AnnexBook
{
    /// <summary>Writes the workbook to <paramref name="output"/>, which is left open.</summary>
    public static void Write(Stream output, IReadOnlyList<AnnexSheet> sheets, IReadOnlyDictionary<string, string>? names = null, AboutBook? about = null)
    {
        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        if (about is not null)
        {
            // File > Properties shows what the document is, who issued it and for which period.
            document.PackageProperties.Title = about.Title;
            document.PackageProperties.Creator = about.Author;
            document.PackageProperties.Subject = about.Period;
            document.PackageProperties.Created = DateTime.UtcNow;
        }
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        var own = sheets.SelectMany(s => s.OwnFormats).Distinct().ToList();
        styles.Stylesheet = Looks.Build(own);
        uint FormatIndex(Look look, string format) => Looks.OwnIndex(own.IndexOf((look, format)));

        var sheetList = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            // The drawing element precedes the notes' legacy drawing in the worksheet's schema order.
            var drawings = new List<DocumentFormat.OpenXml.OpenXmlElement>();
            if (sheets[i].Charts.Count > 0) drawings.Add(AnnexCharts.Attach(part, sheets[i].Charts));
            if (sheets[i].Notes.Count > 0) drawings.Add(CellNotes.Attach(part, sheets[i].Notes, i + 1));
            sheets[i].WriteTo(part, FormatIndex, drawings);
            sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
            if (sheets[i].PrintTitles is var (first, last))
                definedNames.Append(new DefinedName($"{Quote(sheets[i].Name)}!${first}:${last}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            if (sheets[i].AutoFilter is { } filter)
                definedNames.Append(new DefinedName($"{Quote(sheets[i].Name)}!{Absolute(filter)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }
        foreach (var (name, formula) in names ?? new Dictionary<string, string>())
            definedNames.Append(new DefinedName(formula) { Name = name });

        var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetList);
        if (definedNames.HasChildren) workbook.Append(definedNames);
        workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        workbookPart.Workbook = workbook;
    }

    /// <summary>A sheet name as formulas write it: always quoted, quotes doubled.</summary>
    public static string Quote(string sheetName) => $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A string constant as a defined name holds it: ="text" with quotes doubled.</summary>
    public static string Constant(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r =>
        {
            var letters = new string(r.TakeWhile(char.IsLetter).ToArray());
            return $"${letters}${r[letters.Length..]}";
        }));
}

/// <summary>The document properties of a workbook: its title, the unit that issues it, and the period it covers.</summary>
public sealed record AboutBook(string Title, string Author, string Period)
{
    /// <summary>The properties of an annex with <paramref name="header"/> for <paramref name="period"/>.</summary>
    public static AboutBook Of(AnnexHeader header, Periods.Period period) =>
        new(header.Title, string.Join(" - ", new[] { header.IssuingBody, header.GoverningBody }.Where(s => s.Length > 0)), AnnexFrame.PeriodText(period));
}
