using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public sealed class CatalogWorkbookTests
{
    [Fact]
    public void A_written_catalog_reads_back_as_the_same_indicators_and_retirements()
    {
        CatalogRow[] rows = [new(Samples.Beds with { Minimum = 100, Maximum = 2000 }, null), new(Samples.HospitalBeds, 2026), new(Samples.BedsPer10k, null),
            new(Samples.Occupancy with { Minimum = 0.5m, Maximum = 150 }, null)];
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
    public void A_hand_typed_range_reads_with_the_decimal_comma_and_a_word_is_named_with_its_row()
    {
        var stream = HandTypedTableTests.Typed(
            ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Loại", "Chiều đánh giá", "Theo thời gian", "Nhóm", "Tên nhóm", "Thứ tự", "Giá trị nhỏ nhất", "Giá trị lớn nhất"],
            ["KCB.X", "Chỉ tiêu X", "%", "Percentage", "HigherIsBetter", "Flow", "I", "Khám chữa bệnh", 1, "0,5", "99,5"],
            ["KCB.Y", "Chỉ tiêu Y", "%", "Percentage", "HigherIsBetter", "Flow", "I", "Khám chữa bệnh", 2, "năm mươi", null]);

        var read = CatalogWorkbook.Read(stream);

        Assert.Equal((0.5m, 99.5m), (read.Rows.Single().Indicator.Minimum, read.Rows.Single().Indicator.Maximum));
        var problem = read.Problems.Single();
        Assert.Equal((5u, "Giá trị nhỏ nhất"), (problem.Row, problem.Column));
        Assert.Contains("'năm mươi' is not a number", problem.MessageEn);
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
