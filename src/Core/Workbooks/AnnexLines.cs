using HealthFuncs.Core.Indicators;

namespace HealthFuncs.Core.Workbooks;

/// <summary>One line of an annex table: a group heading (I, II, ...) or an indicator.</summary>
/// <param name="Number">What the TT column shows: "I", "1", or "" for a breakdown part.</param>
/// <param name="Text">The group name or the indicator name as printed (with "Trong đó:" on a first breakdown part).</param>
/// <param name="Indicator">The indicator; null on a group heading.</param>
/// <param name="Depth">0 for a top-level indicator, 1 for a breakdown part of it, and so on.</param>
public sealed record AnnexLine(string Number, string Text, Indicator? Indicator, int Depth)
{
    /// <summary>True for a group heading.</summary>
    public bool IsGroup => Indicator is null;
}

/// <summary>
/// Lays indicators out the way annexes print them, in the order given (a unit's plan's, or the catalog's), each
/// breakdown part under its total. Group headings (I, II, ...) head the rows when each group's rows come together,
/// numbered 1, 2, ... inside each group; a plan that mixes areas (Sơn Dương's 2021 list goes beds, doctors, beds
/// again) is printed as written, one numbered list without headings, as the plan prints it.
/// </summary>
public static class AnnexLines
{
    /// <summary>The lines for <paramref name="indicators"/>, with group headings and numbering.</summary>
    public static IReadOnlyList<AnnexLine> Arrange(IEnumerable<Indicator> indicators)
    {
        var all = indicators.ToList();
        var codes = all.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var children = all.Where(i => i.ParentCode is { } p && codes.Contains(p))
            .ToLookup(i => i.ParentCode!, StringComparer.Ordinal);
        var top = all.Where(i => i.ParentCode is null || !codes.Contains(i.ParentCode)).ToList();
        var lines = new List<AnnexLine>();
        var runs = Runs(top);
        var grouped = runs.Select(r => r.Key).Distinct().Count() == runs.Count;
        var number = 0;
        foreach (var run in runs)
        {
            if (grouped)
            {
                number = 0;
                if (!string.IsNullOrWhiteSpace(run.Key.GroupName) || !string.IsNullOrWhiteSpace(run.Key.Group))
                    lines.Add(new AnnexLine(run.Key.Group, run.Key.GroupName.ToUpper(AnnexFrame.Vietnamese), null, 0));
            }
            foreach (var indicator in run.Items)
            {
                lines.Add(new AnnexLine((++number).ToString(System.Globalization.CultureInfo.InvariantCulture), indicator.Name, indicator, 0));
                AddParts(indicator, 1);
            }
        }
        return lines;

        void AddParts(Indicator parent, int depth)
        {
            var first = true;
            foreach (var part in children[parent.Code])
            {
                // A part already named "Trong đó …" in the catalogue is not prefixed again.
                var named = part.Name.StartsWith("Trong đó", StringComparison.OrdinalIgnoreCase);
                lines.Add(new AnnexLine("", first && !named ? $"Trong đó: {part.Name}" : part.Name, part, depth));
                first = false;
                if (depth < 8) AddParts(part, depth + 1);
            }
        }
    }

    // Consecutive rows of the same group.
    private static List<((string Group, string GroupName) Key, List<Indicator> Items)> Runs(IReadOnlyList<Indicator> top)
    {
        var runs = new List<((string, string) Key, List<Indicator> Items)>();
        foreach (var indicator in top)
        {
            var key = (indicator.Group, indicator.GroupName);
            if (runs.Count == 0 || runs[^1].Key != key) runs.Add((key, []));
            runs[^1].Items.Add(indicator);
        }
        return runs;
    }
}
