using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Reports;

/// <summary>
/// The consolidated workbook as both the API and the <c>export consolidated</c> command deliver it:
/// the parent's total, a sheet per child that reported, the matrix, who has not reported, and the
/// reporting status (sent on time, late, missing) as of now, the same as <c>GET .../completeness</c>.
/// </summary>
public static class ConsolidatedDownload
{
    public static async Task<Action<Stream>> PrepareAsync(AnnexSources sources, WorkflowStore workflow, WorkflowRulesSource rules,
        TimeProvider clock, string unit, Period period, CancellationToken cancellationToken)
    {
        var figures = await sources.OpenBookAsync(cancellationToken);
        var book = await sources.ConsolidatedAsync(figures, unit, period, cancellationToken);
        var tree = figures.Tree;
        var children = tree.ChildrenOf(unit, period.Year).Select(c => c.Code).ToList();
        // The children's workflow states live in their form entities, read with their figures: no call per child
        // again. Plan periods are not read by year, so their forms are read here.
        var forms = period.Kind == PeriodKind.PlanPeriod
            ? await workflow.GetManyAsync(children, period, cancellationToken)
            : await StatesAsync(figures, children, period, cancellationToken);
        var completeness = Completeness.For(tree, rules.For(tree), unit, period, forms, clock.GetUtcNow());
        return stream => ProvinceWorkbookWriter.Write(book with { Reporting = completeness }, stream);
    }

    private static async Task<IReadOnlyDictionary<string, WorkflowState>> StatesAsync(Attainment.FigureBook figures, IReadOnlyList<string> children, Period period,
        CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, WorkflowState>(StringComparer.Ordinal);
        foreach (var child in children)
            if (WorkflowStore.Of(child, period, (await figures.FormAsync(child, period, cancellationToken))?.Record) is { Exists: true } stored)
                states[child] = stored.State;
        return states;
    }
}
