using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Targets;

/// A target as stored: the original text and how it was read (a text-only target says why in Reason).
public sealed record TargetItem(string IndicatorCode, int Year, string Text, TargetForm Form, decimal? Value, decimal? Low, decimal? High,
    string? PlanPeriod, string? Reason);

public sealed record TargetInput(string? IndicatorCode, string? Text, string? PlanPeriod);

public sealed record TargetsRequest(IReadOnlyList<TargetInput>? Targets);

// GET /api/units/{unit}/targets?year=2021   a unit's targets for a year (yearly plan and plan-period milestones)
// PUT /api/units/{unit}/targets/{year}      (admin) replaces that set; every change is audited old → new
public static class TargetsApi
{
    public static RouteGroupBuilder MapTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/targets").WithTags("Targets");
        group.MapGet("/", ListAsync).RequireUnitAccess(UnitAccess.Read);
        group.MapPut("/{year:int}", ReplaceAsync).RequireAuthorization(IdentitySetup.AdminPolicy).RequireUnitAccess(UnitAccess.Write)
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024));
        return api;
    }

    public static TargetItem ToItem(Target t) => new(t.IndicatorCode, t.Year, t.Expression.Text, t.Expression.Form, t.Expression.Value,
        t.Expression.Low, t.Expression.High, t.PlanPeriod, t.Expression.Reason);

    private static async Task<Ok<List<TargetItem>>> ListAsync(string unit, TargetStore targets, TimeProvider clock, CancellationToken cancellationToken, int? year = null) =>
        TypedResults.Ok((await targets.GetAsync(unit, year ?? Core.Workflow.VietnamTime.YearOf(clock.GetUtcNow()), cancellationToken))
            .OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.PlanPeriod).Select(ToItem).ToList());

    private static async Task<Results<Ok<List<TargetItem>>, ValidationProblem>> ReplaceAsync(
        string unit, int year, TargetsRequest body, TargetStore targets, IndicatorStore indicators, AuditStore audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var wanted = new List<Target>();
        var rows = body.Targets ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IndicatorCode is not { } code || !catalog.ContainsKey(code))
                return Problems.Invalid($"targets[{i}].indicatorCode", $"Không có chỉ tiêu mã '{row.IndicatorCode}'.", $"There is no indicator with code '{row.IndicatorCode}'.");
            if (string.IsNullOrWhiteSpace(row.Text))
                return Problems.Invalid($"targets[{i}].text", "Thiếu nội dung chỉ tiêu kế hoạch.", "The target text is missing.");
            if (Input.InputLimits.CheckLength(row.Text, Input.InputLimits.MaxTargetTextLength, "Nội dung chỉ tiêu kế hoạch", "target text") is { } tooLong)
                return Problems.Invalid($"targets[{i}].text", tooLong.Vi, tooLong.En);
            string? plan = null;
            if (!string.IsNullOrWhiteSpace(row.PlanPeriod))
            {
                if (!Period.TryParseCode(row.PlanPeriod, out var p) || p.Kind != PeriodKind.PlanPeriod || year < p.Year || year > p.EndYear + 10)
                    return Problems.Invalid($"targets[{i}].planPeriod", $"'{row.PlanPeriod}' không phải giai đoạn kế hoạch chứa năm {year} (ví dụ 2021-2025).",
                        $"'{row.PlanPeriod}' is not a plan period covering {year} (e.g. 2021-2025).");
                plan = p.Code;
            }
            if (wanted.Any(t => t.IndicatorCode == code && t.PlanPeriod == plan))
                return Problems.Invalid($"targets[{i}].indicatorCode", $"Chỉ tiêu '{code}' bị lặp.", $"Indicator '{code}' appears twice.");
            wanted.Add(new Target(unit, code, year, TargetParser.Parse(row.Text.Trim()), plan));
        }

        var before = (await targets.GetAsync(unit, year, cancellationToken)).ToDictionary(t => (t.IndicatorCode, t.PlanPeriod));
        var removed = before.Values.Where(t => !wanted.Any(w => w.IndicatorCode == t.IndicatorCode && w.PlanPeriod == t.PlanPeriod)).ToList();
        await targets.UpsertAsync(wanted, cancellationToken);
        await targets.DeleteAsync(removed, cancellationToken);

        var who = http.User.ToUser().Id;
        var from = AuditOrigin.Of(http);
        var at = DateTimeOffset.UtcNow;
        var label = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = wanted
            .Where(t => !before.TryGetValue((t.IndicatorCode, t.PlanPeriod), out var old) || old.Expression.Text != t.Expression.Text)
            .Select(t => new AuditEntry(at, who, AuditAction.TargetSet, unit, t.PlanPeriod ?? label, t.IndicatorCode,
                before.GetValueOrDefault((t.IndicatorCode, t.PlanPeriod))?.Expression.Text, t.Expression.Text, from))
            .Concat(removed.Select(t => new AuditEntry(at, who, AuditAction.TargetRemoved, unit, t.PlanPeriod ?? label, t.IndicatorCode,
                t.Expression.Text, null, from)))
            .ToList();
        await audit.AppendAsync(entries, cancellationToken);
        return TypedResults.Ok(wanted.OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).Select(ToItem).ToList());
    }
}
