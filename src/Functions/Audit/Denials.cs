using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HealthFuncs.Functions.Audit;

/// A write that was refused or denied, audited with its reason: who tried what, on which unit and period, from where.
public static class Denials
{
    public static Task RecordAsync(HttpContext http, string unitCode, string? period, string reason)
    {
        var caller = http.User.Identity?.IsAuthenticated == true ? http.User.ToUser().Id : "";
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var text = $"{http.Request.Method} {http.Request.Path}: {reason}";
        // The audit keeps the request's own words, bounded like every stored text.
        if (text.Length > Input.InputLimits.MaxReasonLength) text = text[..Input.InputLimits.MaxReasonLength];
        return http.RequestServices.GetRequiredService<AuditStore>().AppendAsync(
            new AuditEntry(now, caller, AuditAction.Denied, unitCode, period, null, null, text, AuditOrigin.Of(http)), CancellationToken.None);
    }
}

/// Audits a write the authorization policies forbid before any endpoint runs (a district calling an admin-only
/// route such as PUT targets or POST users); reads forbidden are answered without an entry, as before.
public sealed class AuditedAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            var unit = context.Request.RouteValues["unit"]?.ToString() ?? context.User.ToUser().UnitCode ?? "*";
            var period = context.Request.RouteValues["period"]?.ToString() ?? context.Request.RouteValues["year"]?.ToString();
            await Denials.RecordAsync(context, unit, period, "the caller's role may not do this");
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
