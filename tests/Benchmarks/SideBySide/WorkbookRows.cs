using static HealthFuncs.Benchmarks.SideBySide.Measure;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>The flat export and the upload reader on 1.000.000 cells, against their peers and the framework's floors.</summary>
public static class WorkbookRows
{
    public static async Task<Row> ExportAsync(int rounds)
    {
        var contenders = new ExportBenchmarks();
        var floor = Cells.Buffer();
        var samples = await InterleavedAsync(rounds,
            async () => { contenders.Reset(); await contenders.FlatExport_HealthFuncs(); },
            async () => { contenders.Reset(); await contenders.SpreadCheetah_Plain(); },
            () => { contenders.Reset(); contenders.MiniExcel_SaveAs(); return Task.CompletedTask; },
            () => { floor.SetLength(0); Floors.WriteXlsx(floor); return Task.CompletedTask; });
        var (ours, cheetah, mini, bare) = (samples[0], samples[1], samples[2], samples[3]);
        var ratio = ours.Milliseconds / cheetah.Milliseconds;
        return new Row("flat export 1 M cells", $"{Ms(ours.Milliseconds)} {Mb(ours.AllocatedBytes)}",
            $"SpreadCheetah {Ms(cheetah.Milliseconds)} {Mb(cheetah.AllocatedBytes)} (MiniExcel {Ms(mini.Milliseconds)} {Mb(mini.AllocatedBytes)}; XmlWriter+zip {Ms(bare.Milliseconds)} {Mb(bare.AllocatedBytes)})",
            ratio, "≤ 1.10 × SpreadCheetah's time, ≤ 100 MB", ratio <= 1.1 && ours.AllocatedBytes <= 100L * 1024 * 1024);
    }

    public static async Task<Row> UploadReadAsync(int rounds)
    {
        var contenders = new ReadBenchmarks();
        contenders.Write();
        var samples = await InterleavedAsync(rounds,
            () => { contenders.Upload_gate_then_cells(); return Task.CompletedTask; },
            () => { contenders.ExcelDataReader_Read(); return Task.CompletedTask; },
            () => { contenders.XmlReader_Floor(); return Task.CompletedTask; });
        var (ours, reader, bare) = (samples[0], samples[1], samples[2]);
        // A speed ratio: above 1 is faster than ExcelDataReader.
        var ratio = reader.Milliseconds / ours.Milliseconds;
        return new Row("upload read 1 M cells", $"{Ms(ours.Milliseconds)} {Mb(ours.AllocatedBytes)}",
            $"ExcelDataReader {Ms(reader.Milliseconds)} {Mb(reader.AllocatedBytes)} (XmlReader floor {Ms(bare.Milliseconds)} {Mb(bare.AllocatedBytes)})",
            ratio, "≥ 1.50 × ExcelDataReader's speed, ≤ 100 MB", ratio >= 1.5 && ours.AllocatedBytes <= 100L * 1024 * 1024);
    }
}
