using Azure;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workflow;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Workflow;

// GET  /api/units/{unit}/periods/{period}/status        the form's workflow state; ETag: "w<version>"
// POST /api/units/{unit}/periods/{period}/submit        the unit sends its form            (If-Match once stored)
// POST /api/units/{unit}/periods/{period}/approve       the parent level accepts it        (If-Match; ?formVersion=N: only that values version)
// POST /api/units/{unit}/periods/{period}/return        {reason}: sent back, editable again (If-Match)
// POST /api/units/{unit}/periods/{period}/unlock        {until, reason}: province exception (If-Match)
// GET  /api/units/{unit}/periods/{period}/completeness  the unit's children: expected, received, on time, late
public static class WorkflowApi
{
    /// Maps the routes on the "/api" group.
    public static RouteGroupBuilder MapWorkflow(this RouteGroupBuilder api)
    {
        var form = api.MapGroup("/units/{unit}/periods/{period}")
            .RequireUnitAccess(UnitAccess.Read)
            .WithTags("Workflow");
        // The transitions' own answers besides the unit check's: a stale or missing If-Match, a move the rules refuse.
        var transitions = form.MapGroup("")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        form.MapGet("/status", GetStatusAsync).ReturnsETag("The workflow version").WithSummary("The form's workflow status, deadline and lock date");
        transitions.MapPost("/submit", (string unit, string period, HttpContext http, WorkflowEndpoint endpoint, CancellationToken ct) =>
            endpoint.TransitionAsync(unit, period, new TransitionAsk(WorkflowAction.Submit, null, null), http, ct))
            .AcceptsIfMatch("once the form has a workflow state").ReturnsETag("The new workflow version").WithSummary("Send the form: Draft or Returned to Submitted (the unit's staff)");
        transitions.MapPost("/approve", (string unit, string period, HttpContext http, WorkflowEndpoint endpoint, CancellationToken ct) =>
            endpoint.TransitionAsync(unit, period, new TransitionAsk(WorkflowAction.Approve, null, null), http, ct))
            .AcceptsIfMatch("once the form has a workflow state").ReturnsETag("The new workflow version").WithSummary("Approve a submitted form (the level above)");
        transitions.MapPost("/return", (string unit, string period, ReturnRequest body, HttpContext http, WorkflowEndpoint endpoint, CancellationToken ct) =>
            endpoint.TransitionAsync(unit, period, new TransitionAsk(WorkflowAction.Return, body.Reason, null), http, ct))
            .AcceptsIfMatch("once the form has a workflow state").ReturnsETag("The new workflow version").WithSummary("Return a submitted form with a reason (the level above); editable again");
        transitions.MapPost("/unlock", (string unit, string period, UnlockRequest body, HttpContext http, WorkflowEndpoint endpoint, CancellationToken ct) =>
            endpoint.TransitionAsync(unit, period, new TransitionAsk(WorkflowAction.Unlock, body.Reason, body.Until), http, ct))
            .AcceptsIfMatch("once the form has a workflow state").ReturnsETag("The new workflow version").WithSummary("Open a locked form until a date, with a reason (the province); back to Draft");
        form.MapGet("/completeness", GetCompletenessAsync).WithSummary("Which children sent the period's form on time, late, or not at all");
        return api;
    }

