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

    // What a number counts, written after it ("xã", "số xã", "trẻ em", "người"): plain words only. Words that
    // would change the meaning (a comparison, a change, a second bound) are not a subject, so such text is
    // not read at all rather than read with a meaning dropped.
    private const string Subject =
        @"(?: (?<subject>(?!(?:tren|duoi|khong|tang|giam|len|xuong|tro|den|toi|it|hoac|so voi|moi|hang|nam)\b)[a-z]+"
        + @"(?:,? (?!(?:tren|duoi|khong|tang|giam|len|xuong|tro|den|toi|hoac|so voi|moi|hang)\b)[a-z]+){0,9}))?";

    // A list marker in front of a sentence copied from a plan: "(4) ", "- ".
    [GeneratedRegex(@"^(?:\(\d{1,2}\) |-(?=[a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarkerPattern();

    [GeneratedRegex("^(?<number>" + Number + @") ?(?<symbol>[%‰])?" + Subject + "$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex("^(?:tu )?(?<low>" + Number + @") ?(?<lowSymbol>[%‰])?(?:-| den )(?<high>" + Number + @") ?(?<highSymbol>[%‰])?" + Subject + "$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex("^(?<comparator>" + Comparators + ") ?(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex("^(?:(?<comparator>" + Comparators + ") ?)?muc ?(?<level>" + Number + ")$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"(?:/nam|/1 nam| moi nam| hang nam)$|^(?:moi|hang) nam ", RegexOptions.CultureInvariant)]
    private static partial Regex PerYearPattern();

    // "so với cùng kỳ", "so với cùng kỳ năm trước", "so với năm trước", "so với năm 2020" at the end.
    [GeneratedRegex(@" so voi (?:cung ky(?: nam truoc)?|nam truoc|(?:nam )?(?<year>(?:19|20)\d\d))$", RegexOptions.CultureInvariant)]
    private static partial Regex BaselinePattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToken();
}
