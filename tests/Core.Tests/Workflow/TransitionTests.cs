using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using static HealthFuncs.Core.Tests.Workflow.WorkflowTestTree;

namespace HealthFuncs.Core.Tests.Workflow;

public class TransitionTests
{
    private static readonly Period Q1 = Period.Quarter(2021, 1);
    private static readonly DateTimeOffset BeforeDeadline = At("2021-04-05T03:00:00Z");

    private static WorkflowState Step(WorkflowState state, WorkflowAction action, WorkflowActor actor, DateTimeOffset now, string? reason = null, DateOnly? until = null)
    {
        var (next, refusal) = Rules.Apply(state, new WorkflowRequest(action, actor, reason, until), now);
        Assert.Null(refusal);
        return next!;
    }

    private static Refusal Refused(WorkflowState state, WorkflowAction action, WorkflowActor actor, DateTimeOffset now, string? reason = null, DateOnly? until = null)
    {
        var (next, refusal) = Rules.Apply(state, new WorkflowRequest(action, actor, reason, until), now);
        Assert.Null(next);
        return refusal!;
    }

    [Fact]
    public void A_district_submits_and_the_province_approves()
    {
        var submitted = Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline);
        Assert.Equal((WorkflowStatus.Submitted, 1, BeforeDeadline), (submitted.Status, submitted.Version, submitted.FirstSubmittedAt!.Value));
        var approved = Step(submitted, WorkflowAction.Approve, Province, BeforeDeadline.AddHours(1));
        Assert.Equal((WorkflowStatus.Approved, 2, "tq-staff"), (approved.Status, approved.Version, approved.ChangedBy));
    }

    [Fact]
    public void A_returned_form_carries_its_reason_and_can_be_submitted_again()
    {
        var submitted = Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline);
        var returned = Step(submitted, WorkflowAction.Return, Province, BeforeDeadline, reason: "Thiếu số giường");
        Assert.Equal((WorkflowStatus.Returned, "Thiếu số giường"), (returned.Status, returned.ReturnReason));
        Assert.Null(Rules.CheckEdit(returned, BeforeDeadline));
        var again = Step(returned, WorkflowAction.Submit, District, BeforeDeadline.AddDays(5));
        // Timeliness follows the first submission; the reason is cleared once it is sent again.
        Assert.Equal((BeforeDeadline, (string?)null), (again.FirstSubmittedAt!.Value, again.ReturnReason));
    }

    [Theory]
    [InlineData(WorkflowAction.Submit, "ys-staff", "YS", RefusalKind.Forbidden)]   // another district's form
    [InlineData(WorkflowAction.Submit, "tq-staff", "TQ", RefusalKind.Forbidden)]   // the province does not submit for a district
    [InlineData(WorkflowAction.Approve, "sd-staff", "SD", RefusalKind.Forbidden)]  // nobody approves their own form
    [InlineData(WorkflowAction.Approve, "ys-staff", "YS", RefusalKind.Forbidden)]  // a sibling is not the parent level
    [InlineData(WorkflowAction.Approve, "tq-staff", "TQ", RefusalKind.Conflict)]   // a draft cannot be approved
    [InlineData(WorkflowAction.Return, "tq-staff", "TQ", RefusalKind.Conflict)]    // nor returned
    [InlineData(WorkflowAction.Unlock, "sd-staff", "SD", RefusalKind.Forbidden)]   // only the province unlocks
    public void The_transition_table_decides_who_may_do_what(WorkflowAction action, string user, string unit, RefusalKind expected) =>
        Assert.Equal(expected, Refused(WorkflowState.New("SD", Q1), action, new WorkflowActor(user, unit), BeforeDeadline, "lý do", new DateOnly(2021, 5, 1)).Kind);

    [Fact]
    public void A_district_approves_its_commune_but_cannot_unlock_it()
    {
        var submitted = Step(WorkflowState.New("SD-X1", Q1), WorkflowAction.Submit, new("x1-staff", "SD-X1"), BeforeDeadline);
        Assert.Equal(WorkflowStatus.Approved, Step(submitted, WorkflowAction.Approve, District, BeforeDeadline).Status);
        Assert.Equal(RefusalKind.Forbidden, Refused(submitted, WorkflowAction.Unlock, District, BeforeDeadline, "sửa", new DateOnly(2021, 5, 1)).Kind);
        Assert.Equal(WorkflowStatus.Draft, Step(submitted, WorkflowAction.Unlock, Province, BeforeDeadline, "sửa", new DateOnly(2021, 5, 1)).Status);
    }

    [Fact]
    public void Approved_data_cannot_change()
    {
        var approved = Step(Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline), WorkflowAction.Approve, Province, BeforeDeadline);
        var refusal = Rules.CheckEdit(approved, BeforeDeadline);
        Assert.Equal(RefusalKind.Conflict, refusal!.Kind);
        Assert.Contains("đã được duyệt", refusal.MessageVi);
        Assert.Contains("approved", refusal.MessageEn);
    }

    [Fact]
    public void A_form_locks_when_its_lock_date_ends_in_Vietnam()
    {
        var draft = WorkflowState.New("SD", Q1);
        // Lock date Wednesday 14 April: it ends at 17:00 UTC that day.
        Assert.Equal(WorkflowStatus.Draft, Rules.StatusAt(draft, At("2021-04-14T16:59:59Z")));
        Assert.Equal(WorkflowStatus.Locked, Rules.StatusAt(draft, At("2021-04-14T17:00:00Z")));
        Assert.Equal(RefusalKind.Conflict, Refused(draft, WorkflowAction.Submit, District, At("2021-04-15T01:00:00Z")).Kind);
    }

    [Theory]
    [InlineData(WorkflowStatus.Submitted)]
    [InlineData(WorkflowStatus.Returned)]
    public void After_the_lock_a_form_that_was_sent_cannot_change(WorkflowStatus status)
    {
        var sent = Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline) with { Status = status };
        Assert.Null(Rules.CheckEdit(sent, At("2021-04-14T16:59:59Z")));
        var refusal = Rules.CheckEdit(sent, At("2021-04-14T17:00:00Z"))!;
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Contains("khóa sổ", refusal.MessageVi);
        Assert.Contains("locked", refusal.MessageEn);
    }

    [Fact]
    public void A_form_never_sent_can_still_be_typed_in_after_the_lock_but_not_sent() =>
        // Back-entry of a past year: the figures can be entered, sending them needs an exception.
        Assert.Null(Rules.CheckEdit(WorkflowState.New("SD", Q1), At("2022-06-01T00:00:00Z")));

    [Fact]
    public void A_submitted_form_can_still_be_approved_after_the_lock()
    {
        var submitted = Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline);
        var approved = Step(submitted, WorkflowAction.Approve, Province, At("2021-04-20T02:00:00Z"));
        Assert.Equal(WorkflowStatus.Locked, Rules.StatusAt(approved, At("2021-04-20T02:00:00Z")));
    }

    [Fact]
    public void An_unlock_exception_allows_edits_until_its_date_then_the_lock_returns()
    {
        var approved = Step(Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline), WorkflowAction.Approve, Province, BeforeDeadline);
        var afterLock = At("2021-04-20T02:00:00Z");
        var unlocked = Step(approved, WorkflowAction.Unlock, Province, afterLock, "Sửa số giường bệnh", new DateOnly(2021, 4, 23));
        Assert.Equal((WorkflowStatus.Draft, "Sửa số giường bệnh", "tq-staff"), (unlocked.Status, unlocked.Exception!.Reason, unlocked.Exception.GrantedBy));
        Assert.Null(Rules.CheckEdit(unlocked, afterLock));
        // The exception covers 23 April to its end in Vietnam, and not one second more.
        Assert.Null(Rules.CheckEdit(unlocked, At("2021-04-23T16:59:59Z")));
        Assert.NotNull(Rules.CheckEdit(unlocked, At("2021-04-23T17:00:00Z")));
        var resubmitted = Step(unlocked, WorkflowAction.Submit, District, At("2021-04-21T02:00:00Z"));
        Assert.Equal(WorkflowStatus.Submitted, resubmitted.Status);
    }

    [Theory]
    [InlineData(WorkflowAction.Return, null, null)]
    [InlineData(WorkflowAction.Unlock, "  ", "2021-05-01")]
    [InlineData(WorkflowAction.Unlock, "lý do", null)]
    [InlineData(WorkflowAction.Unlock, "lý do", "2021-04-04")] // before today in Vietnam
    public void Return_and_unlock_need_their_reason_and_date(WorkflowAction action, string? reason, string? until)
    {
        var submitted = Step(WorkflowState.New("SD", Q1), WorkflowAction.Submit, District, BeforeDeadline);
        Assert.Equal(RefusalKind.Invalid, Refused(submitted, action, Province, BeforeDeadline, reason, until is null ? null : DateOnly.Parse(until)).Kind);
    }

    [Fact]
    public void A_plan_period_or_a_unit_that_did_not_exist_has_no_form()
    {
        Assert.Equal(RefusalKind.Invalid, Refused(WorkflowState.New("SD", Period.Plan(2021, 2025)), WorkflowAction.Submit, District, BeforeDeadline).Kind);
        Assert.Equal(RefusalKind.Invalid, Refused(WorkflowState.New("LB", Q1), WorkflowAction.Submit, new("lb", "LB"), BeforeDeadline).Kind);
    }
}
