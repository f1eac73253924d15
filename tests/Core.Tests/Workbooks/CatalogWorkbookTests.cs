using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public sealed class CatalogWorkbookTests
{
    [Fact]
    public void A_written_catalog_reads_back_as_the_same_indicators_and_retirements()
    {
        CatalogRow[] rows = [new(Samples.Beds, null), new(Samples.HospitalBeds, 2026), new(Samples.BedsPer10k, null), new(Samples.Occupancy, null)];
        var stream = new MemoryStream();
        CatalogWorkbook.Write(rows, stream);
        using (var opened = new Opened(stream)) Assert.Equal([CatalogWorkbook.SheetName], opened.SheetNames);

        stream.Position = 0;
        var read = CatalogWorkbook.Read(stream);

        Assert.Empty(read.Problems);
        Assert.Equal(rows.Select(r => (r.Indicator, r.RetiredFrom)), read.Rows.Select(r => (r.Indicator, r.RetiredFrom)));
        Assert.Equal([2u, 3u, 4u, 5u], read.Rows.Select(r => r.Row));
    }

    [Fact]
    public void A_kind_that_is_not_a_kind_is_named_with_its_row_and_the_choices()
    {
        var stream = HandTypedTableTests.Typed(
            ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Loại", "Chiều đánh giá", "Theo thời gian", "Nhóm", "Tên nhóm", "Thứ tự"],
            ["KCB.X", "Chỉ tiêu X", "lượt", "Đếm", "HigherIsBetter", "Flow", "I", "Khám chữa bệnh", 1]);

        var problem = CatalogWorkbook.Read(stream).Problems.Single();

        Assert.Equal("Loại", problem.Column);
        Assert.Contains("Count, Percentage, Rate, Ratio, Level", problem.MessageEn);
    }
}
