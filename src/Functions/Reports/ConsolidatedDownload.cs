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
    public static async Task<Action<Stream>> PrepareAsync(AnnexSources sources, UnitStore units, WorkflowStore workflow, WorkflowRulesSource rules,
        TimeProvider clock, string unit, Period period, CancellationToken cancellationToken)
    {
        var book = await sources.ConsolidatedAsync(unit, period, cancellationToken);
        var tree = await units.GetTreeAsync(cancellationToken);
        var forms = await workflow.GetManyAsync(tree.ChildrenOf(unit, period.Year).Select(c => c.Code), period, cancellationToken);
        var completeness = Completeness.For(tree, rules.For(tree), unit, period, forms, clock.GetUtcNow());
        return stream => ProvinceWorkbookWriter.Write(book with { Reporting = completeness }, stream);
    }
}
