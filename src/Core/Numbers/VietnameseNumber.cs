using System.Globalization;

namespace HealthFuncs.Core.Numbers;

/// <summary>
/// Numbers as Vietnamese plans write them: a decimal comma and a thousands dot
/// ("83,9", "260.000", "62.424", "1.234,5").
/// </summary>
/// <remarks>
/// The reading rules, in order (an optional leading "-" or "+" is allowed; no other characters):
/// <list type="number">
/// <item>Both a dot and a comma: the dots group thousands and the single comma, after them, is the
/// decimal comma ("1.234,5"). The groups must be well formed (1-3 leading digits, then groups of 3).</item>
/// <item>Only commas: exactly one comma is a decimal comma ("0,38", and also "1,000" = 1). Two or more
/// commas ("1,234,567", English grouping) are refused rather than guessed.</item>
/// <item>Only dots: when every dot is followed by exactly three digits and the first group is 1-3 digits
/// without a leading zero, the dots group thousands ("62.424" = 62424, "1.234.567"). Otherwise a single dot
/// is a decimal point, as PDF conversions sometimes write ("95.46", "0.385", "1.5"). Anything else
/// ("1.234.5", "1.2.3") is refused.</item>
/// </list>
/// So "62.424" is sixty-two thousand four hundred twenty-four, never 62,424 as a fraction: a decimal
/// with exactly three fractional digits must be written with a comma ("62,424").
/// </remarks>
public static class VietnameseNumber
{
    // Printing uses its own format rather than the vi-VN culture, so output does not depend on the ICU data of the host.
    private static readonly NumberFormatInfo Printing = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Reads a Vietnamese-written number by the rules above; false when the text is not one.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (WithoutSpaceGroups(text.Trim()) is not { } s) return false;
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c) && c is not ('.' or ','))
                return false;

        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        string? invariant;
        if (commas > 1)
            invariant = null;
        else if (commas == 1)
        {
            var comma = s.IndexOf(',');
            var whole = s[..comma];
            invariant = dots == 0 || IsThousandsGrouped(whole)
                ? whole.Replace(".", "", StringComparison.Ordinal) + "." + s[(comma + 1)..]
                : null;
        }
        else if (dots == 0)
            invariant = s;
        else if (IsThousandsGrouped(s))
            invariant = s.Replace(".", "", StringComparison.Ordinal);
        else
            invariant = dots == 1 ? s : null;

        if (invariant is null || !decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = negative ? -parsed : parsed;
        return true;
    }

    // Spaces, no-break spaces and narrow no-break spaces group thousands as Vietnamese (and French) keyboards and
    // Excel under some locales write them: "270 100", "1 234,5". Every group after the first has three digits and
    // no dot is mixed in; otherwise the text is not a number (null).
    private static string? WithoutSpaceGroups(string s)
    {
        if (s.IndexOfAny(Spaces) < 0) return s;
        var comma = s.IndexOf(',');
        var whole = comma < 0 ? s : s[..comma];
        var sign = whole.Length > 0 && whole[0] is '-' or '+' ? whole[..1] : "";
        var groups = whole[sign.Length..].Split(Spaces);
        if (whole.Contains('.') || (comma >= 0 && s[comma..].IndexOfAny(Spaces) >= 0)) return null;
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit))) return null;
        return sign + string.Concat(groups) + (comma < 0 ? "" : s[comma..]);
    }

    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    /// <summary>
    /// Reads a number knowing what it must be. One separator followed by exactly three digits ("4,080",
    /// "4.080") reads as thousands or as a decimal: on a whole count it is thousands (4 080 people); where the
    /// thousands reading exceeds <see cref="NumberSense.Maximum"/> it is the decimal; otherwise both readings
    /// are returned and no value, so the caller refuses it showing both. On a count, English grouping with
    /// several commas ("1,234,567") is read too. Everything else reads as <see cref="TryParse"/> does.
    /// </summary>
    public static NumberReading Read(string? text, NumberSense sense)
    {
        ArgumentNullException.ThrowIfNull(sense);
        if (!TryParse(text, out var plain))
            return sense.Whole && TryGroupedWith(text, ',', out var grouped) ? new(grouped, []) : new(null, []);
        var s = text!.Trim().TrimStart('-', '+');
        var separators = s.Count(c => c is '.' or ',');
        var at = s.IndexOfAny(['.', ',']);
        if (separators != 1 || at is < 1 or > 3 || s[0] == '0' || s.Length - at - 1 != 3)
            return new(plain, []);
        var sign = text.Trim()[0] == '-' ? -1 : 1;
        var thousands = sign * decimal.Parse(s.Remove(at, 1), CultureInfo.InvariantCulture);
        var fraction = sign * decimal.Parse(s.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (sense.Whole) return new(thousands, []);
        if (sense.Maximum is { } max && Math.Abs(thousands) > max) return new(fraction, []);
        return new(null, [thousands, fraction]);
    }

    // "1,234,567" on a count: every group after the first has three digits.
    private static bool TryGroupedWith(string? text, char separator, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Contains(separator == ',' ? '.' : ',', StringComparison.Ordinal)) return false;
        return IsThousandsGrouped(s.Replace(separator, '.'))
               && decimal.TryParse(s.Replace(separator.ToString(), "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Prints a number Vietnamese style with exactly <paramref name="decimals"/> digits after the comma,
    /// rounding half away from zero as the reports do ("260.000", "83,9", "1.234,50").</summary>
    public static string Format(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m; // no "-0"
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Printing);
    }

    // "62.424", "1.234.567": 1-3 digits without a leading zero, then groups of exactly three digits.
    private static bool IsThousandsGrouped(string s)
    {
        var groups = s.Split('.');
        if (groups.Length < 2 || groups[0].Length is < 1 or > 3 || groups[0][0] == '0') return false;
        for (var i = 1; i < groups.Length; i++)
            if (groups[i].Length != 3) return false;
        return true;
    }
}
