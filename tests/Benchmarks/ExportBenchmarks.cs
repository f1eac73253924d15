using System.Globalization;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Workbooks;
using MiniExcelLibs;

namespace HealthFuncs.Benchmarks;

/// Writing 1.000.000 cells: the flat export, MiniExcel, and a bare Open XML SDK SAX writer (no styles, no
/// injection defence, no frozen header), all into the same reused buffer.
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private readonly MemoryStream _buffer = Cells.Buffer();

    [IterationSetup]
    public void Reset() => _buffer.SetLength(0);

    [Benchmark(Baseline = true)]
    public long FlatExport_HealthFuncs() => FlatExport.Write(_buffer, Cells.FlatRows());

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
