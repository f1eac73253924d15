using System.Text.RegularExpressions;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Core.Seeds;

/// <summary>
/// Turns the file shapes into Core records and records every inconsistency in <paramref name="errors"/>,
/// each line naming the file and the entry, so one load reports every problem at once.
/// </summary>
internal sealed partial class SeedChecks(List<string> errors)
{
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)*$")]
    private static partial Regex IndicatorCodePattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    private static partial Regex UnitCodePattern();

    private const int MinimumDevKeyLength = 32;

    public List<OrgUnit> Units(IReadOnlyList<UnitEntry> entries)
    {
        const string file = "units.json";
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var (u, at) = (entries[i], $"{file}: units[{i}] ({entries[i].Code})");
            if (!UnitCodePattern().IsMatch(u.Code)) errors.Add($"{at}: the code must be upper-case ASCII letters and digits joined by '-'.");
            if (!codes.Add(u.Code)) errors.Add($"{at}: duplicate unit code '{u.Code}'.");
            if (string.IsNullOrWhiteSpace(u.Name)) errors.Add($"{at}: the name is empty.");
            if (u.Parents.Count == 0) errors.Add($"{at}: the parent history is empty; a root has one link with parentCode null.");
            if (u.Parents.GroupBy(p => p.FromYear).FirstOrDefault(g => g.Count() > 1) is { } twice)
                errors.Add($"{at}: two parent links start in {twice.Key}.");
        }
        foreach (var (u, i) in entries.Select((u, i) => (u, i)))
        {
            foreach (var link in u.Parents.Where(p => p.ParentCode is not null && !codes.Contains(p.ParentCode)))
                errors.Add($"{file}: units[{i}] ({u.Code}): unknown parent '{link.ParentCode}' (from {link.FromYear}).");
        }
        var units = entries.Select(u => new OrgUnit(u.Code, u.Name, u.Level, u.Parents)).ToList();
        CheckNoCycles(units, file);
        return units;
    }

    private void CheckNoCycles(List<OrgUnit> units, string file)
    {
        var byCode = units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First());
        var years = units.SelectMany(u => u.Parents).Select(p => p.FromYear).Distinct();
        foreach (var year in years)
        foreach (var unit in units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = unit; current is not null; current = current.ParentIn(year) is { } p ? byCode.GetValueOrDefault(p) : null)
            {
                if (seen.Add(current.Code)) continue;
                errors.Add($"{file}: unit {unit.Code}: its parents form a cycle in {year}.");
                break;
            }
        }
    }

    public List<Indicator> Indicators(IReadOnlyList<IndicatorEntry> entries)
    {
        const string file = "indicators.json";
        var byCode = new Dictionary<string, IndicatorEntry>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var (e, at) = (entries[i], $"{file}: indicators[{i}] ({entries[i].Code})");
            if (!IndicatorCodePattern().IsMatch(e.Code)) errors.Add($"{at}: the code must be upper-case ASCII parts joined by '.'.");
            if (!byCode.TryAdd(e.Code, e)) errors.Add($"{at}: duplicate indicator code '{e.Code}'.");
            if (string.IsNullOrWhiteSpace(e.Name)) errors.Add($"{at}: the name is empty.");
            if (string.IsNullOrWhiteSpace(e.Unit)) errors.Add($"{at}: the unit of measure is empty.");
            if (string.IsNullOrWhiteSpace(e.Group) || string.IsNullOrWhiteSpace(e.GroupName)) errors.Add($"{at}: the annex group or its name is empty.");
            var needsRatePer = e.Kind is IndicatorKind.Rate or IndicatorKind.Ratio;
            if (needsRatePer && e.RatePer is not > 0) errors.Add($"{at}: a {e.Kind} needs a positive ratePer (10000 for per 10.000, 1000 for ‰).");
            if (!needsRatePer && e.RatePer is not null) errors.Add($"{at}: ratePer only applies to a Rate or a Ratio, not a {e.Kind}.");
            if (e.AllowsAbove100 && e.Kind != IndicatorKind.Percentage) errors.Add($"{at}: allowsAbove100 only applies to a Percentage.");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var (e, at) = (entries[i], $"{file}: indicators[{i}] ({entries[i].Code})");
            if (e.ParentCode is null) continue;
            if (!byCode.TryGetValue(e.ParentCode, out var parent))
                errors.Add($"{at}: breakdown parent '{e.ParentCode}' is not in the catalog.");
            else if (parent.Kind != e.Kind)
                errors.Add($"{at}: a breakdown part is a {e.Kind} but its parent {parent.Code} is a {parent.Kind}.");
            else if (parent.Group != e.Group)
                errors.Add($"{at}: a breakdown part sits in group {e.Group} but its parent {parent.Code} in group {parent.Group}.");
        }
        return entries.Select(e => e.ToIndicator()).ToList();
    }

    public List<Population> Populations(IReadOnlyList<PopulationEntry> entries, IReadOnlyDictionary<string, OrgUnit> units)
    {
        const string file = "populations.json";
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (p, at) = (entries[i], $"{file}: populations[{i}] ({entries[i].UnitCode} {entries[i].Year})");
            if (!units.ContainsKey(p.UnitCode)) errors.Add($"{at}: unknown unit '{p.UnitCode}'.");
            if (!seen.Add((p.UnitCode, p.Year))) errors.Add($"{at}: a second population for the same unit and year.");
            if (p.People <= 0) errors.Add($"{at}: the population must be positive.");
            if (string.IsNullOrWhiteSpace(p.Source)) errors.Add($"{at}: the source sentence is empty.");
        }
        return entries.Select(p => new Population(p.UnitCode, p.Year, p.People)).ToList();
    }
}
