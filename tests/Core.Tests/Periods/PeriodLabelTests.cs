using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Tests.Periods;

public class PeriodLabelTests
{
    [Theory]
    [InlineData("Tháng 3/2021", "2021-M03")]
    [InlineData("Tháng 03/2021", "2021-M03")]
    [InlineData("tháng 12 / 2021", "2021-M12")]
    [InlineData("Thang 3/2021", "2021-M03")]               // lost diacritics
    [InlineData("Tháng 3 năm 2021", "2021-M03")]
    [InlineData("Quý I/2021", "2021-Q1")]
    [InlineData("Quý II năm 2021", "2021-Q2")]
    [InlineData("Quý II/2021", "2021-Q2")]
    [InlineData("Quý III/2021", "2021-Q3")]
    [InlineData("quý iv/2021", "2021-Q4")]
    [InlineData("Quý 1/2021", "2021-Q1")]
    [InlineData("Quy I/2021", "2021-Q1")]                  // lost diacritics
    [InlineData("QUÝ  II / 2021", "2021-Q2")]
    [InlineData("6 tháng đầu năm 2021", "2021-H1")]
    [InlineData("6 tháng năm 2021", "2021-H1")]
    [InlineData("6 Tháng Đầu Năm 2021", "2021-H1")]
    [InlineData("6 thang dau nam 2021", "2021-H1")]
    [InlineData("9 tháng năm 2021", "2021-9M")]
    [InlineData("9 tháng đầu năm 2021", "2021-9M")]
    [InlineData("Năm 2021", "2021")]
    [InlineData("năm 2021", "2021")]
    [InlineData("Nam 2021", "2021")]                      // lost diacritics
    [InlineData("  NĂM   2021 ", "2021")]
    [InlineData("2025", "2025")]                          // 001: milestone column headers "2020", "2025"
    [InlineData("Giai đoạn 2021-2025", "2021-2025")]
    [InlineData("giai đoạn 2021 - 2025", "2021-2025")]
    [InlineData("Giai đoạn 2016–2020", "2016-2020")]       // 004: "giai đoạn 2016-2020", en dash
    [InlineData("2021-2025", "2021-2025")]
    [InlineData("2021 – 2030", "2021-2030")]
    [InlineData("Giai doan 2017-2020", "2017-2020")]
    [InlineData("2021-Q1", "2021-Q1")]                    // canonical codes are labels too
    [InlineData("2021-M03", "2021-M03")]
    public void Vietnamese_labels_are_read_as_periods(string label, string code)
    {
        Assert.True(PeriodLabel.TryParse(label, out var period));
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("2021-M03", "Tháng 3/2021")]
    [InlineData("2021-M11", "Tháng 11/2021")]
    [InlineData("2021-Q1", "Quý I/2021")]
    [InlineData("2021-Q2", "Quý II/2021")]
    [InlineData("2021-Q3", "Quý III/2021")]
    [InlineData("2021-Q4", "Quý IV/2021")]
    [InlineData("2021-H1", "6 tháng đầu năm 2021")]
    [InlineData("2021-9M", "9 tháng năm 2021")]
    [InlineData("2021", "Năm 2021")]
    [InlineData("2021-2025", "Giai đoạn 2021-2025")]
    public void Periods_print_their_canonical_label_and_read_it_back(string code, string label)
    {
        var period = Period.ParseCode(code);
        Assert.Equal(label, PeriodLabel.Format(period));
        Assert.Equal(period, PeriodLabel.Parse(label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Tháng 13/2021")]
    [InlineData("Tháng 0/2021")]
    [InlineData("Tháng 3")]
    [InlineData("Quý V/2021")]
    [InlineData("Quý 5/2021")]
    [InlineData("Quý IIII/2021")]
    [InlineData("Quý I/21")]
    [InlineData("5 tháng đầu năm 2021")]
    [InlineData("6 tháng cuối năm 2021")]
    [InlineData("Năm")]
    [InlineData("Năm 1800")]
    [InlineData("Giai đoạn 2025-2021")]
    [InlineData("Giai đoạn 2021-2021")]
    [InlineData("Giai đoạn 2000-2050")]
    [InlineData("định hướng đến năm 2030")]
    [InlineData("Tháng 3/2021 và Tháng 4/2021")]
    [InlineData("x")]
    public void Ill_formed_labels_are_refused(string? label) =>
        Assert.False(PeriodLabel.TryParse(label, out _));

    [Fact]
    public void Parsing_an_ill_formed_label_names_it_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => PeriodLabel.Parse("Quý V/2021"));
        Assert.Contains("Quý V/2021", error.Message);
    }
}
