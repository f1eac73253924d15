using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workflow;

/// <summary>A child unit that had not sent its form when its deadline passed.</summary>
public sealed record OverdueUnit(string UnitCode, string UnitName, UnitLevel Level, DateOnly Deadline);

/// <summary>
/// The completeness reminder for a parent unit and period, due once every child's deadline has passed.
/// It depends only on when each child first submitted, which never changes once set, and carries nothing
/// of the moment it is computed, so it comes out the same whenever it is computed after <see cref="DueAt"/>:
/// a rerun or a late catch-up run agree byte for byte.
/// </summary>
public sealed record Reminder(string ParentCode, Period Period, DateTimeOffset DueAt, int Expected, IReadOnlyList<OverdueUnit> Overdue);

/// <summary>Builds completeness reminders.</summary>
public static class Reminders
{
    /// <summary>
    /// The reminder for <paramref name="parentCode"/> and <paramref name="period"/>, or null when the parent has
    /// no children that year or some child's deadline has not passed at <paramref name="now"/>.
    /// </summary>
    public static Reminder? For(OrgTree tree, ReportingRules rules, string parentCode, Period period,
        IReadOnlyDictionary<string, WorkflowState> formsByUnit, DateTimeOffset now)
    {
        var children = tree.ChildrenOf(parentCode, period.Year);
        if (children.Count == 0) return null;
        var dueAt = children.Max(c => rules.DeadlinePasses(c.Level, period));
        if (now < dueAt) return null;
        var overdue = new List<OverdueUnit>();
        foreach (var child in children)
        {
            var passes = rules.DeadlinePasses(child.Level, period);
            var first = formsByUnit.GetValueOrDefault(child.Code)?.FirstSubmittedAt;
            if (first is null || first >= passes)
                overdue.Add(new(child.Code, child.Name, child.Level, rules.DeadlineDate(child.Level, period)));
        }
        return new(parentCode, period, dueAt, children.Count, overdue);
    }
}
