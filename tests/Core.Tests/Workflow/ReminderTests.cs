using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using static HealthFuncs.Core.Tests.Workflow.WorkflowTestTree;

namespace HealthFuncs.Core.Tests.Workflow;

public class ReminderTests
{
    private static readonly Period Q1 = Period.Quarter(2021, 1);

    private static WorkflowState Sent(string unit, string at, WorkflowStatus status = WorkflowStatus.Submitted) =>
        WorkflowState.New(unit, Q1) with { Status = status, Version = 1, FirstSubmittedAt = At(at), LastSubmittedAt = At(at) };

    [Fact]
    public void No_reminder_before_the_last_child_deadline_passes() =>
        Assert.Null(Reminders.For(Tree, Reporting, "TQ", Q1, new Dictionary<string, WorkflowState>(), At("2021-04-07T16:59:59Z")));

    [Fact]
    public void The_reminder_lists_children_without_a_form_by_their_deadline()
    {
        var forms = new Dictionary<string, WorkflowState> { ["SD"] = Sent("SD", "2021-04-06T02:00:00Z") };
        var reminder = Reminders.For(Tree, Reporting, "TQ", Q1, forms, At("2021-04-08T01:00:00Z"))!;
        Assert.Equal((2, At("2021-04-07T17:00:00Z")), (reminder.Expected, reminder.DueAt));
        var overdue = Assert.Single(reminder.Overdue);
        Assert.Equal(("YS", new DateOnly(2021, 4, 7)), (overdue.UnitCode, overdue.Deadline));
    }

    [Fact]
    public void A_later_run_gives_the_same_reminder_even_after_late_forms_and_returns()
    {
        var atDeadline = new Dictionary<string, WorkflowState> { ["SD"] = Sent("SD", "2021-04-06T02:00:00Z") };
        var weeksLater = new Dictionary<string, WorkflowState>
        {
            ["SD"] = Sent("SD", "2021-04-06T02:00:00Z", WorkflowStatus.Returned),
            ["YS"] = Sent("YS", "2021-04-20T02:00:00Z"),
        };
        var first = Reminders.For(Tree, Reporting, "TQ", Q1, atDeadline, At("2021-04-08T01:00:00Z"))!;
        var later = Reminders.For(Tree, Reporting, "TQ", Q1, weeksLater, At("2021-05-08T01:00:00Z"))!;
        Assert.Equal(first, later with { Overdue = first.Overdue });
        Assert.Equal(first.Overdue, later.Overdue);
    }

    [Fact]
    public void A_unit_without_children_gets_no_reminder() =>
        Assert.Null(Reminders.For(Tree, Reporting, "YS", Q1, new Dictionary<string, WorkflowState>(), At("2022-01-01T00:00:00Z")));
}
