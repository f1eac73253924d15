using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Identity;

public enum UnitAccess { Read, Write }

/// A unit as it sits in the tree of one year: access follows the tree of the period's year.
public sealed record UnitScope(string UnitCode, int Year, OrgTree Tree);

public sealed record UnitAccessRequirement(UnitAccess Access) : IAuthorizationRequirement;

/// Admins reach every unit. Province and district staff read their own unit's subtree and write
/// inside it too (a district enters its communes' figures; the province its own hospitals').
public sealed class UnitAccessHandler : AuthorizationHandler<UnitAccessRequirement, UnitScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitAccessRequirement requirement, UnitScope scope)
    {
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var caller = context.User.ToUser();
        if (caller.Role == UserRole.Admin || caller.UnitCode is { } home && scope.Tree.IsWithin(scope.UnitCode, home, scope.Year))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// Checks the caller's access to the route's {unit} (or the query's unit) in the year of the route's {period} or {year}
/// (else the query's year, else this year) before the endpoint runs. A refused write is audited.
public sealed class UnitAccessFilter(UnitAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unitCode = http.Request.RouteValues["unit"]?.ToString() ?? http.Request.Query["unit"].ToString();
        if (!TryYear(http, out var year, out var periodText))
            return Problems.Invalid("period", $"'{periodText}' không phải mã kỳ báo cáo (2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M).",
                $"'{periodText}' is not a period code (2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M).");
        var tree = await http.RequestServices.GetRequiredService<UnitStore>().GetTreeAsync(http.RequestAborted);
        if (tree.Find(unitCode) is null)
            return Problems.NotFound($"Không có đơn vị mã '{unitCode}'.", $"There is no unit with code '{unitCode}'.");
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, new UnitScope(unitCode, year, tree), new UnitAccessRequirement(access));
        if (result.Succeeded) return await next(context);

        var caller = http.User.ToUser();
        if (access == UnitAccess.Write)
        {
            await http.RequestServices.GetRequiredService<AuditStore>().AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, caller.Id,
                AuditAction.Denied, unitCode, http.Request.RouteValues["period"]?.ToString(), null, null,
                $"{http.Request.Method} {http.Request.Path}: outside the caller's units", AuditOrigin.Of(http)), http.RequestAborted);
        }
        var verbVi = access == UnitAccess.Write ? "ghi số liệu cho" : "xem số liệu của";
        var verbEn = access == UnitAccess.Write ? "write figures for" : "read figures of";
        return Problems.Forbidden($"Tài khoản {caller.Id} (đơn vị {caller.UnitCode}) không được {verbVi} đơn vị {unitCode}.",
            $"User {caller.Id} (unit {caller.UnitCode}) may not {verbEn} unit {unitCode}.");
    }

    private static bool TryYear(HttpContext http, out int year, out string? periodText)
    {
        periodText = http.Request.RouteValues["period"]?.ToString();
        if (periodText is not null)
        {
            var ok = Period.TryParseCode(periodText, out var period);
            year = ok ? period.Year : 0;
            return ok;
        }
        var yearText = http.Request.RouteValues["year"]?.ToString() ?? http.Request.Query["year"].ToString();
        periodText = yearText;
        // "This year" is Vietnam's: for seven hours each New Year's Eve the UTC year is still the old one.
        if (string.IsNullOrEmpty(yearText)) { year = Core.Workflow.VietnamTime.YearOf(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()); return true; }
        return int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2200;
    }
}

public static class UnitAccessExtensions
{
    /// The unit tree, read as the request arrives (a point read of its version row while this instance holds the tree):
    /// the access check awaits the same read, which <see cref="UnitStore"/> keeps for the request.
    private static readonly ReadAhead TreeReadAhead = new(http => [http.RequestServices.GetRequiredService<UnitStore>().GetTreeAsync(http.RequestAborted)]);

    /// The caller must reach the route's {unit}; otherwise 403 (a write is also audited) or 404 for an unknown unit.
    public static TBuilder RequireUnitAccess<TBuilder>(this TBuilder builder, UnitAccess access) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(new UnitAccessFilter(access));
        builder.WithMetadata(TreeReadAhead);
        // The filter's answers, so the OpenAPI document (and the add-in's client generated from it) knows them.
        string[] problem = ["application/problem+json"];
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), problem),
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), problem),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), problem),
            new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), problem));
        return builder;
    }
}
