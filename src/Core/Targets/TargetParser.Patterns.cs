using System.Text.RegularExpressions;

namespace HealthFuncs.Core.Targets;

// The written forms, matched on folded text (VietnameseText.Fold: lower case, no diacritics, "đ" as "d",
// dashes as "-" with no spaces around them, "%o" as "‰"). A number is captured loosely here and then
// read strictly by VietnameseNumber, so a malformed number is reported as such instead of being
// taken for something else.
public static partial class TargetParser
{
    private const string Number = @"\d+(?:[.,]\d+)*";

    // Longer spellings come first so ">=" is not read as ">" followed by "=".
    private const string Comparators =
        "≥|>=|=>|≤|<=|=<|>|<|toi thieu|it nhat|khong duoi|khong it hon|khong thap hon|tren|lon hon|cao hon|nhieu hon"
        + "|toi da|khong vuot qua|khong qua|khong cao hon|duoi|nho hon|thap hon|it hon";

    [GeneratedRegex("^(?<number>" + Number + @") ?(?<symbol>[%‰])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex("^(?:tu )?(?<low>" + Number + @") ?(?<lowSymbol>[%‰])?(?:-| den )(?<high>" + Number + @") ?(?<highSymbol>[%‰])?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex("^(?<comparator>" + Comparators + ") ?(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex("^(?:(?<comparator>" + Comparators + ") ?)?muc ?(?<level>" + Number + ")$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"(?:/nam|/1 nam| moi nam| hang nam)$|^(?:moi|hang) nam ", RegexOptions.CultureInvariant)]
    private static partial Regex PerYearPattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToken();
}
