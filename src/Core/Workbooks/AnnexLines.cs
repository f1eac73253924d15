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

/// <summary>Orders indicators the way annexes print them: by group numeral, then order, each breakdown under its parent.</summary>
public static class AnnexLines
{
    /// <summary>The lines for <paramref name="indicators"/>, with group headings and numbering.</summary>
    public static IReadOnlyList<AnnexLine> Arrange(IEnumerable<Indicator> indicators)
    {
        var all = indicators.ToList();
        var codes = all.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var children = all.Where(i => i.ParentCode is { } p && codes.Contains(p))
            .ToLookup(i => i.ParentCode!, StringComparer.Ordinal);
        var lines = new List<AnnexLine>();
        var groups = all.Where(i => i.ParentCode is null || !codes.Contains(i.ParentCode))
            .GroupBy(i => (i.Group, i.GroupName))
            .OrderBy(g => AnnexFrame.RomanValue(g.Key.Group) ?? int.MaxValue)
            .ThenBy(g => g.Key.Group, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!string.IsNullOrWhiteSpace(group.Key.GroupName) || !string.IsNullOrWhiteSpace(group.Key.Group))
                lines.Add(new AnnexLine(group.Key.Group, group.Key.GroupName.ToUpper(AnnexFrame.Vietnamese), null, 0));
            var number = 0;
            foreach (var indicator in group.OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal))
            {
                lines.Add(new AnnexLine((++number).ToString(System.Globalization.CultureInfo.InvariantCulture), indicator.Name, indicator, 0));
                AddParts(indicator, 1);
            }
        }
        return lines;

        void AddParts(Indicator parent, int depth)
        {
            var first = true;
            foreach (var part in children[parent.Code].OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal))
            {
                // A part already named "Trong đó …" in the catalogue is not prefixed again.
                var named = part.Name.StartsWith("Trong đó", StringComparison.OrdinalIgnoreCase);
                lines.Add(new AnnexLine("", first && !named ? $"Trong đó: {part.Name}" : part.Name, part, depth));
                first = false;
                if (depth < 8) AddParts(part, depth + 1);
            }
        }
    }
}
