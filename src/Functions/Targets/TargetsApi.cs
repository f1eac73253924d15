using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Targets;

// GET /api/units/{unit}/targets?year=2021   a unit's targets for a year (yearly plan and plan-period milestones)
// PUT /api/units/{unit}/targets/{year}      (admin) replaces that set; every change, text or reading, is audited old → new
public static class TargetsApi
{
    public static RouteGroupBuilder MapTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/targets").WithTags("Targets");
        group.MapGet("/", ListAsync).RequireUnitAccess(UnitAccess.Read).WithSummary("A unit's targets for a year, as written and as read");
        group.MapPut("/{year:int}", ReplaceAsync).RequireAuthorization(IdentitySetup.AdminPolicy).RequireUnitAccess(UnitAccess.Write)
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithSummary("Replace a unit's targets for a year (admins); audited");
        return api;
    }

    private static async Task<Ok<List<TargetItem>>> ListAsync(string unit, TargetStore targets, IndicatorStore indicators, TimeProvider clock,
        CancellationToken cancellationToken, int? year = null)
    {
        var catalog = await indicators.GetAllAsync(cancellationToken);
        return TypedResults.Ok((await targets.GetAsync(unit, year ?? Core.Workflow.VietnamTime.YearOf(clock.GetUtcNow()), cancellationToken))
            .OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.PlanPeriod)
            .Select(t => TargetReadout.ToItem(t, catalog.GetValueOrDefault(t.IndicatorCode))).ToList());
    }

    private static async Task<Results<Ok<List<TargetItem>>, ValidationProblem>> ReplaceAsync(
        string unit, int year, TargetsRequest body, TargetStore targets, IndicatorStore indicators, AuditStore audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        var catalog = await indicators.GetAllAsync(cancellationToken);
        var before = (await targets.GetAsync(unit, year, cancellationToken)).ToDictionary(t => (t.IndicatorCode, t.PlanPeriod));
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
            var indicator = catalog[code];
            var read = TargetParser.Read(row.Text.Trim(), indicator);
            if (read.AmbiguousNumber is { } twoWays)
                return Problems.Invalid($"targets[{i}].text", $"Chỉ tiêu \"{row.Text.Trim()}\": {twoWays.AmbiguityVi(read.AmbiguousWritten!)}",
                    $"Target \"{row.Text.Trim()}\": {twoWays.AmbiguityEn(read.AmbiguousWritten!)}");
            if (!TargetReadout.TryReading(row.Reading, out var reading, out var toRule))
                return Problems.Invalid($"targets[{i}].reading", $"Cách đọc \"{row.Reading}\" không hợp lệ: dùng \"points\" (điểm), \"relative\" (tương đối) hoặc \"rule\" (theo quy tắc).",
                    $"Reading \"{row.Reading}\" is not valid: use \"points\", \"relative\" or \"rule\".");
            var expression = read.Expression;
            if (reading is not null && !ChangeReadings.IsOpen(expression, indicator))
                return Problems.Invalid($"targets[{i}].reading",
                    $"Chỉ tiêu \"{row.Text.Trim()}\" của '{code}' không phải mức thay đổi \"tăng/giảm N%\" trên một tỷ lệ, nên không chọn được cách đọc điểm hay tương đối.",
                    $"Target \"{row.Text.Trim()}\" of '{code}' is not a \"tăng/giảm N%\" change on a percentage, rate or ratio, so it has no points/relative reading to choose.");
            // An earlier choice is kept while the text stays the same; a new text is read anew.
            var kept = before.GetValueOrDefault((code, plan)) is { } old && old.Expression.Text == expression.Text ? old.Expression.Reading : null;
            wanted.Add(new Target(unit, code, year, expression with { Reading = toRule ? null : reading ?? kept }, plan, i));
        }

        var removed = before.Values.Where(t => !wanted.Any(w => w.IndicatorCode == t.IndicatorCode && w.PlanPeriod == t.PlanPeriod)).ToList();
        await targets.UpsertAsync(wanted, cancellationToken);
        await targets.DeleteAsync(removed, cancellationToken);

        var who = http.User.ToUser().Id;
        var from = AuditOrigin.Of(http);
        var at = DateTimeOffset.UtcNow;
        var label = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = wanted
            .Where(t => !before.TryGetValue((t.IndicatorCode, t.PlanPeriod), out var old) || TargetReadout.Audited(old) != TargetReadout.Audited(t))
            .Select(t => new AuditEntry(at, who, AuditAction.TargetSet, unit, t.PlanPeriod ?? label, t.IndicatorCode,
                before.GetValueOrDefault((t.IndicatorCode, t.PlanPeriod)) is { } old ? TargetReadout.Audited(old) : null, TargetReadout.Audited(t), from))
            .Concat(removed.Select(t => new AuditEntry(at, who, AuditAction.TargetRemoved, unit, t.PlanPeriod ?? label, t.IndicatorCode,
                TargetReadout.Audited(t), null, from)))
            .ToList();
        await audit.AppendAsync(entries, cancellationToken);
        return TypedResults.Ok(wanted.OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).Select(t => TargetReadout.ToItem(t, catalog[t.IndicatorCode])).ToList());
    }
}
