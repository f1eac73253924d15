using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public class FlatExportTests
{
    /// <summary>A stream that can only be written forwards, like an HTTP response body.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    private static IEnumerable<FlatRow> Rows(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new FlatRow($"X{i % 31:00}", $"Trạm Y tế xã {i % 31}", "TCDD", "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%",
                Period.Month(2021, i % 12 + 1), 90 + i % 10 + 0.5m, 45 + i % 10, 50, i == 3 ? "@SUM(A1:A9)" : null);
    }

    [Fact]
    public async Task Streams_one_row_per_unit_indicator_and_period_to_a_forward_only_stream()
    {
        var buffer = new MemoryStream();
        var written = await FlatExport.WriteAsync(new ForwardOnly(buffer), Rows(500));
        Assert.Equal(500, written);
        using var book = new Opened(new MemoryStream(buffer.ToArray()));
        var rows = book.Sheet(FlatExport.SheetName).Descendants<Row>().ToList();
        Assert.Equal(FlatExport.Headers, rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText));
        Assert.Equal(501, rows.Count);
        var second = rows[2].Elements<Cell>().ToList();
        Assert.Equal(["X01", "Trạm Y tế xã 1", "TCDD", "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%", "2021-M02", "Tháng 2/2021"],
            second.Take(7).Select(c => c.InlineString!.InnerText));
        Assert.Equal(["2021", "91.5", "46", "50"], second.Skip(7).Take(4).Select(c => c.CellValue!.Text));
        // The filter is declared on the header row: the rows are streamed, so their count is not known when the
        // sheet starts, and Excel extends a one-row filter range to the block of data under it when the filter is used.
        Assert.Equal("A1:L1", book.Sheet(FlatExport.SheetName).GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal("A2", book.Sheet(FlatExport.SheetName).Descendants<Pane>().Single().TopLeftCell!.Value);
    }

    [Fact]
    public async Task An_export_reads_back_cell_for_cell()
    {
        var buffer = new MemoryStream();
        await FlatExport.WriteAsync(buffer, Rows(40));
        buffer.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(buffer, false);
        var cells = new SheetCells(document.WorkbookPart!);
        var rows = cells.Rows(cells.Find(FlatExport.SheetName)!).ToList();
        Assert.Equal(41, rows.Count);
        Assert.Equal("Tháng 5/2021", rows[5].At(7)!.Value.Text);
        Assert.Equal(new SheetCell(9, "94.5", true), rows[5].At(9));
    }
}
