using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workflow;

/// <summary>Who may take a workflow action on a form.</summary>
public enum Authority
{
    /// <summary>Staff of the unit whose form it is: a district submits its own.</summary>
    OwnUnit,
    /// <summary>Staff of a unit above it in that year: the parent level approves and returns.</summary>
    ParentLevel,
    /// <summary>Staff of a province-level unit above it: only the province opens exceptions.</summary>
    Province,
}

/// <summary>One row of the transition table.</summary>
public sealed record Transition(WorkflowAction Action, IReadOnlyList<WorkflowStatus> From, WorkflowStatus To, Authority Who, bool AllowedWhileLocked);

/// <summary>The person acting and the unit they belong to.</summary>
public sealed record WorkflowActor(string UserId, string UnitCode);

/// <summary>Why a transition or an edit was refused.</summary>
public enum RefusalKind
{
    /// <summary>The actor has no authority for this action on this unit (403).</summary>
    Forbidden,
    /// <summary>The form's state does not allow it now (409).</summary>
    Conflict,
    /// <summary>The request itself is incomplete or wrong (400).</summary>
    Invalid,
}

/// <summary>A refusal with the message shown to the user in Vietnamese and English.</summary>
public sealed record Refusal(RefusalKind Kind, string MessageVi, string MessageEn);

/// <summary>What an actor asks for: reason for Return and Unlock, an end date for Unlock.</summary>
public sealed record WorkflowRequest(WorkflowAction Action, WorkflowActor Actor, string? Reason = null, DateOnly? Until = null);

