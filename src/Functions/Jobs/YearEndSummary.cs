using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Reports;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Jobs;

public sealed record SummaryManifest(int Year, IReadOnlyList<ReportFile> Files);

/// At 00:00 Vietnam time on 1 January (17:00 UTC on 31 December) closes the year that has just ended:
/// each unit's result annex for the year, then each province's consolidated workbook (the same models the
/// result.xlsx and consolidated.xlsx downloads are built from, plus a "Tình hình báo cáo" sheet), then a manifest,
/// under year-end/{year}/. The year comes from the occurrence's Vietnam date, so a run at 16:59:59 UTC
/// on 31 December still closes the year before, and a past-due run on 1 January at 08:00 closes the
/// same year as the missed 17:00 run. Each file is written once and never replaced.
public sealed class YearEndSummary(JobStepRunner runner, UnitStore units, AnnexSources annexes, WorkflowStore workflow,
    WorkflowRulesSource rules, ReportBlobs blobs) : SteppedJob(runner)
{
    /// <summary>The job's name, and its timer function's schedule (constants: the worker reads them from the attribute).</summary>
    public const string JobName = "year-end-summary";
    public const string Cron = "0 0 17 31 12 *";

    public override string Name => JobName;

    public override string Schedule => Cron;

    /// The year a run at <paramref name="scheduledAt"/> closes: the one before the Vietnam date's year.
    public static int YearOf(DateTimeOffset scheduledAt) => VietnamTime.DateOf(scheduledAt).Year - 1;

    public static string Prefix(int year) => $"year-end/{year.ToString(CultureInfo.InvariantCulture)}/";

    public override async Task<JobPlan> PlanAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        var year = YearOf(run.ScheduledAt);
        var tree = await units.GetTreeAsync(cancellationToken);
        var existing = tree.Units.Where(u => u.ExistsIn(year)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var steps = new List<JobStep>();
        foreach (var unit in existing)
            steps.Add(new JobStep($"units/{unit.Code}", ct => WriteResultAnnexAsync(unit, year, ct)));
        foreach (var province in existing.Where(u => u.Level == UnitLevel.Province && tree.ChildrenOf(u.Code, year).Count > 0))
            steps.Add(new JobStep($"provinces/{province.Code}", ct => WriteProvinceWorkbookAsync(tree, province, year, run.ScheduledAt, ct)));
        steps.Add(new JobStep("manifest", ct => WriteManifestAsync(year, ct)));
        return new JobPlan(Name, year.ToString(CultureInfo.InvariantCulture), steps);
    }

    private async Task<string> WriteResultAnnexAsync(OrgUnit unit, int year, CancellationToken ct)
    {
        var name = $"{Prefix(year)}units/{unit.Code}.xlsx";
        if (await blobs.ExistsAsync(name, ct)) return $"{name} was already stored";
        var annex = await annexes.ResultAsync(unit.Code, Period.FullYear(year), ct);
        // A unit with neither a plan nor figures for the year (a new commune, a hospital that reports elsewhere) has nothing to sign.
        if (annex.Lines.All(l => l.Target is null && l.Actual is null)) return $"{name}: no plan or figures for {year}, not written";
        using var stream = new MemoryStream();
        ResultAnnexWorkbook.Write(annex, stream);
        return await StoreAsync(name, stream, ct);
    }

    private async Task<string> WriteProvinceWorkbookAsync(OrgTree tree, OrgUnit province, int year, DateTimeOffset scheduledAt, CancellationToken ct)
    {
        var name = $"{Prefix(year)}provinces/{province.Code}.xlsx";
        if (await blobs.ExistsAsync(name, ct)) return $"{name} was already stored";
        var book = await annexes.ConsolidatedAsync(province.Code, Period.FullYear(year), ct);
        // Who sent the year's form, and when, as of the occurrence (not of the moment a late run happens).
        var period = Period.FullYear(year);
        var forms = await workflow.GetManyAsync(tree.ChildrenOf(province.Code, year).Select(c => c.Code), period, ct);
        using var stream = new MemoryStream();
        ProvinceWorkbookWriter.Write(book with { Reporting = Completeness.For(tree, rules.For(tree), province.Code, period, forms, scheduledAt) }, stream);
        return await StoreAsync(name, stream, ct);
    }

    private async Task<string> StoreAsync(string name, MemoryStream stream, CancellationToken ct) =>
        await blobs.CreateIfAbsentAsync(name, new BinaryData(stream.ToArray()), ReportBlobs.Xlsx, ct)
            ? $"{name}: {stream.Length} bytes"
            : $"{name} was stored by another run";

    private async Task<string> WriteManifestAsync(int year, CancellationToken ct)
    {
        var name = $"{Prefix(year)}manifest.json";
        var files = (await blobs.ListAsync(Prefix(year), ct)).Where(f => f.Name != name).Select(f => f with { CreatedAt = null }).ToList();
        await blobs.CreateJsonIfAbsentAsync(name, new SummaryManifest(year, files), ct);
        return $"{name}: {files.Count} file(s)";
    }
}
