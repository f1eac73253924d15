using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Hosting.Commands;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Reports;

/// The command line's <c>export &lt;kind&gt; --unit X --period P --out file.xlsx</c> kinds for every workbook the API serves.
public static class ReportExports
{
    public static IServiceCollection AddReportExports(this IServiceCollection services) => services
        .AddWorkbookExport(new("plan", "plan annex; --period a year (2021) or a plan period (2021-2025)", async (sp, request, stream, ct) =>
        {
            var period = Parse(request.Period);
            var plan = period.Kind == PeriodKind.PlanPeriod ? period : (Period?)null;
            if (plan is null && period.Kind != PeriodKind.Year) throw Wrong(request.Period, "một năm hoặc một giai đoạn", "a year or a plan period");
            var annex = await (await SourcesAsync(sp, request.Unit, ct)).PlanAsync(request.Unit, period.Year, plan, ct);
            PlanAnnexWorkbook.Write(annex, stream);
        }))
        .AddWorkbookExport(new("result", "result annex; --period a reporting period (2021-Q1)", async (sp, request, stream, ct) =>
            ResultAnnexWorkbook.Write(await (await SourcesAsync(sp, request.Unit, ct)).ResultAsync(request.Unit, Reporting(request.Period), ct), stream)))
        .AddWorkbookExport(new("form", "data-entry form; --period a reporting period", async (sp, request, stream, ct) =>
            DataEntryFormWorkbook.Write(await (await SourcesAsync(sp, request.Unit, ct)).FormAsync(request.Unit, Reporting(request.Period), ct), stream)))
        .AddWorkbookExport(new("consolidated", "the unit's children consolidated, with who has reported; --period a reporting period", async (sp, request, stream, ct) =>
        {
            var write = await ConsolidatedDownload.PrepareAsync(await SourcesAsync(sp, request.Unit, ct), sp.GetRequiredService<WorkflowStore>(), sp.GetRequiredService<WorkflowRulesSource>(), sp.GetRequiredService<TimeProvider>(),
                request.Unit, Reporting(request.Period), ct);
            write(stream);
        }))
        .AddWorkbookExport(new("export", "every value of the unit's subtree, flat; --period a year", async (sp, request, stream, ct) =>
        {
            var period = Parse(request.Period);
            if (period.Kind != PeriodKind.Year) throw Wrong(request.Period, "một năm", "a year");
            var rows = (await SourcesAsync(sp, request.Unit, ct)).ExportAsync(request.Unit, period.Year, ct);
            await FlatExport.WriteAsync(stream, rows, ct);
        }));

    private static async Task<AnnexSources> SourcesAsync(IServiceProvider sp, string unit, CancellationToken cancellationToken)
    {
        var units = sp.GetRequiredService<UnitStore>();
        // Checked here so an unknown unit is an operator's mistake (exit code 2), not a crash.
        if ((await units.GetTreeAsync(cancellationToken)).Find(unit) is null)
            throw new ArgumentException($"Không có đơn vị mã '{unit}'. / There is no unit with code '{unit}'.");
        return new AnnexSources(units, sp.GetRequiredService<IndicatorStore>(), sp.GetRequiredService<TargetStore>(), sp.GetRequiredService<FormStore>(),
            sp.GetRequiredService<CommittedValues>(), sp.GetRequiredService<Attainment.FigureBooks>(),
            sp.GetRequiredService<Indicators.UnitIndicators>());
    }

    private static Period Parse(string text) =>
        Period.TryParseCode(text, out var period) ? period
        : throw new ArgumentException($"'{text}' không phải mã kỳ (2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M, 2021-2025). / '{text}' is not a period code.");

    private static Period Reporting(string text)
    {
        var period = Parse(text);
        return period.Kind == PeriodKind.PlanPeriod ? throw Wrong(text, "một kỳ báo cáo", "a reporting period") : period;
    }

    private static ArgumentException Wrong(string text, string vi, string en) =>
        new($"'{text}' không phải {vi}. / '{text}' is not {en}.");
}
