using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Core.Seeds;

// The JSON shapes of the files in seeds/ (documented in seeds/README.md). They mirror the Core
// records but keep the fields that exist only for people reading the files (source, note).

internal sealed record UnitsFile(IReadOnlyList<UnitEntry> Units);

internal sealed record UnitEntry(string Code, string Name, UnitLevel Level, IReadOnlyList<ParentLink> Parents, string? Note = null);

internal sealed record PopulationsFile(IReadOnlyList<PopulationEntry> Populations);

internal sealed record PopulationEntry(string UnitCode, int Year, long People, string Source);

internal sealed record IndicatorsFile(IReadOnlyList<IndicatorEntry> Indicators);

internal sealed record IndicatorEntry(
    string Code,
    string Name,
    string Unit,
    IndicatorKind Kind,
    Direction Direction,
    TimeBehaviour Time,
    string Group,
    string GroupName,
    int Order,
    string? ParentCode = null,
    int? RatePer = null,
    bool AllowsAbove100 = false,
    string? Note = null)
{
    public Indicator ToIndicator() =>
        new(Code, Name, Unit, Kind, Direction, Time, Group, GroupName, Order, ParentCode, RatePer, AllowsAbove100);
}

internal sealed record PlanFile(
    string Plan,
    string SourceFile,
    string UnitCode,
    string Period,
    IReadOnlyList<TargetEntry> Targets,
    IReadOnlyList<int>? Milestones = null);

internal sealed record TargetEntry(
    string IndicatorCode,
    int Year,
    string Text,
    string? PlanPeriod = null,
    string? UnitCode = null,
    string? Source = null);

internal sealed record ValuesFile(IReadOnlyList<ValueEntry> Observations);

internal sealed record ValueEntry(
    string UnitCode,
    string IndicatorCode,
    string Period,
    decimal? Value,
    string Source,
    decimal? Numerator = null,
    decimal? Denominator = null);

internal sealed record UsersFile(IReadOnlyList<SeedUser> Users);
