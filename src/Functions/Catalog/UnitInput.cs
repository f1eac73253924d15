using System.Globalization;
using System.Text.RegularExpressions;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Catalog;

/// A unit as an administrator sends it: its parent history by year ({fromYear, parentCode}; null for a
/// root) and the names its annex headers use: the governing body ("UBND HUYỆN SƠN DƯƠNG") and the
/// issuing agency ("PHÒNG Y TẾ").
public sealed record UnitInput(string? Code, string? Name, UnitLevel? Level, IReadOnlyList<ParentLink>? Parents,
    string? GoverningBody = null, string? IssuingAgency = null)
{
    private static readonly Regex CodeShape = new("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant);

    /// The unit, or the 400 naming the first wrong field. <paramref name="others"/> is the tree without
    /// this unit's stored version.
    public (StoredUnit? Unit, ValidationProblem? Problem) Check(string code, IReadOnlyCollection<OrgUnit> others)
    {
        if (!CodeShape.IsMatch(code))
            return Fail("code", $"Mã '{code}' chỉ gồm chữ in hoa và số, nối bằng '-' (ví dụ SD, SD-TTYT).",
                $"Code '{code}' may contain only capitals and digits joined by '-' (e.g. SD, SD-TTYT).");
        if (string.IsNullOrWhiteSpace(Name)) return Fail("name", "Thiếu tên đơn vị.", "The unit's name is missing.");
        if (Level is not { } level) return Fail("level", "Thiếu cấp đơn vị (Province, District, Commune, Facility).", "The level is missing (Province, District, Commune, Facility).");
        if (Parents is not { Count: > 0 } parents)
            return Fail("parents", "Thiếu lịch sử đơn vị cấp trên: ít nhất một mục {fromYear, parentCode} (parentCode null nếu là cấp cao nhất).",
                "The parent history is missing: at least one {fromYear, parentCode} (parentCode null for a root).");
        var byCode = others.ToDictionary(u => u.Code, StringComparer.Ordinal);
        for (var i = 0; i < parents.Count; i++)
        {
            var link = parents[i];
            if (link.FromYear is < 1900 or > 2200)
                return Fail($"parents[{i}].fromYear", $"Năm {link.FromYear} không hợp lệ.", $"Year {link.FromYear} is not valid.");
            if (parents.Take(i).Any(p => p.FromYear == link.FromYear))
                return Fail($"parents[{i}].fromYear", $"Năm {link.FromYear} bị lặp trong lịch sử cấp trên.", $"Year {link.FromYear} appears twice in the parent history.");
            if (link.ParentCode == code)
                return Fail($"parents[{i}].parentCode", "Một đơn vị không thể là cấp trên của chính nó.", "A unit cannot be its own parent.");
            if (link.ParentCode is { } parent && !byCode.ContainsKey(parent))
                return Fail($"parents[{i}].parentCode", $"Không có đơn vị cấp trên mã '{parent}'.", $"There is no parent unit with code '{parent}'.");
        }
        var unit = new OrgUnit(code, Name.Trim(), level, [.. parents.OrderBy(p => p.FromYear)]);
        byCode[code] = unit;
        // Only a chain through this unit can have become a cycle; the tree changes only in years some link starts.
        foreach (var year in byCode.Values.SelectMany(u => u.Parents).Select(p => p.FromYear).Distinct().Order())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = unit.ParentIn(year); current is not null && byCode.TryGetValue(current, out var above); current = above.ParentIn(year))
            {
                if (current == code)
                    return Fail("parents", $"Từ năm {year.ToString(CultureInfo.InvariantCulture)} '{code}' sẽ nằm dưới chính nó ({string.Join(" → ", seen.Prepend(code).Append(code))}): cây đơn vị không được có vòng.",
                        $"From {year.ToString(CultureInfo.InvariantCulture)} '{code}' would sit under itself ({string.Join(" → ", seen.Prepend(code).Append(code))}): the unit tree cannot have a cycle.");
                if (!seen.Add(current)) break;
            }
        }
        return (new StoredUnit(unit, Blank(GoverningBody), Blank(IssuingAgency)), null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static (StoredUnit?, ValidationProblem?) Fail(string field, string vi, string en) => (null, Problems.Invalid(field, vi, en));
}