/// <summary>
/// The reporting workflow: Draft → Submitted → Approved, or Returned (with a reason, editable again);
/// a form locks when its level's lock date passes: it can no longer be sent, and once it has been sent
/// its values can no longer change; the province can open an exception for one unit until a date,
/// which puts the form back to Draft. Pure: the caller passes the clock's instant.
/// </summary>
public sealed class WorkflowRules(OrgTree tree, ReportingRules reporting)
{
    /// <summary>The transition table: who may do what from which status.</summary>
    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(WorkflowAction.Submit, [WorkflowStatus.Draft, WorkflowStatus.Returned], WorkflowStatus.Submitted, Authority.OwnUnit, AllowedWhileLocked: false),
        // Approving what arrived before the lock is the parent's job after the lock too.
        new(WorkflowAction.Approve, [WorkflowStatus.Submitted], WorkflowStatus.Approved, Authority.ParentLevel, AllowedWhileLocked: true),
        new(WorkflowAction.Return, [WorkflowStatus.Submitted], WorkflowStatus.Returned, Authority.ParentLevel, AllowedWhileLocked: false),
        new(WorkflowAction.Unlock, [WorkflowStatus.Draft, WorkflowStatus.Submitted, WorkflowStatus.Approved, WorkflowStatus.Returned], WorkflowStatus.Draft, Authority.Province, AllowedWhileLocked: true),
    ];

    /// <summary>The reporting calendar these rules lock by.</summary>
    public ReportingRules Reporting => reporting;

    /// <summary>The status to show at <paramref name="now"/>: Locked once the lock date has passed without an open exception.</summary>
    public WorkflowStatus StatusAt(WorkflowState state, DateTimeOffset now) =>
        IsLockedAt(state, now) ? WorkflowStatus.Locked : state.Status;

    /// <summary>True when the lock date of the unit's level has passed and no exception is open.</summary>
    public bool IsLockedAt(WorkflowState state, DateTimeOffset now) =>
        now >= LocksAt(state) && !state.HasOpenExceptionAt(now);

    /// <summary>The instant the form locks.</summary>
    public DateTimeOffset LocksAt(WorkflowState state) => reporting.LocksAt(LevelOf(state.UnitCode), state.Period);

    /// <summary>The instant the form's deadline passes.</summary>
    public DateTimeOffset DeadlinePasses(WorkflowState state) => reporting.DeadlinePasses(LevelOf(state.UnitCode), state.Period);

    /// <summary>Null when the form's values may change at <paramref name="now"/>; otherwise why not.</summary>
    public Refusal? CheckEdit(WorkflowState state, DateTimeOffset now)
    {
        if (state.Status == WorkflowStatus.Approved)
            return new(RefusalKind.Conflict,
                $"Biểu của {state.UnitCode} kỳ {state.Period.Code} đã được duyệt; muốn sửa số liệu cần tuyến trên mở khóa.",
                $"The form of {state.UnitCode} for {state.Period.Code} is approved; changing its values needs an unlock by the parent level.");
        // A form that was never sent holds no received data, so the lock does not freeze it: past years can
        // still be typed in (back-entry), but sending it after the lock needs an exception like any late form.
        if (state.FirstSubmittedAt is not null && IsLockedAt(state, now))
            return new(RefusalKind.Conflict,
                $"Kỳ {state.Period.Code} của {state.UnitCode} đã khóa sổ từ {VietnamTime.DateOf(LocksAt(state)):dd/MM/yyyy}; cần Sở Y tế mở ngoại lệ.",
                $"Period {state.Period.Code} of {state.UnitCode} locked on {VietnamTime.DateOf(LocksAt(state)):yyyy-MM-dd}; an exception from the province is needed.");
        return null;
    }

    /// <summary>The state after <paramref name="request"/> at <paramref name="now"/>, or the refusal.</summary>
    public (WorkflowState? Next, Refusal? Refusal) Apply(WorkflowState state, WorkflowRequest request, DateTimeOffset now)
    {
        if (state.Period.Kind == PeriodKind.PlanPeriod)
            return Refuse(RefusalKind.Invalid, $"'{state.Period.Code}' là giai đoạn kế hoạch, không có biểu báo cáo.", $"'{state.Period.Code}' is a plan period; it has no report form.");
        if (tree.Find(state.UnitCode) is not { } unit || !unit.ExistsIn(state.Period.Year))
            return Refuse(RefusalKind.Invalid, $"Không có đơn vị '{state.UnitCode}' trong năm {state.Period.Year}.", $"Unit '{state.UnitCode}' does not exist in {state.Period.Year}.");
        var row = Table.Single(t => t.Action == request.Action);
        if (!HasAuthority(row.Who, request.Actor, state))
            return Refuse(RefusalKind.Forbidden, ForbiddenVi(row.Who, request.Action), ForbiddenEn(row.Who, request.Action));
        if (!row.From.Contains(state.Status))
            return Refuse(RefusalKind.Conflict,
                $"Không thể {Verb(request.Action).Vi} biểu đang ở trạng thái {StatusVi(state.Status)}.",
                $"Cannot {Verb(request.Action).En} a form that is {state.Status}.");
        if (!row.AllowedWhileLocked && IsLockedAt(state, now))
            return Refuse(RefusalKind.Conflict,
                $"Kỳ {state.Period.Code} đã khóa sổ; cần Sở Y tế mở ngoại lệ trước khi {Verb(request.Action).Vi}.",
                $"Period {state.Period.Code} is locked; the province must open an exception before you {Verb(request.Action).En}.");
        var reason = request.Reason?.Trim();
        if (request.Action is WorkflowAction.Return or WorkflowAction.Unlock && string.IsNullOrEmpty(reason))
            return Refuse(RefusalKind.Invalid, "Cần ghi lý do.", "A reason is required.");
        if (request.Action == WorkflowAction.Unlock && (request.Until is not { } until || until < VietnamTime.DateOf(now)))
            return Refuse(RefusalKind.Invalid, "Cần ngày hết hạn mở khóa, không trước hôm nay.", "An unlock needs an end date ('until') no earlier than today.");

        var next = state with { Status = row.To, Version = state.Version + 1, ChangedAt = now, ChangedBy = request.Actor.UserId };
        next = request.Action switch
        {
            WorkflowAction.Submit => next with { FirstSubmittedAt = state.FirstSubmittedAt ?? now, LastSubmittedAt = now, ReturnReason = null },
            WorkflowAction.Approve => next with { ApprovedAt = now },
            WorkflowAction.Return => next with { ReturnReason = reason },
            _ => next with { ApprovedAt = null, Exception = new LockException(request.Until!.Value, reason!, request.Actor.UserId, now) },
        };
        return (next, null);
    }

    private UnitLevel LevelOf(string unitCode) =>
        tree.Find(unitCode)?.Level ?? throw new ArgumentException($"Unknown unit '{unitCode}'.", nameof(unitCode));

    private bool HasAuthority(Authority who, WorkflowActor actor, WorkflowState state)
    {
        var ancestry = tree.AncestryOf(state.UnitCode, state.Period.Year);
        return who switch
        {
            Authority.OwnUnit => actor.UnitCode == state.UnitCode,
            Authority.ParentLevel => ancestry.Skip(1).Any(u => u.Code == actor.UnitCode),
            _ => ancestry.Skip(1).Any(u => u.Code == actor.UnitCode && u.Level == UnitLevel.Province),
        };
    }

    private static (WorkflowState?, Refusal?) Refuse(RefusalKind kind, string vi, string en) => (null, new Refusal(kind, vi, en));

    private static string ForbiddenVi(Authority who, WorkflowAction action) => who switch
    {
        Authority.OwnUnit => $"Chỉ đơn vị báo cáo mới được {Verb(action).Vi} biểu của mình.",
        Authority.ParentLevel => $"Chỉ tuyến trên của đơn vị mới được {Verb(action).Vi} biểu.",
        _ => "Chỉ Sở Y tế quản lý đơn vị mới được mở khóa.",
    };

    private static string ForbiddenEn(Authority who, WorkflowAction action) => who switch
    {
        Authority.OwnUnit => $"Only the reporting unit may {Verb(action).En} its own form.",
        Authority.ParentLevel => $"Only a level above the unit may {Verb(action).En} its form.",
        _ => "Only the province above the unit may unlock its form.",
    };

    private static (string Vi, string En) Verb(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => ("gửi", "submit"),
        WorkflowAction.Approve => ("duyệt", "approve"),
        WorkflowAction.Return => ("trả lại", "return"),
        _ => ("mở khóa", "unlock"),
    };

    /// <summary>The Vietnamese name of a status, as the forms print it.</summary>
    public static string StatusVi(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Draft => "Đang nhập",
        WorkflowStatus.Submitted => "Đã gửi",
        WorkflowStatus.Approved => "Đã duyệt",
        WorkflowStatus.Returned => "Trả lại",
        _ => "Đã khóa",
    };
}
