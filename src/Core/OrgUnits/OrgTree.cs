namespace HealthFuncs.Core.OrgUnits;

/// <summary>
/// The unit tree as it stood in a given year. Every question takes the year, because a past year
/// must still consolidate under the parents units had then.
/// </summary>
public sealed class OrgTree
{
    private readonly Dictionary<string, OrgUnit> _units;

    /// <summary>Builds the tree; unit codes must be unique.</summary>
    public OrgTree(IEnumerable<OrgUnit> units)
    {
        _units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (!_units.TryAdd(unit.Code, unit))
                throw new ArgumentException($"Duplicate unit code '{unit.Code}'.", nameof(units));
        }
    }

    /// <summary>All units, in no particular order.</summary>
    public IReadOnlyCollection<OrgUnit> Units => _units.Values;

    /// <summary>The unit with this code, or null.</summary>
    public OrgUnit? Find(string code) => _units.GetValueOrDefault(code);

    /// <summary>The direct children of <paramref name="code"/> in <paramref name="year"/>, ordered by code.</summary>
    public IReadOnlyList<OrgUnit> ChildrenOf(string code, int year) =>
        _units.Values.Where(u => u.ExistsIn(year) && u.ParentIn(year) == code).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>The chain from the unit up to its root in <paramref name="year"/>, the unit first.</summary>
    public IReadOnlyList<OrgUnit> AncestryOf(string code, int year)
    {
        var chain = new List<OrgUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = Find(code); current is not null && seen.Add(current.Code); current = current.ParentIn(year) is { } p ? Find(p) : null)
            chain.Add(current);
        return chain;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or sits below it in <paramref name="year"/>.</summary>
    public bool IsWithin(string code, string ancestor, int year) =>
        AncestryOf(code, year).Any(u => u.Code == ancestor);

    /// <summary>The unit and everything below it in <paramref name="year"/>, parents before children.</summary>
    public IReadOnlyList<OrgUnit> SubtreeOf(string code, int year)
    {
        var result = new List<OrgUnit>();
        if (Find(code) is not { } root) return result;
        var queue = new Queue<OrgUnit>([root]);
        while (queue.TryDequeue(out var unit))
        {
            result.Add(unit);
            foreach (var child in ChildrenOf(unit.Code, year)) queue.Enqueue(child);
        }
        return result;
    }
}
