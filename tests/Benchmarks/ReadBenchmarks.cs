using System.Text;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using ExcelDataReader;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Benchmarks;

/// Reading 1.000.000 cells of a flat export back: the SAX reader behind uploads against ExcelDataReader.
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _workbook = [];

    [GlobalSetup]
    public void Write()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var stream = new MemoryStream();
        FlatExport.WriteAsync(stream, Cells.FlatRows()).GetAwaiter().GetResult();
        _workbook = stream.ToArray();
    }

    [Benchmark(Baseline = true)]
    public long SheetCells_HealthFuncs()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(_workbook, false), false);
        var cells = new SheetCells(document.WorkbookPart!);
        long count = 0;
        foreach (var row in cells.Rows(cells.Find(FlatExport.SheetName)!)) count += row.Cells.Count;
        return count;
    }

    [Benchmark]
    public long ExcelDataReader_Read()
    {
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(_workbook, false));
        long count = 0;
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetValue(i) is not null) count++;
        return count;
    }

    [Benchmark]
    public long XmlReader_Floor() => Floors.ReadXlsx(new MemoryStream(_workbook, false));

    [Benchmark]
    public long Upload_gate_then_cells()
    {
        // What an upload of this size costs end to end before rows are matched, as WorkbookUpload reads it: the zip checks
        // (the sheet and shared strings from their headers), then the cells, DTD-checked as they stream.
        var limits = new UploadLimits(MaxBytes: 256L * 1024 * 1024, MaxUncompressedBytes: 2L * 1024 * 1024 * 1024);
        if (UploadGate.Check(new MemoryStream(_workbook, false), limits, null, out var buffer, streamedParts: true) is not null) throw new InvalidOperationException("refused");
        using var document = SpreadsheetDocument.Open(buffer, false);
        var cells = new SheetCells(document.WorkbookPart!);
        long count = 0;
        foreach (var row in cells.Rows(cells.Find(FlatExport.SheetName)!)) count += row.Cells.Count;
        return count;
    }
}