    private static async Task<Ok<WorkflowView>> GetStatusAsync(string unit, string period, HttpContext http,
        WorkflowStore store, UnitStore units, WorkflowRulesSource rules, TimeProvider clock, CancellationToken ct)
    {
        var tree = await units.GetTreeAsync(ct);
        var stored = await store.GetAsync(unit, Period.ParseCode(period), ct);
        http.Response.Headers.ETag = stored.Etag;
        return TypedResults.Ok(WorkflowView.Of(stored, rules.For(tree), tree.Find(unit)!.Level, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<CompletenessView>, ValidationProblem>> GetCompletenessAsync(string unit, string period,
        WorkflowStore store, UnitStore units, WorkflowRulesSource rules, TimeProvider clock, CancellationToken ct)
    {
        var p = Period.ParseCode(period);
        if (p.Kind == PeriodKind.PlanPeriod)
            return Problems.Invalid("period", $"'{period}' là giai đoạn kế hoạch, không có biểu báo cáo.", $"'{period}' is a plan period; it has no report forms.");
        var tree = await units.GetTreeAsync(ct);
        var children = tree.ChildrenOf(unit, p.Year).Select(c => c.Code);
        var forms = await store.GetManyAsync(children, p, ct);
        return TypedResults.Ok(CompletenessView.Of(Completeness.For(tree, rules.For(tree), unit, p, forms, clock.GetUtcNow())));
    }
}

public sealed record TransitionAsk(WorkflowAction Action, string? Reason, DateOnly? Until);

/// One transition: read the state with its ETag, check If-Match, apply Core's rules, save with the
/// ETag read, audit. Two concurrent approvals: the second either fails If-Match or loses the table's
/// ETag race, and gets 409 with the current ETag; it never overwrites the first. Before saving, the audit of
/// the form's last value commit is made whole when its writer died before writing it, so a form is never
/// submitted, approved, returned or unlocked with figures whose changes the audit does not show.
public sealed class WorkflowEndpoint(WorkflowStore store, UnitStore units, AuditStore audit, FormWriter writer, WorkflowRulesSource rules, TimeProvider clock)
{
    public async Task<Results<Ok<WorkflowView>, ProblemHttpResult, ValidationProblem>> TransitionAsync(
        string unit, string period, TransitionAsk ask, HttpContext http, CancellationToken ct)
    {
        if (Input.InputLimits.CheckLength(ask.Reason, Input.InputLimits.MaxReasonLength, "Lý do", "reason") is { } tooLong)
            return Problems.Invalid("reason", tooLong.Vi, tooLong.En);
        var p = Period.ParseCode(period);
        var tree = await units.GetTreeAsync(ct);
        var caller = http.User.ToUser();
        var read = await store.GetAsync(unit, p, ct);

        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        if (read.Exists && ifMatch.Length == 0)
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                $"Biểu đã có trạng thái; gửi kèm tiêu đề If-Match: {read.Etag} lấy từ GET .../status.",
                $"The form has a workflow state; send If-Match: {read.Etag} as read from GET .../status.",
                new Dictionary<string, object?> { ["currentEtag"] = read.Etag });
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != read.Etag)
            return Stale(read.Etag);
        // The approver names the values version it looked at; the approval is saved against this same read of the
        // form, so it approves exactly that version and no value commit can land after it.
        if (ask.Action == WorkflowAction.Approve && http.Request.Query["formVersion"].ToString() is { Length: > 0 } seen
            && (!int.TryParse(seen, System.Globalization.CultureInfo.InvariantCulture, out var version) || version != read.FormVersion))
            return Problems.Conflict(
                $"Số liệu của biểu đã thay đổi (phiên bản hiện tại {read.FormVersion}, bạn đã xem {seen}); hãy xem lại trước khi duyệt.",
                $"The form's figures changed (current version {read.FormVersion}, you looked at {seen}); review them again before approving.",
                new Dictionary<string, object?> { ["currentEtag"] = read.Etag, ["formVersion"] = read.FormVersion });

        var now = clock.GetUtcNow();
        var workflow = rules.For(tree);
        var (next, refusal) = workflow.Apply(read.State, new WorkflowRequest(ask.Action, new WorkflowActor(caller.Id, caller.UnitCode ?? ""), ask.Reason, ask.Until), now);
        if (refusal is not null)
        {
            await Denials.RecordAsync(http, unit, p.Code, refusal.MessageEn);
            return refusal.Kind switch
            {
                RefusalKind.Forbidden => Problems.Forbidden(refusal.MessageVi, refusal.MessageEn),
                RefusalKind.Conflict => Problems.Conflict(refusal.MessageVi, refusal.MessageEn, new Dictionary<string, object?> { ["currentEtag"] = read.Etag }),
                _ => Problems.Invalid(ask.Action == WorkflowAction.Unlock && ask.Until is null ? "until" : "reason", refusal.MessageVi, refusal.MessageEn),
            };
        }

        StoredWorkflow saved;
        try
        {
            if (read.Record is { } record && await writer.RecoverAsync(FormStore.StateOf(record), p, ct) is { } form && form.Version != record.ETag)
                read = read with { Record = form.Record };
            saved = await store.SaveAsync(read, next!, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return Stale((await store.GetAsync(unit, p, ct)).Etag);
        }

        await audit.AppendAsync(new AuditEntry(now, caller.Id, AuditActionOf(ask.Action), unit, p.Code, null,
            read.State.Status.ToString(), Describe(saved.State, ask), AuditOrigin.Of(http)), ct);
        http.Response.Headers.ETag = saved.Etag;
        return TypedResults.Ok(WorkflowView.Of(saved, workflow, tree.Find(unit)!.Level, now));
    }

    private static ProblemHttpResult Stale(string currentEtag) => Problems.Conflict(
        $"Trạng thái biểu đã bị người khác thay đổi; tải lại (phiên bản hiện tại {currentEtag}) rồi thử lại.",
        $"Someone else changed the form's workflow state; reload (current version {currentEtag}) and try again.",
        new Dictionary<string, object?> { ["currentEtag"] = currentEtag });

    private static AuditAction AuditActionOf(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => AuditAction.FormSubmitted,
        WorkflowAction.Approve => AuditAction.FormApproved,
        WorkflowAction.Return => AuditAction.FormReturned,
        _ => AuditAction.FormUnlocked,
    };

    // The audit's "new" column: the status reached, and for a return or an unlock its reason and end date.
    private static string Describe(WorkflowState state, TransitionAsk ask) => ask.Action switch
    {
        WorkflowAction.Return => $"{state.Status}: {state.ReturnReason}",
        WorkflowAction.Unlock => $"{state.Status} until {state.Exception!.Until:yyyy-MM-dd}: {state.Exception.Reason}",
        _ => state.Status.ToString(),
    };
}
