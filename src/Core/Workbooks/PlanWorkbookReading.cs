using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Workbooks;

/// <summary>How a plan row was matched to an indicator.</summary>
public enum PlanMatch
{
    /// <summary>By the indicator code in the row.</summary>
    Code,
    /// <summary>By the Vietnamese name, ignoring case, spacing and Unicode composition.</summary>
    Name,
    /// <summary>By the name without diacritics, when that names exactly one indicator.</summary>
    NameWithoutDiacritics,
}

/// <summary>A plan row matched to an indicator, with the target as it will be stored (a number as the plans print it).</summary>
public sealed record PlanRow(uint Row, string Written, string IndicatorCode, PlanMatch MatchedBy, string Text);

/// <summary>A plan row with a target but no indicator it could be matched to.</summary>
public sealed record UnmatchedPlanRow(uint Row, string Written, string Text);

/// <summary>What a plan workbook holds for a year, or why it was refused.</summary>
public sealed record PlanWorkbook(IReadOnlyList<PlanRow> Rows, IReadOnlyList<UnmatchedPlanRow> Unmatched, UploadRefusal? Refusal, string? Sheet);

/// <summary>
/// Reads a plan annex: the project's own plan.xlsx or a hand-typed table whose header row (within its first
/// 40 rows) has "Chỉ tiêu" and a "Kế hoạch …" column (or a column headed with the year). Rows are matched by a
/// code (a "Mã" column, or any cell holding a catalog code, as the annex's hidden column does), else by the
/// Vietnamese name ignoring case, spacing, Unicode composition and a "Trong đó:" prefix, else by the name
/// without diacritics when that names exactly one indicator. Never by a guess beyond that.
/// </summary>
public static class PlanWorkbookReading
{
    /// <summary>Reads the targets for <paramref name="year"/>; a file that breaks an upload rule is refused unread.</summary>
    public static PlanWorkbook Read(Stream input, int year, IReadOnlyCollection<Indicator> catalog, UploadLimits? limits = null, string? fileName = null)
    {
        if (UploadGate.Check(input, limits ?? UploadLimits.Default, fileName, out var buffer) is { Refusal: { } refused }) return new([], [], refused, null);
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = (limits ?? UploadLimits.Default).MaxUncompressedBytes });
            if (document.WorkbookPart is { } workbook)
            {
                var cells = new SheetCells(workbook);
                foreach (var (name, part) in cells.Sheets())
                    if (Header(cells.Rows(part), year) is { } header) return Rows(cells.Rows(part), name, header, catalog);
            }
            return NoTable(year);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            return new([], [], new UploadRefusal(UploadProblem.Truncated, "Tệp bị hỏng hoặc tải lên chưa hết. Hãy mở lại trong Excel, lưu rồi tải lên lại.",
                $"The file is damaged or was cut short ({e.GetType().Name}). Open it in Excel, save it and upload it again."), null);
        }
    }

    /// <summary>
    /// Reads the targets for <paramref name="year"/> from a table already in cells (a sheet the add-in read), by the same
    /// header search and matching as a workbook.
    /// </summary>
    public static PlanWorkbook ReadTable(IReadOnlyList<SheetRow> rows, int year, IReadOnlyCollection<Indicator> catalog, string? sheet) =>
        Header(rows, year) is { } header ? Rows(rows, sheet ?? "", header, catalog) : NoTable(year);

    private static PlanWorkbook NoTable(int year) => new([], [], new UploadRefusal(UploadProblem.NotOurForm,
        $"Không tìm thấy bảng kế hoạch: cần một dòng tiêu đề có cột \"Chỉ tiêu\" và cột \"Kế hoạch\" (hoặc cột năm {year}).",
        $"No plan table found: a header row needs a \"Chỉ tiêu\" column and a \"Kế hoạch\" column (or a {year} column)."), null);

    private sealed record Layout(uint Row, uint Name, uint Code, uint Target);

    private static Layout? Header(IEnumerable<SheetRow> rows, int year)
    {
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        uint name = 0, code = 0, target = 0, headerRow = 0;
        foreach (var row in rows.TakeWhile(r => r.Index <= 40))
        {
            if (name > 0 && row.Index > headerRow + 1) break;
            foreach (var cell in row.Cells)
            {
                var h = TableReading.Normal(cell.Text);
                if (name == 0 && h is "chỉ tiêu" or "tên chỉ tiêu" or "nội dung chỉ tiêu" or "nội dung") { name = cell.Column; headerRow = row.Index; }
                else if (h is "mã" or "mã chỉ tiêu" or "mã số") code = cell.Column;
                else if (target == 0 && (h.StartsWith("kế hoạch", StringComparison.Ordinal) || h.StartsWith("chỉ tiêu kế hoạch", StringComparison.Ordinal)
                    || h == yearText || h == "năm " + yearText) && !h.Contains("thực hiện", StringComparison.Ordinal))
                    target = cell.Column;
            }
            if (name > 0 && target > 0) return new Layout(Math.Max(headerRow, row.Index), name, code, target);
        }
        return null;
    }

    private static PlanWorkbook Rows(IEnumerable<SheetRow> sheetRows, string sheetName, Layout layout, IReadOnlyCollection<Indicator> catalog)
    {
        var byCode = catalog.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var byName = catalog.GroupBy(i => TableReading.Normal(i.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var byBareName = catalog.GroupBy(i => Bare(i.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<PlanRow>();
        var unmatched = new List<UnmatchedPlanRow>();
        foreach (var row in sheetRows.Where(r => r.Index > layout.Row))
        {
            if (row.At(layout.Target) is not { } cell || string.IsNullOrWhiteSpace(cell.Text)) continue;
            if (!cell.IsNumber && cell.Text.TrimStart().StartsWith('(')) continue; // the numbering row: "(1)", "(2)"
            var text = cell.IsNumber ? Printed(cell.Text) : cell.Text.Trim();
            var written = row.At(layout.Name)?.Text.Trim() ?? "";
            var code = layout.Code > 0 ? row.At(layout.Code)?.Text.Trim() : row.Cells.FirstOrDefault(c => !c.IsNumber && byCode.ContainsKey(c.Text.Trim())).Text?.Trim();
            var stripped = TableReading.Strip(written);
            (Indicator? Indicator, PlanMatch By) match =
                code is { Length: > 0 } && byCode.TryGetValue(code, out var coded) ? (coded, PlanMatch.Code)
                : byName.TryGetValue(TableReading.Normal(stripped), out var named) && named.Count == 1 ? (named[0], PlanMatch.Name)
                : byBareName.TryGetValue(Bare(stripped), out var bare) && bare.Count == 1 ? (bare[0], PlanMatch.NameWithoutDiacritics)
                : (null, PlanMatch.Code);
            if (match.Indicator is { } indicator) rows.Add(new PlanRow(row.Index, written, indicator.Code, match.By, text));
            else if (written.Length > 0 || code is { Length: > 0 }) unmatched.Add(new UnmatchedPlanRow(row.Index, written.Length > 0 ? written : code!, text));
        }
        return new PlanWorkbook(rows, unmatched, null, sheetName);
    }

    /// <summary>A number cell as the plans print it: "260.000", "83,9".</summary>
    private static string Printed(string invariant)
    {
        // A cell's double may carry noise ("83.900000000000006"): six decimals are more than any plan writes.
        var shortest = Math.Round(decimal.Parse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture), 6).ToString("0.######", CultureInfo.InvariantCulture);
        var point = shortest.IndexOf('.', StringComparison.Ordinal);
        return VietnameseNumber.Format(decimal.Parse(shortest, CultureInfo.InvariantCulture), point < 0 ? 0 : shortest.Length - point - 1);
    }

    /// <summary>The name without diacritics ("đ" as "d"): "Tỷ lệ" and "Ty le" are the same row typed differently.</summary>
    private static string Bare(string name)
    {
        var decomposed = TableReading.Normal(name).Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Replace('đ', 'd');
    }
}
