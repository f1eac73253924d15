namespace HealthFuncs.Core.Indicators;

/// <summary>
/// Which indicators a unit reports in a year. The plan decides: a unit's forms and annexes list the
/// indicators its plan has targets for, plus the set ("bộ chỉ tiêu") its province assigns to all its
/// districts, not the whole catalog merged from every plan. A unit with no plan for the year gets its
/// province's set; with neither, the catalog, so a unit nobody has planned for can still report.
/// </summary>
public static class IndicatorSet
{
    /// <summary>The indicators to list, in the plan's order, then the province's set in the catalog's order.</summary>
    /// <param name="catalog">The catalog in annex order.</param>
    /// <param name="planned">Codes the unit's plan has targets for in the year, in the plan's order.</param>
    /// <param name="provinceSet">Codes the unit's province assigns to all its units for the year.</param>
    public static IReadOnlyList<Indicator> For(IReadOnlyCollection<Indicator> catalog, IEnumerable<string> planned, IEnumerable<string> provinceSet)
    {
        var inPlan = planned.ToList();
        var chosen = new HashSet<string>(inPlan, StringComparer.Ordinal);
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
        return InOrder(catalog, chosen, inPlan);
    }

    /// <summary>
    /// <paramref name="chosen"/> in the order of <paramref name="sequence"/> (a plan's rows as written), those it does not
    /// name after them in the catalog's order; each "Trong đó" part right after its total, whatever row it was written on.
    /// </summary>
    public static IReadOnlyList<Indicator> InOrder(IReadOnlyCollection<Indicator> catalog, IReadOnlySet<string> chosen, IReadOnlyList<string> sequence)
    {
        var place = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in sequence) place.TryAdd(code, place.Count);
        var catalogPlace = catalog.Select((i, n) => (i.Code, n)).ToDictionary(x => x.Code, x => x.n, StringComparer.Ordinal);
        var listed = catalog.Where(i => chosen.Contains(i.Code))
            .OrderBy(i => place.TryGetValue(i.Code, out var n) ? n : int.MaxValue).ThenBy(i => catalogPlace[i.Code]).ToList();
        var parts = listed.Where(i => i.ParentCode is { } p && chosen.Contains(p)).ToLookup(i => i.ParentCode!, StringComparer.Ordinal);
        var result = new List<Indicator>(listed.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in listed.Where(i => i.ParentCode is not { } p || !chosen.Contains(p))) Add(indicator, 0);
        result.AddRange(listed.Where(i => placed.Add(i.Code))); // parts nested deeper than any annex prints
        return result;

        void Add(Indicator indicator, int depth)
        {
            if (!placed.Add(indicator.Code)) return;
            result.Add(indicator);
            if (depth < 8) foreach (var part in parts[indicator.Code]) Add(part, depth + 1);
        }
    }
}
