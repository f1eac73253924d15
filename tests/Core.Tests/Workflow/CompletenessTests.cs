using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using static HealthFuncs.Core.Tests.Workflow.WorkflowTestTree;

namespace HealthFuncs.Core.Tests.Workflow;

public class CompletenessTests
{
    private static readonly Period Q1 = Period.Quarter(2021, 1);

    private static WorkflowState Submitted(string unit, string at) =>
        WorkflowState.New(unit, Q1) with { Status = WorkflowStatus.Submitted, Version = 1, FirstSubmittedAt = At(at), LastSubmittedAt = At(at) };

    [Fact]
    public void A_late_submission_is_received_but_counted_as_late()
    {
        // District deadline Wednesday 7 April 2021 ends at 17:00 UTC.
        var forms = new Dictionary<string, WorkflowState>
        {
            ["SD"] = Submitted("SD", "2021-04-07T16:59:59Z"),
            ["YS"] = Submitted("YS", "2021-04-07T17:00:00Z"),
        };
        var report = Completeness.For(Tree, Rules, "TQ", Q1, forms, At("2021-04-09T00:00:00Z"));
        Assert.Equal((2, 2, 1, 1, 0), (report.Expected, report.Received, report.OnTime, report.Late, report.Missing));
        Assert.Equal([Timeliness.OnTime, Timeliness.Late], report.Rows.Select(r => r.Timeliness));
        Assert.Equal(50.0m, report.OnTimePercent);
    }

    [Theory]
    [InlineData("2021-04-07T16:59:59Z", Timeliness.NotYetDue, 0)]
    [InlineData("2021-04-07T17:00:00Z", Timeliness.Missing, 1)]
    public void A_form_not_received_is_missing_once_its_deadline_passes(string asOf, Timeliness expected, int missing)
    {
        var forms = new Dictionary<string, WorkflowState> { ["SD"] = Submitted("SD", "2021-04-01T02:00:00Z") };
        var report = Completeness.For(Tree, Rules, "TQ", Q1, forms, At(asOf));
        Assert.Equal(expected, report.Rows.Single(r => r.UnitCode == "YS").Timeliness);
        Assert.Equal(missing, report.Missing);
    }

    [Fact]
    public void Only_children_that_exist_in_the_year_are_expected()
    {
        // Lâm Bình joins the province in 2022.
        Assert.Equal(["SD", "YS"], Completeness.For(Tree, Rules, "TQ", Q1, new Dictionary<string, WorkflowState>(), At("2021-05-01T00:00:00Z")).Rows.Select(r => r.UnitCode));
        Assert.Equal(3, Completeness.For(Tree, Rules, "TQ", Period.Quarter(2022, 1), new Dictionary<string, WorkflowState>(), At("2022-05-01T00:00:00Z")).Expected);
    }

    [Fact]
    public void A_returned_form_is_not_received_until_it_is_sent_again()
    {
        var returned = Submitted("SD", "2021-04-01T02:00:00Z") with { Status = WorkflowStatus.Returned, ReturnReason = "sai số" };
        var report = Completeness.For(Tree, Rules, "TQ", Q1, new Dictionary<string, WorkflowState> { ["SD"] = returned }, At("2021-04-05T00:00:00Z"));
        Assert.Equal((0, Timeliness.NotYetDue), (report.Received, report.Rows[0].Timeliness));
    }

    [Fact]
    public void Each_child_is_held_to_its_own_level_deadline()
    {
        // The commune's deadline (Friday 2 April) passed; its district's own deadline has not.
        var report = Completeness.For(Tree, Rules, "SD", Q1, new Dictionary<string, WorkflowState>(), At("2021-04-03T00:00:00Z"));
        var row = Assert.Single(report.Rows);
        Assert.Equal((new DateOnly(2021, 4, 2), Timeliness.Missing), (row.Deadline, row.Timeliness));
    }

    [Fact]
    public void Nothing_expected_gives_no_percentages()
    {
        var report = Completeness.For(Tree, Rules, "YS", Q1, new Dictionary<string, WorkflowState>(), At("2021-05-01T00:00:00Z"));
        Assert.Equal((0, (decimal?)null), (report.Expected, report.ReceivedPercent));
    }
}
