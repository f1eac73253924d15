using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Functions.Workflow;

public sealed record ReturnRequest(string? Reason);

public sealed record UnlockRequest(DateOnly? Until, string? Reason);

public sealed record ExceptionView(DateOnly Until, string Reason, string GrantedBy, DateTimeOffset GrantedAt, bool Open);

/// A form's workflow as the API shows it. <c>status</c> is what holds now (Locked once the lock date has
/// passed without an open exception); <c>storedStatus</c> is the last transition's result. <c>formVersion</c> is
/// the values version the form points at; <c>approvedVersion</c> the one the last approval approved.
public sealed record WorkflowView(
    string UnitCode,
    string Period,
    WorkflowStatus Status,
    WorkflowStatus StoredStatus,
    string StatusLabel,
    int Version,
    string Etag,
    DateOnly Deadline,
    DateOnly LockDate,
    bool Locked,
    bool Editable,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? LastSubmittedAt,
    DateTimeOffset? ApprovedAt,
    string? ReturnReason,
    ExceptionView? Exception,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    int FormVersion,
    int? ApprovedVersion)
{
    public static WorkflowView Of(StoredWorkflow stored, WorkflowRules rules, UnitLevel level, DateTimeOffset now)
    {
        var s = stored.State;
        var status = rules.StatusAt(s, now);
        return new(s.UnitCode, s.Period.Code, status, s.Status, WorkflowRules.StatusVi(status), s.Version, stored.Etag,
            rules.Reporting.DeadlineDate(level, s.Period), rules.Reporting.LockDate(level, s.Period),
            rules.IsLockedAt(s, now), rules.CheckEdit(s, now) is null,
            s.FirstSubmittedAt, s.LastSubmittedAt, s.ApprovedAt, s.ReturnReason,
            s.Exception is { } x ? new ExceptionView(x.Until, x.Reason, x.GrantedBy, x.GrantedAt, x.IsOpenAt(now)) : null,
            s.ChangedAt, s.ChangedBy, stored.FormVersion, s.Status == WorkflowStatus.Approved ? stored.ApprovedVersion : null);
    }
}

public sealed record CompletenessRowView(
    string UnitCode, string UnitName, UnitLevel Level, DateOnly Deadline, WorkflowStatus Status,
    DateTimeOffset? FirstSubmittedAt, Timeliness Timeliness, string TimelinessLabel);

public sealed record CompletenessView(
    string ParentCode, string Period, DateTimeOffset AsOf, int Expected, int Received, int OnTime, int Late, int Missing,
    decimal? ReceivedPercent, decimal? OnTimePercent, IReadOnlyList<CompletenessRowView> Rows)
{
    public static CompletenessView Of(CompletenessReport r) => new(r.ParentCode, r.Period.Code, r.AsOf, r.Expected, r.Received,
        r.OnTime, r.Late, r.Missing, r.ReceivedPercent, r.OnTimePercent,
        [.. r.Rows.Select(x => new CompletenessRowView(x.UnitCode, x.UnitName, x.Level, x.Deadline, x.Status, x.FirstSubmittedAt,
            x.Timeliness, Completeness.LabelVi(x.Timeliness)))]);
}
