using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Workbooks;

/// <summary>An indicator as a catalog workbook row: its definition, the year it is retired from, and the sheet row.</summary>
public sealed record CatalogRow(Indicator Indicator, int? RetiredFrom, uint Row = 0);

/// <summary>A catalog workbook row that could not be read, with the reason.</summary>
public sealed record CatalogRowProblem(uint Row, string Column, string MessageVi, string MessageEn);

/// <summary>What a catalog workbook holds, or why it was refused.</summary>
public sealed record CatalogRead(IReadOnlyList<CatalogRow> Rows, IReadOnlyList<CatalogRowProblem> Problems, UploadRefusal? Refusal);

/// <summary>
/// The indicator catalog as one sheet an administrator edits in Excel and uploads again: one row per
/// indicator, one column per field, the enums by their names. Read back by its header texts, so columns
/// may be moved; a row without a code is skipped.
/// </summary>
public static class CatalogWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Danh mục chỉ tiêu";

    /// <summary>The header texts, in the order written.</summary>
    public static readonly string[] Headers =
        ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Loại", "Chiều đánh giá", "Theo thời gian", "Nhóm", "Tên nhóm", "Thứ tự", "Thuộc chỉ tiêu", "Trên số dân", "Cho phép trên 100%", "Giá trị nhỏ nhất", "Giá trị lớn nhất",
         "Thôi sử dụng từ năm"];

    /// <summary>Writes the catalog to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<CatalogRow> rows, Stream output)
    {
        var sheet = new AnnexSheet(SheetName) { FreezeAt = "C2", AutoFilter = $"A1:{AnnexSheet.Ref((uint)Headers.Length, (uint)rows.Count + 1)}" };
        double[] widths = [24, 60, 12, 12, 16, 14, 8, 30, 8, 24, 12, 12, 12, 12, 12];
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Width((uint)c + 1, widths[c]);
            sheet.Text((uint)c + 1, 1, Headers[c], Look.Head);
        }
        var r = 2u;
        foreach (var (i, retired) in rows.Select(x => (x.Indicator, x.RetiredFrom)))
        {
            string?[] texts = [i.Code, i.Name, i.Unit, i.Kind.ToString(), i.Direction.ToString(), i.Time.ToString(), i.Group, i.GroupName, null, i.ParentCode, null,
                i.AllowsAbove100 ? "có" : null, null, null, null];
            for (var c = 0; c < texts.Length; c++) sheet.Text((uint)c + 1, r, texts[c], Look.Text);
            sheet.Number(9, r, i.Order, Look.Count);
            sheet.Number(11, r, i.RatePer, Look.Count);
            sheet.Number(13, r, i.Minimum, Look.Decimal);
            sheet.Number(14, r, i.Maximum, Look.Decimal);
            sheet.Number(15, r, retired, Look.Count);
            r++;
        }
        AnnexBook.Write(output, [sheet]);
    }

    /// <summary>Reads an edited catalog workbook; a file that breaks an upload rule is refused unread.</summary>
    public static CatalogRead Read(Stream input, UploadLimits? limits = null, string? fileName = null)
    {
        if (UploadGate.Check(input, limits ?? UploadLimits.Default, fileName, out var buffer) is { Refusal: { } refused }) return new([], [], refused);
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = (limits ?? UploadLimits.Default).MaxUncompressedBytes });
            var cells = new SheetCells(document.WorkbookPart!);
            foreach (var (_, part) in cells.Sheets())
            {
                // The header is the first row (of the first ten) naming "Mã" and "Tên chỉ tiêu": a title may sit above it.
                var rows = cells.Rows(part).ToList();
                foreach (var header in rows.TakeWhile(r => r.Index <= 10))
                {
                    var columns = Headers.ToDictionary(h => h, h => header.Cells.FirstOrDefault(c => TableReading.Normal(c.Text) == TableReading.Normal(h)).Column);
                    if (columns["Mã"] > 0 && columns["Tên chỉ tiêu"] > 0) return ReadRows(rows.Where(r => r.Index > header.Index), columns);
                }
            }
            return new([], [], new UploadRefusal(UploadProblem.NotOurForm, "Không thấy bảng danh mục chỉ tiêu: dòng đầu cần có cột \"Mã\" và \"Tên chỉ tiêu\".",
                "No catalog table found: the first row needs \"Mã\" and \"Tên chỉ tiêu\" columns."));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            return new([], [], new UploadRefusal(UploadProblem.Truncated, "Tệp bị hỏng hoặc tải lên chưa hết. Hãy mở lại trong Excel, lưu rồi tải lên lại.",
                $"The file is damaged or was cut short ({e.GetType().Name}). Open it in Excel, save it and upload it again."));
        }
    }

    private static CatalogRead ReadRows(IEnumerable<SheetRow> rows, Dictionary<string, uint> columns)
    {
        var read = new List<CatalogRow>();
        var problems = new List<CatalogRowProblem>();
        foreach (var row in rows)
        {
            string? Text(string header) => columns[header] == 0 ? null : row.At(columns[header])?.Text.Trim() is { Length: > 0 } t ? t : null;
            if (Text("Mã") is not { } code) continue;
            var problem = (CatalogRowProblem?)null;
            T Enum<T>(string header) where T : struct, Enum
            {
                if (System.Enum.TryParse<T>(Text(header), true, out var v) && System.Enum.IsDefined(v)) return v;
                problem ??= new(row.Index, header, $"'{Text(header)}' không phải một trong: {string.Join(", ", System.Enum.GetNames<T>())}.",
                    $"'{Text(header)}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}.");
                return default;
            }
            int? Whole(string header)
            {
                if (Text(header) is not { } t) return null;
                if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= 0 and <= int.MaxValue) return (int)d;
                problem ??= new(row.Index, header, $"'{t}' không phải số nguyên.", $"'{t}' is not a whole number.");
                return null;
            }
            decimal? Amount(string header)
            {
                if (columns[header] == 0 || row.At(columns[header]) is not { } cell || Text(header) is not { } t) return null;
                // A typed "0,5" is Vietnamese for one half: the decimal comma; a number cell is invariant text already.
                if (cell.IsNumber && decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored)) return stored;
                if (!cell.IsNumber && VietnameseNumber.Read(t, new NumberSense(false)).Value is { } typed) return typed;
                problem ??= new(row.Index, header, $"'{t}' không phải số.", $"'{t}' is not a number.");
                return null;
            }
            var indicator = new Indicator(code, Text("Tên chỉ tiêu") ?? "", Text("Đơn vị tính") ?? "", Enum<IndicatorKind>("Loại"), Enum<Direction>("Chiều đánh giá"),
                Enum<TimeBehaviour>("Theo thời gian"), Text("Nhóm") ?? "", Text("Tên nhóm") ?? "", Whole("Thứ tự") ?? 0, Text("Thuộc chỉ tiêu"), Whole("Trên số dân"),
                Text("Cho phép trên 100%") is { } yes && TableReading.Normal(yes) is "có" or "x" or "true" or "1",
                Amount("Giá trị nhỏ nhất"), Amount("Giá trị lớn nhất"));
            var retired = Whole("Thôi sử dụng từ năm");
            if (problem is not null) problems.Add(problem);
            else read.Add(new CatalogRow(indicator, retired, row.Index));
        }
        return new(read, problems, null);
    }
}
