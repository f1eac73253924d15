namespace HealthFuncs.Core.Indicators;

/// <summary>
/// Which indicators a unit reports in a year. The plan decides: a unit's forms and annexes list the
/// indicators its plan has targets for, plus the set ("bộ chỉ tiêu") its province assigns to all its
/// districts, not the whole catalog merged from every plan. A unit with no plan for the year gets its
/// province's set; with neither, the catalog, so a unit nobody has planned for can still report.
/// </summary>
public static class IndicatorSet
{
    /// <summary>The indicators to list, in the catalog's annex order.</summary>
    /// <param name="catalog">The catalog in annex order.</param>
    /// <param name="planned">Codes the unit's plan has targets for in the year.</param>
    /// <param name="provinceSet">Codes the unit's province assigns to all its units for the year.</param>
    public static IReadOnlyList<Indicator> For(IReadOnlyCollection<Indicator> catalog, IEnumerable<string> planned, IEnumerable<string> provinceSet)
    {
        var chosen = new HashSet<string>(planned, StringComparer.Ordinal);
        chosen.UnionWith(provinceSet);
        chosen.IntersectWith(catalog.Select(i => i.Code));
        if (chosen.Count == 0) return [.. catalog];
        var byCode = catalog.ToDictionary(i => i.Code, StringComparer.Ordinal);
        // A total's "Trong đó" parts are checked against it on every submission, so they come with it;
        // a part planned alone brings its total, without which its row could not be checked.
        foreach (var code in chosen.ToList())
            for (var parent = byCode[code].ParentCode; parent is not null && byCode.TryGetValue(parent, out var p) && chosen.Add(parent); parent = p.ParentCode) { }
        bool added;
        do
        {
            added = false;
            foreach (var part in catalog.Where(i => i.ParentCode is { } p && chosen.Contains(p)))
                added |= chosen.Add(part.Code);
        }
        while (added);
        return [.. catalog.Where(i => chosen.Contains(i.Code))];
    }
}
