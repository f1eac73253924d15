using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Each province figure on "Tổng hợp" carries a note on how it was formed, as the API's consolidated answer says it:
/// summed or from summed parts, from how many children, who is missing, which months the children's figures came from.
/// </summary>
public class SummaryProvenanceTests
{
    private const string Summary = ProvinceWorkbookWriter.SummarySheet;

    private static Opened Book()
    {
        var book = ProvinceMatrixTests.Consolidated();
        // The visits of both districts formed from months; Yên Sơn's May not sent.
        var months = new[] { 1, 2, 3, 4, 6 }.Select(m => Period.Month(2021, m)).ToList();
        book = book with
        {
            Summary = book.Summary.Select(f => f.Indicator.Code == "LUOTKHAM"
                ? f with { DerivedFrom = months, MissingPeriods = [Period.Month(2021, 5)], PartialUnits = ["YS"] } : f).ToList(),
        };
        return Opened.Build(s => ProvinceWorkbookWriter.Write(book, s));
    }

    private static string NoteOn(Opened book, string indicator) => book.Note(Summary, $"F{book.RowOf(Summary, indicator)}");

    [Fact]
    public void A_summed_figure_names_how_many_children_it_sums_who_is_missing_and_the_months_it_was_formed_from()
    {
        using var book = Book();
        Assert.Equal("Cộng số liệu của 2 đơn vị.\nChưa có số liệu (1 đơn vị, không tính là 0): Huyện Lâm Bình.\n"
            + "Số liệu các đơn vị: Cộng dồn 5 tháng: T01–T04, T06; chưa có số liệu tháng 5/2021 (đơn vị thiếu tháng: Huyện Yên Sơn).",
            NoteOn(book, "Số lượt người khám, chữa bệnh"));
        // A figure every child reported for the period itself says nothing of months.
        Assert.DoesNotContain("tháng", NoteOn(book, "Tổng số giường bệnh trong huyện"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_says_it_divides_summed_parts_and_names_the_children_left_out_for_want_of_them()
    {
        using var book = Book();
        Assert.StartsWith("Tổng tử số chia tổng mẫu số của 2 đơn vị", NoteOn(book, "Xã đạt tiêu chí quốc gia về y tế"), StringComparison.Ordinal);
        Assert.Contains("Thiếu tử số/mẫu số, không tính: Huyện Sơn Dương, Huyện Yên Sơn.", NoteOn(book, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi"), StringComparison.Ordinal);
        Assert.StartsWith("Mức (xếp hạng) không cộng gộp được", NoteOn(book, "Bệnh viện đạt mức chất lượng"), StringComparison.Ordinal);
    }
}
