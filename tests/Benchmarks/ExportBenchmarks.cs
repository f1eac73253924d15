using System.Globalization;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using HealthFuncs.Core.Workbooks;
using MiniExcelLibs;
using SpreadCheetah;

namespace HealthFuncs.Benchmarks;

/// Writing 1.000.000 cells: the flat export, and as peers SpreadCheetah with nothing but the cells (the floor the
/// export is built on: no styles, no injection defence, no frozen header or filter), MiniExcel, and a bare Open XML
/// SDK SAX writer, all into the same reused buffer.
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private readonly MemoryStream _buffer = Cells.Buffer();

    [IterationSetup]
    public void Reset() => _buffer.SetLength(0);

    [Benchmark(Baseline = true)]
    public Task<long> FlatExport_HealthFuncs() => FlatExport.WriteAsync(_buffer, Cells.FlatRows());

    [Benchmark]
    public async Task<long> SpreadCheetah_Plain()
    {
        await using var book = await Spreadsheet.CreateNewAsync(_buffer);
        await book.StartWorksheetAsync("Sheet1");
        var cells = new DataCell[Cells.Columns];
        foreach (var r in Cells.FlatRows())
        {
            cells[0] = new(r.UnitCode); cells[1] = new(r.UnitName); cells[2] = new(r.IndicatorCode); cells[3] = new(r.IndicatorName);
            cells[4] = new(r.UnitOfMeasure); cells[5] = new(r.Period.Code); cells[6] = new(AnnexFrame.PeriodText(r.Period)); cells[7] = new(r.Period.Year);
            cells[8] = new(r.Value); cells[9] = new(r.Numerator); cells[10] = new(r.Denominator); cells[11] = new(r.Note);
            await book.AddRowAsync(cells);
        }
        await book.FinishAsync();
        return _buffer.Length;
    }

    [Benchmark]
    public long MiniExcel_SaveAs()
    {
        MiniExcel.SaveAs(_buffer, Cells.FlatRows().Select(r => new Dictionary<string, object?>
        {
            ["Mã đơn vị"] = r.UnitCode, ["Tên đơn vị"] = r.UnitName, ["Mã chỉ tiêu"] = r.IndicatorCode, ["Tên chỉ tiêu"] = r.IndicatorName,
            ["Đơn vị tính"] = r.UnitOfMeasure, ["Mã kỳ"] = r.Period.Code, ["Kỳ"] = AnnexFrame.PeriodText(r.Period), ["Năm"] = r.Period.Year,
            ["Giá trị"] = r.Value, ["Tử số"] = r.Numerator, ["Mẫu số"] = r.Denominator, ["Ghi chú"] = r.Note,
        }));
        return _buffer.Length;
    }

    [Benchmark]
    public long OpenXmlSdk_PlainSax()
    {
        using (var document = SpreadsheetDocument.Create(_buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                foreach (var r in Cells.FlatRows())
                {
                    writer.WriteStartElement(new Row());
                    foreach (var text in new[] { r.UnitCode, r.UnitName, r.IndicatorCode, r.IndicatorName, r.UnitOfMeasure, r.Period.Code, AnnexFrame.PeriodText(r.Period) })
                        writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                    foreach (var number in new decimal?[] { r.Period.Year, r.Value, r.Numerator, r.Denominator })
                        writer.WriteElement(new Cell { CellValue = new CellValue(number!.Value.ToString(CultureInfo.InvariantCulture)) });
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(r.Note!)) });
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return _buffer.Length;
    }
}
