using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Seeds;

/// <summary>One source plan and the targets taken from it.</summary>
/// <param name="Name">The plan's title as written.</param>
/// <param name="SourceFile">The source document the targets were read from.</param>
/// <param name="UnitCode">The unit that issued the plan; targets default to it.</param>
/// <param name="Period">The plan's period code ("2021", "2018-2025").</param>
/// <param name="Targets">The targets, each with its parsed expression.</param>
public sealed record SeedPlan(string Name, string SourceFile, string UnitCode, string Period, IReadOnlyList<Target> Targets);
