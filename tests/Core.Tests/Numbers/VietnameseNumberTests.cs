using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Tests.Numbers;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("83,9", "83.9")]          // 000: 26 of 31 communes, 83,9%
    [InlineData("260.000", "260000")]     // 000: 260.000 visits
    [InlineData("62.424", "62424")]       // 000: 62.424 insured beneficiaries
    [InlineData("3.534", "3534")]         // 000: of which 3.534 poor
    [InlineData("0,38", "0.38")]          // 002: HIV prevalence 0,38%
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1.234.567,25", "1234567.25")]
    [InlineData("95.46", "95.46")]        // a dot with two digits after it: a decimal point from PDF conversion
    [InlineData("0.385", "0.385")]        // a leading zero group is never a thousands group
    [InlineData("1,000", "1")]            // a single comma is always the decimal comma
    [InlineData("420", "420")]
    [InlineData(" 18,7 ", "18.7")]
    [InlineData("-2,5", "-2.5")]
    [InlineData("+3", "3")]
    public void Vietnamese_written_numbers_are_read(string text, string expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("1,234,567")]   // English grouping: refused, not guessed
    [InlineData("1.234.5")]
    [InlineData("1.2.3")]
    [InlineData("12.34,5")]     // dots before a comma must be thousands groups
    [InlineData("1,5,")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("95%")]
    [InlineData("x")]
    [InlineData("1 00")]        // a space groups thousands only before three digits ("1 000" is a thousand)
    [InlineData("-")]
    public void Text_that_is_not_a_number_is_refused(string? text) =>
        Assert.False(VietnameseNumber.TryParse(text, out _));

    [Theory]
    [InlineData("260000", 0, "260.000")]
    [InlineData("83.9", 1, "83,9")]
    [InlineData("1234.5", 2, "1.234,50")]
    [InlineData("0.38", 2, "0,38")]
    [InlineData("95.455", 2, "95,46")]    // half away from zero
    [InlineData("-1234.5", 1, "-1.234,5")]
    [InlineData("-0.04", 1, "0,0")]
    [InlineData("1000000", 0, "1.000.000")]
    public void Numbers_are_printed_with_thousands_dot_and_decimal_comma(string value, int decimals, string expected) =>
        Assert.Equal(expected, VietnameseNumber.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("62424", 0)]
    [InlineData("83.9", 1)]
    [InlineData("0.385", 3)]
    [InlineData("1234567.25", 2)]
    [InlineData("1.5", 3)]
    [InlineData("-14.3", 1)]
    [InlineData("999", 0)]
    public void Printed_numbers_read_back_to_the_same_value(string value, int decimals)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(VietnameseNumber.TryParse(VietnameseNumber.Format(number, decimals), out var back));
        Assert.Equal(number, back);
    }

    [Fact]
    public void Negative_decimal_places_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseNumber.Format(1m, -1));

    [Theory]
    [InlineData("270 100", "270100")]
    [InlineData("270\u00A0100", "270100")]       // a no-break space, as Excel writes it under some locales
    [InlineData("1\u202F234\u202F567", "1234567")] // narrow no-break spaces
    [InlineData("1 234,5", "1234.5")]
    [InlineData("-12 000", "-12000")]
    public void Spaces_and_no_break_spaces_group_thousands(string text, string expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(value, VietnameseNumber.Read(text, new NumberSense(Whole: !text.Contains(','))).Value);
    }

    [Theory]
    [InlineData("27 01")]       // a group after a space has three digits
    [InlineData("2701 000")]    // the first group at most three
    [InlineData("1.234 567")]   // dots and spaces are not mixed
    [InlineData("12,5 00")]     // no space after the decimal comma
    [InlineData("1  000")]      // one space between groups
    public void Spaces_that_do_not_group_thousands_are_not_a_number(string text) =>
        Assert.False(VietnameseNumber.TryParse(text, out _));
}
