using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Functions.Workflow;

/// Bound from the "Workflow" section. Levels not configured keep Core's defaults, so an empty section is valid:
///   "Workflow": { "Levels": { "District": { "DeadlineWorkingDays": 5, "LockWorkingDays": 15 } },
///                 "Holidays": [ "2021-04-30", "2021-05-03" ] }
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    public Dictionary<UnitLevel, LevelSchedule> Levels { get; set; } = [];

    /// Public holidays as ISO dates (yyyy-MM-dd), skipped when counting working days.
    public List<string> Holidays { get; set; } = [];

    public ReportingRules ToRules()
    {
        var levels = Enum.GetValues<UnitLevel>().ToDictionary(l => l, l => Levels.GetValueOrDefault(l) ?? ReportingRules.Default.For(l));
        var holidays = Holidays.Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new InvalidOperationException($"Workflow:Holidays has '{h}', which is not a date written yyyy-MM-dd."));
        return new ReportingRules(levels, new WorkingCalendar(holidays));
    }
}
