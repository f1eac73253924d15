using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workflow;

/// <summary>The stored workflow status of a unit's form for a period.</summary>
public enum WorkflowStatus
{
    /// <summary>Being filled in by the unit (Đang nhập).</summary>
    Draft,
    /// <summary>Sent to the parent level for approval (Đã gửi).</summary>
    Submitted,
    /// <summary>Accepted by the parent level (Đã duyệt); the numbers no longer change without an unlock.</summary>
    Approved,
    /// <summary>Sent back by the parent level with a reason (Trả lại); editable again.</summary>
    Returned,
    /// <summary>The period's lock date has passed and no exception is open (Đã khóa). Never stored: derived from the clock.</summary>
    Locked,
}

/// <summary>The workflow actions. Locking is not an action: it follows from the calendar.</summary>
public enum WorkflowAction
{
    /// <summary>The unit sends its form to the parent level.</summary>
    Submit,
    /// <summary>The parent level accepts the form.</summary>
    Approve,
    /// <summary>The parent level sends the form back with a reason.</summary>
    Return,
    /// <summary>The province opens an exception for one unit until a date.</summary>
    Unlock,
}

/// <summary>An exception to the lock, granted by the province for one unit's form until the end of a Vietnam date.</summary>
public sealed record LockException(DateOnly Until, string Reason, string GrantedBy, DateTimeOffset GrantedAt)
{
    /// <summary>True while Vietnam's date at <paramref name="now"/> is not after <see cref="Until"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => VietnamTime.DateOf(now) <= Until;
}

/// <summary>
/// The workflow state of one unit's form for one period. <see cref="Version"/> grows by one with
/// every transition and is the ETag clients send back, so two concurrent approvals cannot both win.
/// <see cref="FirstSubmittedAt"/> decides timeliness: a form sent on time, returned and sent
/// again after the deadline still arrived on time.
/// </summary>
public sealed record WorkflowState(
    string UnitCode,
    Period Period,
    WorkflowStatus Status,
    int Version,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? LastSubmittedAt,
    DateTimeOffset? ApprovedAt,
    string? ReturnReason,
    LockException? Exception,
    DateTimeOffset? ChangedAt,
    string? ChangedBy)
{
    /// <summary>The state of a form nobody has touched: a draft at version 0.</summary>
    public static WorkflowState New(string unitCode, Period period) =>
        new(unitCode, period, WorkflowStatus.Draft, 0, null, null, null, null, null, null, null);

    /// <summary>True when the parent level has the form now (submitted or approved).</summary>
    public bool IsReceived => Status is WorkflowStatus.Submitted or WorkflowStatus.Approved;

    /// <summary>True when an exception is open at <paramref name="now"/>.</summary>
    public bool HasOpenExceptionAt(DateTimeOffset now) => Exception?.IsOpenAt(now) == true;
}
