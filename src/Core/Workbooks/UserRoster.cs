using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>One user as the roster workbook lists them; the role is its API name (Admin, Province, District).</summary>
public sealed record RosterRow(string Id, string Name, string Role, string? UnitCode, bool Disabled);

/// <summary>A roster row as read, with the sheet row it came from.</summary>
public sealed record RosterLine(int Row, RosterRow User);

/// <summary>A row that cannot be used, and why.</summary>
public sealed record RosterIssue(int Row, string? Id, string Field, string MessageVi, string MessageEn);

/// <summary>An uploaded roster: its rows and the rows refused while reading, or a refusal of the whole file.</summary>
public sealed record RosterUpload(IReadOnlyList<RosterLine> Lines, IReadOnlyList<RosterIssue> Rejected, UploadRefusal? Refusal)
{
    /// <summary>The whole file refused.</summary>
    public static RosterUpload Refused(UploadRefusal refusal) => new([], [], refusal);
}

/// <summary>
/// The users of a unit's subtree as a workbook an administrator edits and uploads back: one row per user with id,
/// name, role, unit and "x" in the disabled column. The header row is found by its titles, so rows and columns
/// may be moved; the file passes <see cref="UploadGate"/> before any XML is parsed.
/// </summary>
public static class UserRoster
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Người dùng";
    /// <summary>The header row, in column order.</summary>
    public static readonly string[] Headers = ["Mã người dùng", "Họ tên", "Vai trò", "Mã đơn vị", "Vô hiệu hóa"];
    private const uint HeaderRow = 3;

    /// <summary>Writes the roster of <paramref name="unitName"/> to <paramref name="output"/>, which is left open.</summary>
    public static void Write(Stream output, string unitName, IEnumerable<RosterRow> users)
    {
        var sheet = new AnnexSheet(SheetName) { FreezeAt = "B4", PrintTitles = (HeaderRow, HeaderRow) };
        sheet.Merge(1, 1, 5, 1, $"DANH SÁCH NGƯỜI DÙNG - {unitName.ToUpperInvariant()}", Look.Title);
        sheet.Merge(1, 2, 5, 2, "Vai trò: Admin, Province (tỉnh) hoặc District (huyện). Ghi x ở cột Vô hiệu hóa để khóa tài khoản.", Look.Italic);
        double[] widths = [34, 34, 14, 12, 12];
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Width((uint)c + 1, widths[c]);
            sheet.Text((uint)c + 1, HeaderRow, Headers[c], Look.Head);
        }
        var row = HeaderRow;
        foreach (var user in users)
        {
            row++;
            sheet.Text(1, row, user.Id, Look.Text);
            sheet.Text(2, row, user.Name, Look.Text);
            sheet.Text(3, row, user.Role, Look.Centred);
            sheet.Text(4, row, user.UnitCode, Look.Centred);
            sheet.Text(5, row, user.Disabled ? "x" : null, Look.Centred);
        }
        // Room below the listed users for new ones, with the same choices offered.
        var last = row + 200;
        sheet.Validations.Add(new DataValidation(new Formula1("\"Admin,Province,District\""))
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
            ErrorTitle = "Vai trò", Error = "Chọn Admin, Province hoặc District.",
            SequenceOfReferences = new ListValue<StringValue>([new StringValue($"C{HeaderRow + 1}:C{last}")]),
        });
        sheet.Validations.Add(new DataValidation(new Formula1("\"x\""))
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
            ErrorTitle = "Vô hiệu hóa", Error = "Ghi x để vô hiệu hóa, để trống nếu vẫn dùng.",
            SequenceOfReferences = new ListValue<StringValue>([new StringValue($"E{HeaderRow + 1}:E{last}")]),
        });
        sheet.AutoFilter = $"A{HeaderRow}:E{HeaderRow}";
        AnnexBook.Write(output, [sheet]);
    }

    /// <summary>Reads an uploaded roster; a refusal when the file breaks an upload rule or has no roster header.</summary>
    public static RosterUpload Read(Stream input, UploadLimits? limits = null, string? fileName = null)
    {
        limits ??= UploadLimits.Default;
        if (UploadGate.Check(input, limits, fileName, out var buffer) is { Refusal: { } refused }) return RosterUpload.Refused(refused);
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            if (document.WorkbookPart is { } workbook)
            {
                var cells = new SheetCells(workbook);
                foreach (var (sheetName, part) in cells.Sheets())
                    if (Header(cells, part) is { } header) return Rows(cells, part, sheetName, header);
            }
            return RosterUpload.Refused(new UploadRefusal(UploadProblem.NotOurForm,
                "Không tìm thấy bảng người dùng: cần một dòng tiêu đề có các cột 'Mã người dùng', 'Họ tên', 'Vai trò', 'Mã đơn vị'.",
                "No user table found: a header row with the columns 'Mã người dùng', 'Họ tên', 'Vai trò', 'Mã đơn vị' is needed."));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            return RosterUpload.Refused(new UploadRefusal(UploadProblem.Truncated,
                "Tệp bị hỏng hoặc tải lên chưa hết. Hãy mở lại trong Excel, lưu rồi tải lên lại.",
                $"The file is damaged or was cut short ({e.GetType().Name}). Open it in Excel, save it and upload it again."));
        }
    }

    private sealed record Layout(uint Row, uint Id, uint Name, uint Role, uint Unit, uint Disabled);

    private static Layout? Header(SheetCells cells, WorksheetPart part)
    {
        foreach (var row in cells.Rows(part).TakeWhile(r => r.Index <= 20))
        {
            var at = new uint[Headers.Length];
            foreach (var cell in row.Cells.Where(c => !c.IsNumber))
            {
                var index = Array.FindIndex(Headers, h => string.Equals(h, cell.Text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (index >= 0) at[index] = cell.Column;
            }
            if (at[0] > 0 && at[1] > 0 && at[2] > 0 && at[3] > 0) return new Layout(row.Index, at[0], at[1], at[2], at[3], at[4]);
        }
        return null;
    }

    private static RosterUpload Rows(SheetCells cells, WorksheetPart part, string sheetName, Layout layout)
    {
        var lines = new List<RosterLine>();
        var rejected = new List<RosterIssue>();
        foreach (var row in cells.Rows(part).Where(r => r.Index > layout.Row))
        {
            string? Text(uint column) => column > 0 && row.At(column)?.Text.Trim() is { Length: > 0 } text ? text : null;
            var id = Text(layout.Id);
            var (name, role, unit, disabled) = (Text(layout.Name), Text(layout.Role), Text(layout.Unit), Text(layout.Disabled));
            if (id is null && name is null && role is null && unit is null && disabled is null) continue;
            var at = $"Trang '{sheetName}', dòng {row.Index}";
            var atEn = $"Sheet '{sheetName}', row {row.Index}";
            if (id is null)
            {
                rejected.Add(new RosterIssue((int)row.Index, null, "id", $"{at}: thiếu mã người dùng.", $"{atEn}: the user id is missing."));
                continue;
            }
            bool? off = disabled?.ToLowerInvariant() switch
            {
                null or "không" or "false" or "0" => false,
                "x" or "có" or "true" or "1" => true,
                _ => null,
            };
            if (off is null)
            {
                rejected.Add(new RosterIssue((int)row.Index, id, "disabled", $"{at}: cột Vô hiệu hóa ghi '{disabled}'; ghi x hoặc để trống.",
                    $"{atEn}: the disabled column says '{disabled}'; write x or leave it empty."));
                continue;
            }
            lines.Add(new RosterLine((int)row.Index, new RosterRow(id, name ?? "", role ?? "", unit, off.Value)));
        }
        return new RosterUpload(lines, rejected, null);
    }
}
