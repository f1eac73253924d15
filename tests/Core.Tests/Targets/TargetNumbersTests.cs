using HealthFuncs.Core.Numbers;
using HealthFuncs.Core.Targets;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Targets;

public class TargetNumbersTests
{
    [Theory]
    [InlineData("4,080 người", 4080)]
    [InlineData("4.080 người", 4080)]
    [InlineData("4,080", 4080)]
    [InlineData("1,234,567", 1234567)]
    public void On_a_count_a_comma_or_dot_before_three_digits_groups_thousands(string text, decimal expected)
    {
        var target = TargetParser.Parse(text, Insured);
        Assert.Equal((TargetForm.Point, expected), (target.Form, target.Value));
    }

    [Theory]
    [InlineData("1,5%", 1.5)]
    [InlineData("83,9%", 83.9)]
    [InlineData("4,080%", 4.08)]   // 4 080 % cannot be a percentage that stops at 100
    [InlineData("4.080", 4.08)]
    public void On_a_percentage_the_comma_is_the_decimal_comma(string text, decimal expected) =>
        Assert.Equal(expected, TargetParser.Parse(text, Stunting).Value);

    [Fact]
    public void A_number_that_reads_two_ways_is_reported_with_both_readings()
    {
        var reading = TargetParser.Read("trên 1,234", BedsPer10000);
        Assert.Equal(TargetForm.TextOnly, reading.Expression.Form);
        Assert.Equal([1234m, 1.234m], reading.AmbiguousNumber!.Readings);
        Assert.Equal("1,234", reading.AmbiguousWritten);
        Assert.Contains("1.234 (dấu ngăn hàng nghìn) hoặc 1,234 (dấu thập phân)", reading.Expression.Reason);
    }

    [Theory]
    [InlineData("1.050")]   // bed occupancy may exceed 100, so 1 050 and 1,05 are both possible
    [InlineData("2,500")]
    public void A_percentage_allowed_above_100_keeps_both_readings_open(string written) =>
        Assert.True(VietnameseNumber.Read(written, TargetParser.SenseOf(Occupancy)).IsAmbiguous);

    [Theory]
    [InlineData("0,385")]   // a leading zero is never a thousands group
    [InlineData("95,46")]
    [InlineData("12.345,6")]
    public void Numbers_with_one_reading_are_not_ambiguous(string written) =>
        Assert.False(VietnameseNumber.Read(written, new NumberSense(false)).IsAmbiguous);

    [Fact]
    public void Without_an_indicator_the_plain_rules_apply() => Assert.Equal(4.08m, TargetParser.Parse("4,080").Value);
}
