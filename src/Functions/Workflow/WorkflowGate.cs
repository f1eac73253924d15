using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Workflow;

/// The workflow's rules for the current tree and configuration, and the question every write of
/// values must ask first: may this form change now?
public sealed class WorkflowGate(UnitStore units, WorkflowRulesSource rules, TimeProvider clock)
{
    /// Null when the unit's values for the period may change now; otherwise the refusal (409)
    /// saying whether the form is approved or locked and what unlocks it. The workflow state is the one
    /// in <paramref name="form"/>'s entity: the commit that follows is saved against that same read, so
    /// an approval after this check refuses the write instead of being overtaken by it.
    public async Task<Refusal?> CheckEditAsync(FormState form, Period period, CancellationToken cancellationToken = default)
    {
        if (period.Kind == PeriodKind.PlanPeriod) return null;
        var tree = await units.GetTreeAsync(cancellationToken);
        if (tree.Find(form.UnitCode) is null) return null;
        var stored = WorkflowStore.Of(form.UnitCode, period, form.Record);
        return rules.For(tree).CheckEdit(stored.State, clock.GetUtcNow());
    }
}

/// The reporting calendar from configuration, read once; the tree changes, so rules are built per tree.
public sealed class WorkflowRulesSource(Microsoft.Extensions.Options.IOptions<WorkflowOptions> options)
{
    private readonly Lazy<ReportingRules> _reporting = new(() => options.Value.ToRules());

    public ReportingRules Reporting => _reporting.Value;

    public WorkflowRules For(OrgTree tree) => new(tree, Reporting);
}
