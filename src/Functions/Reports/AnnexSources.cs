using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Indicators;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Reports;

/// Fills the workbook models from storage: units, indicators, targets in force and committed values.
/// Actuals and baselines are each unit's own figures through <see cref="FigureBook"/>: reported for the period or
/// formed from the unit's months, with a note saying so, and for sub-year periods the projected year end.
/// Rows list the unit's indicator set for the year (<see cref="UnitIndicators"/>: its plan, its province's set) and
/// any figure reported outside it.
public sealed class AnnexSources(UnitStore units, IndicatorStore indicators, TargetStore targets, FormStore forms, CommittedValues committed,
    FigureBooks books, UnitIndicators sets)
{
    // How many children a consolidated workbook reads at once.
    private const int ChildReads = 8;

    // Every period a year is reported in, for the flat export: months, quarters, 6 and 9 months, the year.
    private static IEnumerable<Period> PeriodsOf(int year) =>
        [.. Enumerable.Range(1, 12).Select(m => Period.Month(year, m)), .. Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q)),
         Period.FirstHalf(year), Period.NineMonths(year), Period.FullYear(year)];

    public async Task<PlanAnnex> PlanAsync(string unitCode, int year, Period? planPeriod, CancellationToken cancellationToken)
    {
        var (tree, unit, names) = await UnitAsync(unitCode, year, cancellationToken);
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var period = planPeriod ?? Period.FullYear(year);
        var years = planPeriod is { } p ? await MilestonesAsync(unitCode, p, cancellationToken) : [year];
        var all = new List<Target>();
        foreach (var y in years)
            all.AddRange((await targets.GetAsync(unitCode, y, cancellationToken))
                .Where(t => planPeriod is null ? t.PlanPeriod is null : t.PlanPeriod == planPeriod.Value.Code));
        // The plan's rows in the order written.
        var sequence = UnitIndicators.InPlanOrder(all, catalog);
        var listed = IndicatorSet.InOrder(catalog.Values.ToList(), sequence.Where(catalog.ContainsKey).ToHashSet(StringComparer.Ordinal), sequence);
        var title = planPeriod is { } pp ? $"Các chỉ tiêu kế hoạch giai đoạn {pp.Year}-{pp.EndYear}" : $"Các chỉ tiêu kế hoạch y tế năm {year}";
        return new PlanAnnex(Header(tree, unit, names, period.Year, title, "Kế hoạch", "KH"), unit.Name, period, years, listed.Count > 0 ? listed : await sets.ForAsync(tree, catalog, unitCode, year, cancellationToken), all);
    }

    // Milestone years: the years inside the plan period (and its first year's predecessor) that hold its targets.
    private async Task<IReadOnlyList<int>> MilestonesAsync(string unitCode, Period plan, CancellationToken cancellationToken)
    {
        var years = new List<int>();
        for (var y = plan.Year; y <= plan.EndYear + 5; y++)
            if ((await targets.GetAsync(unitCode, y, cancellationToken)).Any(t => t.PlanPeriod == plan.Code)) years.Add(y);
        return years.Count > 0 ? years : [plan.EndYear];
    }

    public async Task<ResultAnnex> ResultAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var (tree, unit, names) = await UnitAsync(unitCode, period.Year, cancellationToken);
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var lines = await LinesAsync(await books.OpenAsync(cancellationToken), unitCode, period,
            await sets.ForAsync(tree, catalog, unitCode, period.Year, cancellationToken), catalog, cancellationToken);
        return new ResultAnnex(Header(tree, unit, names, period.Year, $"Kết quả thực hiện các chỉ tiêu y tế {AnnexFrame.PeriodInSentence(period)}", "Báo cáo", "BC"),
            unit.Name, period, lines);
    }

    public async Task<DataEntryForm> FormAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var (tree, unit, names) = await UnitAsync(unitCode, period.Year, cancellationToken);
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var form = await forms.GetAsync(unitCode, period.Code, cancellationToken) ?? FormState.New(unitCode, period.Code);
        var inForce = await targets.GetInForceAsync(unitCode, period.Year, cancellationToken);
        var current = (await committed.ReadAsync(unitCode, period, cancellationToken)).ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var baseline = (await committed.ReadAsync(unitCode, period.SamePeriodLastYear(), cancellationToken)).ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var listed = UnitIndicators.WithReported(await sets.ForAsync(tree, catalog, unitCode, period.Year, cancellationToken), current.Keys, catalog);
        var lines = listed.Select(i => new FormLine(i, inForce.GetValueOrDefault(i.Code), baseline.GetValueOrDefault(i.Code), current.GetValueOrDefault(i.Code))).ToList();
        return new DataEntryForm(Header(tree, unit, names, period.Year, $"Biểu nhập số liệu {AnnexFrame.PeriodInSentence(period)}", "Báo cáo", "BC"),
            unitCode, unit.Name, period, form.Etag, DateTimeOffset.UtcNow, lines);
    }

    /// A figure book for one request, for a caller that reads more from it after <see cref="ConsolidatedAsync(FigureBook, string, Period, CancellationToken)"/>.
    public Task<FigureBook> OpenBookAsync(CancellationToken cancellationToken) => books.OpenAsync(cancellationToken);

    public async Task<ProvinceWorkbook> ConsolidatedAsync(string unitCode, Period period, CancellationToken cancellationToken) =>
        await ConsolidatedAsync(await books.OpenAsync(cancellationToken), unitCode, period, cancellationToken);

    public async Task<ProvinceWorkbook> ConsolidatedAsync(FigureBook book, string unitCode, Period period, CancellationToken cancellationToken)
    {
        var (tree, catalog) = (book.Tree, book.Indicators);
        var unit = tree.Find(unitCode) ?? throw new KeyNotFoundException(unitCode);
        var names = await units.GetAsync(unitCode, cancellationToken);
        var children = tree.ChildrenOf(unitCode, period.Year);
        var people = await book.PopulationsAsync(period.Year, cancellationToken);
        var lastPeople = await book.PopulationsAsync(period.Year - 1, cancellationToken);
        // Each child's years, targets and set are read once for the request (its set and its lines share its
        // targets; the province's set is read once for all children), several children at a time (bounded, so a
        // province of hundreds of communes does not flood storage); the results are put together in tree order.
        var year = sets.Of(tree, catalog, period.Year);
        var read = new (IReadOnlyDictionary<string, PeriodValue> Owned, IReadOnlyList<Observation> Before, IReadOnlyList<ResultLine>? Lines)[children.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, children.Count), new ParallelOptions { MaxDegreeOfParallelism = ChildReads, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var child = children[i].Code;
                var figures = await book.OwnAsync(child, period, ct);
                var baseline = (await book.OwnAsync(child, period.SamePeriodLastYear(), ct)).Values.Select(v => v.Observation!).ToList();
                IReadOnlyList<ResultLine>? lines = null;
                if (figures.Count > 0)
                    lines = await LinesAsync(book, child, period, await year.ForAsync(child, ct), catalog, ct, await year.InForceAsync(child, ct));
                read[i] = (figures, baseline, lines);
            });
        var now = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        var before = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        var owned = new Dictionary<string, IReadOnlyDictionary<string, PeriodValue>>(StringComparer.Ordinal);
        var districts = new List<DistrictReport>();
        // The summary lists what the children report and the parent plans: their sets together.
        var inForce = await year.InForceAsync(unitCode, cancellationToken);
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            owned[child.Code] = read[i].Owned;
            now[child.Code] = read[i].Owned.Values.Select(v => v.Observation!).ToList();
            before[child.Code] = read[i].Before;
            if (read[i].Lines is { } lines) districts.Add(new DistrictReport(child, lines));
        }
        var codes = children.Select(c => c.Code).ToList();
        var listed = UnitIndicators.WithReported(await year.ForParentAsync(unitCode, cancellationToken),
            now.Values.SelectMany(o => o).Select(o => o.IndicatorCode), catalog);
        var summary = new List<ProvinceFigure>();
        foreach (var indicator in listed)
        {
            ConsolidatedValue Across(Dictionary<string, IReadOnlyList<Observation>> source, IReadOnlyDictionary<string, long> pop) =>
                Consolidator.AcrossUnits(indicator, codes, source.SelectMany(kv => kv.Value).Where(o => o.IndicatorCode == indicator.Code)
                    .ToDictionary(o => o.UnitCode, StringComparer.Ordinal), pop);
            var value = Across(now, people);
            var used = codes.Where(c => owned[c].ContainsKey(indicator.Code)).Select(c => (Unit: c, Value: owned[c][indicator.Code])).ToList();
            var baseline = Across(before, lastPeople);
            var target = inForce.GetValueOrDefault(indicator.Code);
            var against = target?.Expression.BaselineYear is null ? baseline.Value
                : await AgainstYearAsync(book, unitCode, indicator, AttainmentRules.BaselinePeriod(period, target.Expression), tree, cancellationToken);
            summary.Add(new ProvinceFigure(indicator, target, value.Value, value.Numerator, value.Denominator, value.IncludedUnits.Count, value.MissingUnits,
                AttainmentRules.Evaluate(indicator, period, target?.Expression, value.Value, against))
            {
                WithoutPartsUnits = value.WithoutPartsUnits, Baseline = baseline.Value,
                // Which months the children's figures were formed from and lack, as the API's consolidation reports them.
                DerivedFrom = Months(used.SelectMany(u => u.Value.DerivedFrom)), MissingPeriods = Months(used.SelectMany(u => u.Value.MissingMonths)),
                PartialUnits = used.Where(u => !u.Value.IsComplete).Select(u => u.Unit).ToList(),
            });
        }
        var header = Header(tree, unit, names, period.Year, $"Tổng hợp kết quả thực hiện chỉ tiêu y tế {AnnexFrame.PeriodInSentence(period)}", "Báo cáo", "BC");
        return new ProvinceWorkbook(header, unit.Name, period, summary, districts, children.Where(c => now[c.Code].Count == 0).ToList());
    }

    private static List<Period> Months(IEnumerable<Period> periods) =>
        periods.Distinct().OrderBy(p => p.FirstMonth).ThenBy(p => p.LastMonth).ToList();

    /// The flat export's rows, read unit by unit and period by period as the writer asks for them.
    public async IAsyncEnumerable<FlatRow> ExportAsync(string unitCode, int year, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tree = await units.GetTreeAsync(cancellationToken);
        var catalog = await indicators.GetAllAsync(cancellationToken);
        foreach (var unit in tree.SubtreeOf(unitCode, year))
            foreach (var period in PeriodsOf(year))
                foreach (var o in await committed.ReadAsync(unit.Code, period, cancellationToken))
                {
                    var indicator = catalog.GetValueOrDefault(o.IndicatorCode);
                    yield return new FlatRow(unit.Code, unit.Name, o.IndicatorCode, indicator?.Name ?? o.IndicatorCode, indicator?.Unit ?? "", period,
                        o.Value, o.Numerator, o.Denominator, o.Note);
                }
    }

    // A change "so với năm N" is judged against the children of that year consolidated, as the API judges it;
    // the same-period column still shows last year.
    private async Task<decimal?> AgainstYearAsync(FigureBook book, string unitCode, Indicator indicator, Period baseline, OrgTree tree,
        CancellationToken cancellationToken)
    {
        var children = tree.ChildrenOf(unitCode, baseline.Year).Select(c => c.Code).ToList();
        var figures = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var child in children)
            if ((await book.OwnAsync(child, baseline, cancellationToken)).GetValueOrDefault(indicator.Code)?.Observation is { } o) figures[child] = o;
        return Consolidator.AcrossUnits(indicator, children, figures, await book.PopulationsAsync(baseline.Year, cancellationToken)).Value;
    }

    private async Task<IReadOnlyList<ResultLine>> LinesAsync(FigureBook book, string unitCode, Period period, IReadOnlyList<Indicator> listed,
        IReadOnlyDictionary<string, Indicator> catalog, CancellationToken cancellationToken, IReadOnlyDictionary<string, Target>? planned = null)
    {
        var inForce = planned ?? await targets.GetInForceAsync(unitCode, period.Year, cancellationToken);
        var actual = await book.OwnAsync(unitCode, period, cancellationToken);
        var baseline = await book.OwnAsync(unitCode, period.SamePeriodLastYear(), cancellationToken);
        // A change "so với năm 2020" is judged against that year; the baseline column still shows last year.
        var against = await Attainment.Baselines.ForAsync(period, inForce, async q =>
            (await book.OwnAsync(unitCode, q, cancellationToken)).ToDictionary(kv => kv.Key, kv => kv.Value.Observation?.Value, StringComparer.Ordinal));
        var outlook = new YearEndOutlook(book, period, ownFiguresOnly: true);
        var lines = new List<ResultLine>(listed.Count);
        foreach (var i in UnitIndicators.WithReported(listed, actual.Where(kv => kv.Value.Observation is not null).Select(kv => kv.Key), catalog))
        {
            var target = inForce.GetValueOrDefault(i.Code);
            var own = actual.GetValueOrDefault(i.Code);
            var a = own?.Observation;
            var b = baseline.GetValueOrDefault(i.Code)?.Observation;
            lines.Add(new ResultLine(i, target, a, b, AttainmentRules.Evaluate(i, period, target?.Expression, a?.Value, against.GetValueOrDefault(i.Code)),
                await outlook.ForUnitAsync(unitCode, i, target?.Expression, cancellationToken),
                own is { IsDerived: true } ? a?.Note : null));
        }
        return lines;
    }

    // The unit as it stood in the tree, and its record for the governing body and issuing agency an admin set.
    private async Task<(OrgTree Tree, OrgUnit Unit, StoredUnit? Names)> UnitAsync(string unitCode, int year, CancellationToken cancellationToken)
    {
        var tree = await units.GetTreeAsync(cancellationToken);
        return (tree, tree.Find(unitCode) ?? throw new KeyNotFoundException(unitCode), await units.GetAsync(unitCode, cancellationToken));
    }

    /// The Decree 30 heading: the governing body over the issuing agency, and "(Kèm theo ...)" naming the agency and
    /// the year the document is issued in (a plan period's first year).
    /// The names an admin stored for the unit win over those worked out from the unit's and its parent's names.
    private static AnnexHeader Header(OrgTree tree, OrgUnit unit, StoredUnit? names, int year, string title, string documentVi, string documentCode)
    {
        var bodies = DocumentBodies.Of(unit, unit.ParentIn(year) is { } p ? tree.Find(p) : null);
        if (names?.GoverningBody is { Length: > 0 } governing) bodies = bodies with { Governing = governing };
        if (names?.IssuingAgency is { Length: > 0 } issuing) bodies = bodies with { Issuing = issuing };
        return new AnnexHeader(bodies.Governing, bodies.Issuing, "Biểu số 01", title,
            $"(Kèm theo {documentVi} số .../{documentCode} ngày ... tháng ... năm {year} của {bodies.Issuing})", bodies.Place, null);
    }
}
