namespace HealthFuncs.Core.OrgUnits;

/// <summary>The administrative level of a unit.</summary>
public enum UnitLevel
{
    /// <summary>Tỉnh / Sở Y tế.</summary>
    Province,
    /// <summary>Huyện: Phòng Y tế, Trung tâm Y tế huyện.</summary>
    District,
    /// <summary>Xã / trạm y tế.</summary>
    Commune,
    /// <summary>A hospital or centre hanging under the level that runs it.</summary>
    Facility,
}

/// <summary>From <paramref name="FromYear"/> on (until a later link), the unit sits under <paramref name="ParentCode"/> (null: a root).</summary>
public sealed record ParentLink(int FromYear, string? ParentCode);

/// <summary>
/// An organisation unit. Its parent can change from a given year (two-tier government since July 2025,
/// merged provinces), so the parent is a history of <see cref="ParentLink"/>s, not a single code.
/// </summary>
public sealed record OrgUnit(string Code, string Name, UnitLevel Level, IReadOnlyList<ParentLink> Parents)
{
    /// <summary>The parent in force for <paramref name="year"/>: the latest link whose FromYear is not after it.</summary>
    public string? ParentIn(int year) =>
        Parents.Where(p => p.FromYear <= year).OrderByDescending(p => p.FromYear).FirstOrDefault()?.ParentCode;

    /// <summary>True when the unit existed in <paramref name="year"/> (its first link starts no later).</summary>
    public bool ExistsIn(int year) => Parents.Count == 0 || Parents.Min(p => p.FromYear) <= year;
}

/// <summary>The population of a unit in a year: the denominator of "per 10.000 dân" indicators.</summary>
public sealed record Population(string UnitCode, int Year, long People);
