using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The province's consolidated workbook: "Tổng hợp" (the province figure per indicator), "Ma trận" (indicators ×
/// districts with the province's plan and total, <see cref="ProvinceMatrixSheet"/>), one result-annex sheet per district (or, beyond
/// <see cref="MaxChildSheets"/>, one filterable table of all children), "Chưa báo cáo", for a period inside the year
/// "Cảnh báo sớm" (indicators each district is projected to miss), and with a completeness report "Tình hình báo cáo".
/// </summary>
public static class ProvinceWorkbookWriter
{
    /// <summary>Sheet names of the fixed sheets.</summary>
    public const string SummarySheet = "Tổng hợp", MatrixSheet = "Ma trận", MissingSheet = "Chưa báo cáo";
    /// <summary>First body row of the summary and of the matrix.</summary>
    public const uint SummaryFirstRow = 11, MatrixFirstRow = ProvinceMatrixSheet.FirstRow;
    /// <summary>Up to this many children get a sheet each; more (a province of 100–150 communes) share one filterable table.</summary>
    public const int MaxChildSheets = 30;

    /// <summary>Writes the workbook as an .xlsx to <paramref name="output"/>.</summary>
    public static void Write(ProvinceWorkbook book, Stream output)
    {
        // The summary and the matrix first; then a sheet per child, or beyond MaxChildSheets one filterable table.
        var used = new HashSet<string>([SummarySheet, MatrixSheet, MissingSheet, EarlyWarningSheet.Name, ChildrenTable.SheetName, CompletenessSheet.SheetName, ChartSheets.SheetName],
            StringComparer.OrdinalIgnoreCase);
        var children = new List<AnnexSheet>();
        var links = new List<string>();
        if (book.Districts.Count > MaxChildSheets)
        {
            children.Add(ChildrenTable.Layout(book, out var firstRows));
            links.AddRange(firstRows.Select(r => $"{AnnexBook.Quote(ChildrenTable.SheetName)}!A{r}"));
        }
        else
        {
            var number = 1;
            foreach (var district in book.Districts)
            {
                // Each table of the workbook is its own annex, numbered in order after the summary's "Biểu số 01".
                var header = book.Header with { Title = $"Kết quả thực hiện chỉ tiêu - {district.Unit.Name}", AnnexNumber = $"Biểu số {++number:00}" };
                var name = TabNames.Unique(district.Unit.Name, used);
                children.Add(ResultAnnexWorkbook.Layout(new ResultAnnex(header, district.Unit.Name, book.Period, district.Lines), name));
                links.Add($"{AnnexBook.Quote(name)}!A{ResultAnnexWorkbook.FirstRow}");
            }
        }
        var sheets = new List<AnnexSheet> { ProvinceSummarySheet.Layout(book), ProvinceMatrixSheet.Layout(book, links) };
        if (ChartSheets.ForProvince(book) is { } charts) sheets.Add(charts);
        sheets.AddRange(children);
        sheets.Add(Missing(book));
        if (EarlyWarningSheet.Applies(book.Period)) sheets.Add(EarlyWarningSheet.Layout(book));
        if (book.Reporting is { } reporting) sheets.Add(CompletenessSheet.Layout(reporting, book.UnitName));
        AnnexBook.Write(output, sheets, about: AboutBook.Of(book.Header, book.Period));
    }

    private static AnnexSheet Missing(ProvinceWorkbook book)
    {
        var sheet = new AnnexSheet(MissingSheet) { PrintTitles = (3, 3) };
        sheet.Width(1, 6); sheet.Width(2, 14); sheet.Width(3, 40); sheet.Width(4, 13); sheet.Width(5, 20);
        sheet.Merge(1, 1, 5, 1, $"ĐƠN VỊ CHƯA BÁO CÁO - {AnnexFrame.PeriodText(book.Period).ToUpper(AnnexFrame.Vietnamese)}", Look.Title);
        sheet.Height(1, 30);
        string[] heads = ["TT", "Mã đơn vị", "Tên đơn vị", "Hạn nộp", "Tình trạng"];
        for (var i = 0; i < heads.Length; i++) sheet.Text((uint)i + 1, 3, heads[i], Look.Head);
        // The forms not received by the completeness report, else the children without figures.
        var missing = book.Reporting is { } report
            ? report.Rows.Where(r => r.Timeliness is Timeliness.Missing or Timeliness.NotYetDue)
                .Select(r => (r.UnitCode, r.UnitName, Deadline: (DateOnly?)r.Deadline, Status: Completeness.LabelVi(r.Timeliness))).ToList()
            : book.NotReported.Select(u => (u.Code, u.Name, Deadline: (DateOnly?)null, Status: "Chưa có số liệu")).ToList();
        var row = 4u;
        foreach (var (code, name, deadline, status) in missing)
        {
            sheet.Number(1, row, row - 3, Look.RowNumber);
            sheet.Text(2, row, code, Look.Centred);
            sheet.Text(3, row, name, Look.Name);
            sheet.Date(4, row, deadline);
            sheet.Text(5, row, status, Look.Centred);
            row++;
        }
        if (missing.Count == 0) sheet.Merge(1, row, 5, row, "Tất cả đơn vị đã báo cáo.", Look.Italic);
        return sheet;
    }
}

/// <summary>Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.</summary>
public static class TabNames
{
    /// <summary>A valid sheet name from <paramref name="wanted"/>, not yet in <paramref name="used"/> (which it joins).</summary>
    public static string Unique(string wanted, HashSet<string> used)
    {
        var clean = new string(wanted.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Đơn vị";
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }
}
