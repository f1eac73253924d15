using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class HandTypedTableTests
{
    private static readonly UploadTarget Target = new("SD", Samples.Half, Samples.Indicators);

    /// <summary>A workbook typed by hand: a title, then a table whose rows are given cell by cell (strings shared, numbers as numbers).</summary>
    internal static MemoryStream Typed(params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("BÁO CÁO 6 THÁNG")) }) { RowIndex = 1 });
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 3 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 3}";
                    switch (rows[r][c])
                    {
                        case null: break;
                        case string text:
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                            break;
                        default:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDecimal(rows[r][c], System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Name = "Báo cáo", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) });
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void The_table_is_found_by_its_header_row_and_rows_match_by_exact_name()
    {
        var result = WorkbookUpload.Read(Typed(
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện cùng kỳ năm trước", "Thực hiện", "Ghi chú"],
            ["A", "B", "C", "(1)", "(2)", "(3)"],
            ["I", "KHÁM CHỮA BỆNH"],
            [1, "Tổng số giường bệnh  trong huyện", "giường", 400, 420, null],
            [null, "Trong đó: Giường bệnh viện", "giường", null, 280, null],
            [null, "- giường trạm y tế", "giường", null, "140", null],
            [2, "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%", 47.5, "48,2", "6 tháng"],
            [3, "Số lượt người khám, chữa bệnh", "lượt", null, "131.250", null]), Target);
        Assert.Null(result.Refusal);
        Assert.Equal(UploadSource.Table, result.Source);
        Assert.Empty(result.Rejected);
        var got = result.Observations.ToDictionary(o => o.IndicatorCode, o => o.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["GIUONG"] = 420, ["GIUONG_BV"] = 280, ["GIUONG_TYT"] = 140, ["TCDD"] = 48.2m, ["LUOTKHAM"] = 131250 }, got);
        Assert.Equal("6 tháng", result.Observations.Single(o => o.IndicatorCode == "TCDD").Note);
    }

    [Fact]
    public void Numbers_typed_as_text_are_read_by_their_indicator()
    {
        // "4,080" visits are 4 080 (a count is whole); "1,5" on a percentage is 1,5; "1.050" on bed occupancy,
        // which may pass 100, reads 1 050 or 1,05 and is refused showing both.
        var result = WorkbookUpload.Read(Typed(
            ["TT", "Chỉ tiêu", "Thực hiện"],
            [1, "Số lượt người khám, chữa bệnh", "4,080"],
            [2, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "1,5"],
            [3, "Công suất sử dụng giường bệnh ở các bệnh viện huyện", "1.050"]), Target);
        var got = result.Observations.ToDictionary(o => o.IndicatorCode, o => o.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["LUOTKHAM"] = 4080, ["SDD_TC"] = 1.5m }, got);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("CSGB", "C6"), (rejected.IndicatorCode, rejected.Cell));
        Assert.Contains("số \"1.050\" có hai cách đọc: 1.050 (dấu ngăn hàng nghìn) hoặc 1,05 (dấu thập phân)", rejected.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_column_wins_over_the_name()
    {
        var result = WorkbookUpload.Read(Typed(
            ["Mã", "Tên chỉ tiêu", "Thực hiện", "Tử số", "Mẫu số"],
            ["XA_TCQG", "Xã đạt chuẩn (viết khác)", 83.9, 26, 31]), Target);
        var o = Assert.Single(result.Observations);
        Assert.Equal(("XA_TCQG", 83.9m, 26m, 31m), (o.IndicatorCode, o.Value!.Value, o.Numerator!.Value, o.Denominator!.Value));
    }

    [Fact]
    public void A_row_that_matches_no_indicator_is_rejected_naming_its_cell()
    {
        var result = WorkbookUpload.Read(Typed(
            ["TT", "Chỉ tiêu", "Thực hiện"],
            [1, "Số giường bệnh (gần đúng)", 420]), Target);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("Báo cáo", "B4", "indicator"), (rejected.Sheet, rejected.Cell, rejected.Field));
        Assert.Contains("Số giường bệnh (gần đúng)", rejected.MessageVi, StringComparison.Ordinal);
        Assert.Contains("cell B4", rejected.MessageEn, StringComparison.Ordinal);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void The_same_indicator_twice_is_rejected()
    {
        var result = WorkbookUpload.Read(Typed(
            ["Chỉ tiêu", "Thực hiện"],
            ["Tổng số giường bệnh trong huyện", 420],
            ["Tổng số giường bệnh trong huyện", 421]), Target);
        Assert.Equal(420m, Assert.Single(result.Observations).Value);
        Assert.Equal(5, Assert.Single(result.Rejected).Row);
    }

    [Fact]
    public void A_result_annex_reads_back_as_a_hand_typed_table()
    {
        // The annex has no form identity; its "Chỉ tiêu" and "Thực hiện" header still leads the reader to its rows.
        var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(Samples.Result(), stream);
        stream.Position = 0;
        var result = WorkbookUpload.Read(stream, Target);
        Assert.Equal(UploadSource.Table, result.Source);
        Assert.Empty(result.Rejected);
        var expected = Samples.Result().Lines.Where(l => l.Actual is not null).ToDictionary(l => l.Indicator.Code, l => l.Actual!.Value);
        Assert.Equal(expected, result.Observations.ToDictionary(o => o.IndicatorCode, o => o.Value));
    }
}
