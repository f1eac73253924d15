using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Seeds;

internal sealed partial class SeedChecks
{
    public SeedPlan Plan(string file, PlanFile plan, IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyDictionary<string, Indicator> indicators)
    {
        if (!units.ContainsKey(plan.UnitCode)) errors.Add($"{file}: unknown plan unit '{plan.UnitCode}'.");
        if (string.IsNullOrWhiteSpace(plan.Plan) || string.IsNullOrWhiteSpace(plan.SourceFile)) errors.Add($"{file}: the plan name or source file is empty.");
        var planPeriod = Period.TryParseCode(plan.Period, out var p) ? p : (Period?)null;
        if (planPeriod is null) errors.Add($"{file}: the plan period '{plan.Period}' is not a period code (2021, 2018-2025).");
        foreach (var milestone in plan.Milestones ?? [])
        {
            if (planPeriod is { } mp && (milestone < mp.Year || milestone > mp.EndYear))
                errors.Add($"{file}: milestone {milestone} lies outside the plan period {plan.Period}.");
        }

        var targets = new List<Target>();
        var seen = new HashSet<(string, string, int)>();
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var t = plan.Targets[i];
            var unit = t.UnitCode ?? plan.UnitCode;
            var at = $"{file}: targets[{i}] ({t.IndicatorCode} {t.Year})";
            if (!indicators.ContainsKey(t.IndicatorCode)) errors.Add($"{at}: unknown indicator code '{t.IndicatorCode}'.");
            if (t.UnitCode is not null && !units.ContainsKey(t.UnitCode)) errors.Add($"{at}: unknown unit '{t.UnitCode}'.");
            if (string.IsNullOrWhiteSpace(t.Text)) errors.Add($"{at}: the target text is empty.");
            if (!seen.Add((unit, t.IndicatorCode, t.Year))) errors.Add($"{at}: a second target for {unit}, {t.IndicatorCode}, {t.Year} in the same plan.");
            if (planPeriod is { } pp && (t.Year < pp.Year || t.Year > pp.EndYear))
                errors.Add($"{at}: the year lies outside the plan period {plan.Period}.");
            if (t.PlanPeriod is not null)
            {
                if (!Period.TryParseCode(t.PlanPeriod, out var tp) || tp.Kind != PeriodKind.PlanPeriod)
                    errors.Add($"{at}: planPeriod '{t.PlanPeriod}' is not a multi-year period code (2021-2025).");
                else if (t.Year < tp.Year || t.Year > tp.EndYear)
                    errors.Add($"{at}: the year lies outside its planPeriod {t.PlanPeriod}.");
            }
            if (string.IsNullOrWhiteSpace(t.Text)) continue;
            var expression = TargetParser.Parse(t.Text, indicators.GetValueOrDefault(t.IndicatorCode));
            if (expression.Form == TargetForm.TextOnly && string.IsNullOrWhiteSpace(expression.Reason))
                errors.Add($"{at}: '{t.Text}' stays text-only without a reason.");
            targets.Add(new Target(unit, t.IndicatorCode, t.Year, expression, t.PlanPeriod, i));
        }
        CheckBreakdowns(file, targets, indicators);
        return new SeedPlan(plan.Plan, plan.SourceFile, plan.UnitCode, plan.Period, targets);
    }

    // "Trong đó" parts whose targets are planned values must not add up to more than the total's.
    private void CheckBreakdowns(string file, List<Target> targets, IReadOnlyDictionary<string, Indicator> indicators)
    {
        var points = targets.Where(t => t.Expression.Form == TargetForm.Point && t.Expression.Value is not null)
            .ToDictionary(t => (t.UnitCode, t.IndicatorCode, t.Year), t => t.Expression.Value!.Value);
        var parts = points
            .Where(kv => indicators.GetValueOrDefault(kv.Key.IndicatorCode)?.ParentCode is not null)
            .GroupBy(kv => (kv.Key.UnitCode, Parent: indicators[kv.Key.IndicatorCode].ParentCode!, kv.Key.Year));
        foreach (var group in parts)
        {
            if (!points.TryGetValue((group.Key.UnitCode, group.Key.Parent, group.Key.Year), out var total)) continue;
            var sum = group.Sum(kv => kv.Value);
            if (sum > total)
                errors.Add($"{file}: the parts of {group.Key.Parent} for {group.Key.UnitCode} {group.Key.Year} add up to {sum}, more than the total {total}.");
        }
    }

    public void TargetsAcrossPlans(IReadOnlyList<SeedPlan> plans)
    {
        foreach (var twice in plans.SelectMany(p => p.Targets.Select(t => (Plan: p, Target: t)))
                     .GroupBy(x => (x.Target.UnitCode, x.Target.IndicatorCode, x.Target.Year))
                     .Where(g => g.Select(x => x.Plan).Distinct().Count() > 1))
            errors.Add($"targets: {twice.Key.IndicatorCode} for {twice.Key.UnitCode} {twice.Key.Year} is set by more than one plan ({string.Join(", ", twice.Select(x => x.Plan.SourceFile))}).");
    }

    public IEnumerable<Observation> Observations(string file, ValuesFile values, IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyDictionary<string, Indicator> indicators)
    {
        var result = new List<Observation>();
        for (var i = 0; i < values.Observations.Count; i++)
        {
            var v = values.Observations[i];
            var at = $"{file}: observations[{i}] ({v.UnitCode} {v.IndicatorCode} {v.Period})";
            if (!units.ContainsKey(v.UnitCode)) errors.Add($"{at}: unknown unit '{v.UnitCode}'.");
            if (!indicators.TryGetValue(v.IndicatorCode, out var indicator)) errors.Add($"{at}: unknown indicator code '{v.IndicatorCode}'.");
            else if (!indicator.HasParts && (v.Numerator is not null || v.Denominator is not null))
                errors.Add($"{at}: a {indicator.Kind} has no numerator or denominator.");
            if (string.IsNullOrWhiteSpace(v.Source)) errors.Add($"{at}: the source sentence is empty.");
            if (!Period.TryParseCode(v.Period, out var period)) { errors.Add($"{at}: '{v.Period}' is not a period code."); continue; }
            result.Add(new Observation(v.UnitCode, v.IndicatorCode, period, v.Value, v.Numerator, v.Denominator, v.Source));
        }
        return result;
    }

    public List<SeedUser> Users(IReadOnlyList<SeedUser> users, IReadOnlyDictionary<string, OrgUnit> units)
    {
        const string file = "users.json";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < users.Count; i++)
        {
            var (u, at) = (users[i], $"{file}: users[{i}] ({users[i].Id})");
            if (!ids.Add(u.Id)) errors.Add($"{at}: duplicate user id '{u.Id}'.");
            if (!keys.Add(u.DevKey)) errors.Add($"{at}: the dev key is used by another user.");
            if (u.DevKey.Length < MinimumDevKeyLength) errors.Add($"{at}: the dev key is shorter than {MinimumDevKeyLength} characters.");
            var expectedLevel = u.Role switch { UserRole.Province => UnitLevel.Province, UserRole.District => UnitLevel.District, _ => (UnitLevel?)null };
            if (expectedLevel is null)
            {
                if (u.UnitCode is not null && !units.ContainsKey(u.UnitCode)) errors.Add($"{at}: unknown unit '{u.UnitCode}'.");
            }
            else if (u.UnitCode is null || !units.TryGetValue(u.UnitCode, out var unit))
                errors.Add($"{at}: a {u.Role} user needs a known unit, not '{u.UnitCode}'.");
            else if (unit.Level != expectedLevel)
                errors.Add($"{at}: a {u.Role} user must belong to a {expectedLevel} unit; {unit.Code} is a {unit.Level}.");
        }
        return users.ToList();
    }
}
