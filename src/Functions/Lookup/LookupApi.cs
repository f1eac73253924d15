using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Numbers;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Attainment;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Lookup;

public enum LookupKind { Value, Target, Attainment }

public sealed record LookupItem(LookupKind? Kind, string? IndicatorCode, string? UnitCode, string? Period);

public sealed record LookupRequest(IReadOnlyList<LookupItem>? Items);

/// One answer: a number when there is one, the text to show (Vietnamese formatting), or an error naming what is wrong.
public sealed record LookupResult(decimal? Value, string? Text, string? Error);

public sealed record LookupResponse(IReadOnlyList<LookupResult> Results);

// POST /api/lookup   many small questions in one call, answered in order (Excel custom functions batch their cells)
public static class LookupApi
{
    private const int MaxItems = 2000;

    public static RouteGroupBuilder MapLookup(this RouteGroupBuilder api)
    {
        api.MapPost("/lookup", LookupAsync).WithTags("Lookup").WithSummary("Answer many value, target and attainment questions in one call").WithMetadata(new RequestSizeLimitAttribute(1024 * 1024));
        return api;
    }

    private static async Task<Results<Ok<LookupResponse>, ValidationProblem>> LookupAsync(
        LookupRequest body, FigureBooks books, TargetStore targets, IAuthorizationService authorization, HttpContext http, CancellationToken cancellationToken)
    {
        var items = body.Items ?? [];
        if (items.Count > MaxItems)
            return Errors.Problems.Invalid("items", $"Tối đa {MaxItems} ô mỗi lần.", $"At most {MaxItems} items per call.");
        var book = await books.OpenAsync(cancellationToken);
        var results = new List<LookupResult>(items.Count);
        foreach (var item in items)
            results.Add(await AnswerAsync(item, book, targets, authorization, http, cancellationToken));
        return TypedResults.Ok(new LookupResponse(results));
    }

    private static async Task<LookupResult> AnswerAsync(LookupItem item, FigureBook book, TargetStore targets, IAuthorizationService authorization,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (item.Kind is not { } kind) return Error("Thiếu loại: value, target hoặc attainment.");
        if (item.UnitCode is not { } unit || book.Tree.Find(unit) is null) return Error($"Không có đơn vị '{item.UnitCode}'.");
        if (item.IndicatorCode is not { } code || !book.Indicators.TryGetValue(code, out var indicator)) return Error($"Không có chỉ tiêu '{item.IndicatorCode}'.");
        if (!Period.TryParseCode(item.Period, out var period) && !PeriodLabel.TryParse(item.Period, out period))
            return Error($"'{item.Period}' không phải kỳ báo cáo (2021, 2021-Q1, Quý I/2021...).");
        var access = await authorization.AuthorizeAsync(http.User, new UnitScope(unit, period.Year, book.Tree), new UnitAccessRequirement(UnitAccess.Read));
        if (!access.Succeeded) return Error($"Không được xem số liệu của đơn vị {unit}.");

        var target = (await targets.GetInForceAsync(unit, period.Year, cancellationToken)).GetValueOrDefault(code);
        if (kind == LookupKind.Target)
            return target is null ? Error("Chưa có chỉ tiêu kế hoạch.") : new(target.Expression.Value, target.Expression.Text, null);
        var actual = (await book.ActualsAsync(unit, period, cancellationToken)).GetValueOrDefault(code)?.Observation?.Value;
        if (kind == LookupKind.Value)
            return actual is { } v ? new(v, VietnameseNumber.Format(v, Decimals(v)), null) : Error("Chưa có số liệu.");
        var baseline = (await book.ActualsAsync(unit, AttainmentRules.BaselinePeriod(period, target?.Expression), cancellationToken)).GetValueOrDefault(code)?.Observation?.Value;
        var row = AttainmentApi.Row(indicator, period, target?.Expression, actual, baseline);
        return new(row.PercentOfPlan, row.Label, null);
    }

    private static int Decimals(decimal value) => Math.Min((int)value.Scale, 4);

    private static LookupResult Error(string message) => new(null, null, message);
}
