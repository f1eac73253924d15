using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Benchmarks;

/// The data every benchmark shares: flat rows of 12 columns, so 83.334 rows make 1.000.008 cells.
public static class Cells
{
    public const int Columns = 12;
    public const int Rows = 83_334;

    public static IEnumerable<FlatRow> FlatRows(int count = Rows)
    {
        for (var i = 0; i < count; i++)
            yield return new FlatRow($"X{i % 300:000}", $"Trạm Y tế xã số {i % 300}", $"CT{i % 250:000}", $"Tỷ lệ chỉ tiêu thử nghiệm số {i % 250}", "%",
                Period.Month(2021, i % 12 + 1), 50 + i % 50 + 0.25m, 100 + i % 40, 200, $"Ghi chú {i % 7}");
    }

    /// A pre-sized buffer reused by every iteration, so the figures measure the writers, not a growing MemoryStream.
    public static MemoryStream Buffer() => new(64 * 1024 * 1024);
}
