using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workflow;

/// <summary>Where one expected form stands against its deadline.</summary>
public enum Timeliness
{
    /// <summary>Received, first sent before the deadline passed (Đúng hạn).</summary>
    OnTime,
    /// <summary>Received, first sent after the deadline (Muộn).</summary>
    Late,
    /// <summary>Not received and the deadline has passed (Chưa nộp, quá hạn).</summary>
    Missing,
    /// <summary>Not received and the deadline is still ahead (Chưa đến hạn).</summary>
    NotYetDue,
}

/// <summary>One child unit's form in a completeness report.</summary>
public sealed record CompletenessRow(
    string UnitCode,
    string UnitName,
    UnitLevel Level,
    DateOnly Deadline,
    WorkflowStatus Status,
    DateTimeOffset? FirstSubmittedAt,
    Timeliness Timeliness);

/// <summary>
/// Completeness (how many expected forms arrived) and timeliness (how many by the deadline) of a
/// parent unit's children for a period, as of <see cref="AsOf"/>.
/// </summary>
public sealed record CompletenessReport(
    string ParentCode,
    Period Period,
    DateTimeOffset AsOf,
    int Expected,
    int Received,
    int OnTime,
    int Late,
    int Missing,
    IReadOnlyList<CompletenessRow> Rows)
{
    /// <summary>Received over expected, in percent; null when nothing is expected.</summary>
    public decimal? ReceivedPercent => Expected == 0 ? null : Math.Round(100m * Received / Expected, 1);

    /// <summary>Received on time over expected, in percent; null when nothing is expected.</summary>
    public decimal? OnTimePercent => Expected == 0 ? null : Math.Round(100m * OnTime / Expected, 1);
}

/// <summary>Builds completeness reports from the tree of the period's year and the stored form states.</summary>
public static class Completeness
{
    /// <summary>
    /// Expected forms are the children of <paramref name="parentCode"/> that exist in the period's year;
    /// received are those submitted or approved now; a received form is late when it was first
    /// submitted after its own level's deadline. Missing forms are named so a reminder can list them.
    /// </summary>
    public static CompletenessReport For(
        OrgTree tree,
        WorkflowRules rules,
        string parentCode,
        Period period,
        IReadOnlyDictionary<string, WorkflowState> formsByUnit,
        DateTimeOffset asOf)
    {
        var rows = new List<CompletenessRow>();
        foreach (var child in tree.ChildrenOf(parentCode, period.Year))
        {
            var state = formsByUnit.GetValueOrDefault(child.Code) ?? WorkflowState.New(child.Code, period);
            var deadline = rules.Reporting.DeadlineDate(child.Level, period);
            var passes = VietnamTime.EndOf(deadline);
            var timeliness = state.IsReceived
                ? state.FirstSubmittedAt < passes ? Timeliness.OnTime : Timeliness.Late
                : asOf >= passes ? Timeliness.Missing : Timeliness.NotYetDue;
            rows.Add(new(child.Code, child.Name, child.Level, deadline, rules.StatusAt(state, asOf), state.FirstSubmittedAt, timeliness));
        }
        return new(parentCode, period, asOf,
            Expected: rows.Count,
            Received: rows.Count(r => r.Timeliness is Timeliness.OnTime or Timeliness.Late),
            OnTime: rows.Count(r => r.Timeliness == Timeliness.OnTime),
            Late: rows.Count(r => r.Timeliness == Timeliness.Late),
            Missing: rows.Count(r => r.Timeliness == Timeliness.Missing),
            rows);
    }

    /// <summary>The Vietnamese label of a timeliness, as the completeness sheet prints it.</summary>
    public static string LabelVi(Timeliness timeliness) => timeliness switch
    {
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Muộn",
        Timeliness.Missing => "Chưa nộp (quá hạn)",
        _ => "Chưa đến hạn",
    };
}
