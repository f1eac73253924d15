using System.Globalization;
using Azure;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Audit;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Submissions;

// GET  /api/units/{unit}/periods/{period}/values   the committed version of a form, ETag "<version>"
// POST /api/units/{unit}/periods/{period}/values   a batch, If-Match "<version>", optional Idempotency-Key, ?dryRun
public static class ValuesApi
{
    // A claim older than this belongs to a writer that died between claiming and committing.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public static RouteGroupBuilder MapValues(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units/{unit}/periods/{period}/values").WithTags("Values");
        group.MapGet("/", GetAsync).RequireUnitAccess(UnitAccess.Read);
        group.MapPost("/", SubmitAsync)
            .RequireUnitAccess(UnitAccess.Write)
            .AddEndpointFilter<IdempotencyFilter<SubmissionRequest>>()
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    public sealed record SubmissionStores(IndicatorStore Indicators, FormStore Forms, ValueStore Values, CommittedValues Committed, AuditStore Audit, ILoggerFactory Logs);

    private static async Task<Ok<FormValues>> GetAsync(string unit, string period, FormStore forms, ValueStore values, HttpContext http, CancellationToken cancellationToken)
    {
        var p = Period.ParseCode(period);
        var form = await forms.GetAsync(unit, p.Code, cancellationToken) ?? FormState.New(unit, p.Code);
        var rows = await values.ReadAsync(unit, p, form.CurrentVersion, cancellationToken);
        http.Response.Headers.ETag = form.Etag;
        return TypedResults.Ok(new FormValues(unit, p.Code, form.CurrentVersion, form.Etag, form.Status,
            rows.Select(o => new ValueRow(o.IndicatorCode, o.Value, o.Numerator, o.Denominator, o.Note)).ToList()));
    }

    private static async Task<Results<Ok<ImportSummary>, UnprocessableEntity<ImportSummary>, ProblemHttpResult, ValidationProblem>> SubmitAsync(
        string unit, string period, SubmissionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, [AsParameters] SubmissionStores stores,
        WorkflowGate workflow, HttpContext http, CancellationToken cancellationToken, bool dryRun = false)
    {
        var p = Period.ParseCode(period);
        if (p.Kind == PeriodKind.PlanPeriod)
            return Problems.Invalid("period", $"'{p.Code}' là giai đoạn kế hoạch; số liệu được báo cáo theo tháng, quý, 6 tháng, 9 tháng hoặc năm.",
                $"'{p.Code}' is a plan period; figures are reported per month, quarter, 6 months, 9 months or year.");
        if (body.Values is not { Count: > 0 } rows)
            return Problems.Invalid("values", "Danh sách số liệu trống.", "The list of values is empty.");
        if (rows.Count > BatchValidation.MaxRows)
            return Problems.Invalid("values", $"Mỗi lần gửi tối đa {BatchValidation.MaxRows} dòng.", $"At most {BatchValidation.MaxRows} rows per submission.");

        var form = await stores.Forms.GetAsync(unit, p.Code, cancellationToken) ?? FormState.New(unit, p.Code);
        if (form.Exists && string.IsNullOrEmpty(ifMatch))
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                $"Biểu đã có phiên bản {form.CurrentVersion}; hãy gửi kèm If-Match: {form.Etag} đã đọc để không ghi đè thay đổi của người khác.",
                $"The form is at version {form.CurrentVersion}; send the If-Match: {form.Etag} you read so no one else's change is overwritten.",
                new Dictionary<string, object?> { ["currentEtag"] = form.Etag });
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != form.Etag)
            return StaleProblem(form);
        if (form.Status is FormStatus.Approved or FormStatus.Locked)
            return Problems.Conflict($"Biểu {unit} kỳ {p.Code} đã {(form.Status == FormStatus.Approved ? "được duyệt" : "bị khóa")}; không thể sửa số liệu.",
                $"The form of {unit} for {p.Code} is {form.Status.ToString().ToLowerInvariant()}; its values can no longer change.",
                new Dictionary<string, object?> { ["status"] = form.Status.ToString() });
        // Approved or locked by the reporting workflow: only an unlock by the parent level lets the figures change.
        if (await workflow.CheckEditAsync(unit, p, cancellationToken) is { } refusal)
            return Problems.Conflict(refusal.MessageVi, refusal.MessageEn);

        var indicators = await stores.Indicators.GetAllAsync(cancellationToken);
        var current = await stores.Values.ReadAsync(unit, p, form.CurrentVersion, cancellationToken);
        // The same period of the three years before: enough history for the far-from-history warning, three point reads.
        var history = new List<Observation>();
        for (var back = p.SamePeriodLastYear(); back.Year >= p.Year - 3; back = back.SamePeriodLastYear())
            history.AddRange(await stores.Committed.ReadAsync(unit, back, cancellationToken));
        var batch = BatchValidation.Validate(unit, p, rows, indicators, current, history);
        ImportSummary Summary(int version) => new(dryRun, batch.Imported, batch.Updated, batch.Ignored, batch.Rejected, batch.Warnings, version, Etags.Of(version));

        if (batch.Rejected.Count > 0) return TypedResults.UnprocessableEntity(Summary(form.CurrentVersion));
        if (dryRun || batch.Imported + batch.Updated == 0)
        {
            http.Response.Headers.ETag = form.Etag;
            return TypedResults.Ok(Summary(form.CurrentVersion));
        }
        if (form.PendingVersion is not null && form.PendingSince > DateTimeOffset.UtcNow - ClaimLease)
            return Problems.Conflict("Một lượt gửi khác cho biểu này đang được ghi; hãy tải lại sau giây lát.",
                "Another submission to this form is being written; reload in a moment.", new Dictionary<string, object?> { ["currentEtag"] = form.Etag });

        var caller = http.User.ToUser();
        FormState claimed;
        try
        {
            claimed = await stores.Forms.ClaimAsync(form, caller.Id, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return StaleProblem(await stores.Forms.GetAsync(unit, p.Code, cancellationToken) ?? form);
        }
        await stores.Values.WriteAsync(unit, p, claimed.PendingVersion!.Value, batch.Merged, cancellationToken);
        FormState committed;
        try
        {
            committed = await stores.Forms.CommitAsync(claimed, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Only a writer that took over an expired claim can get here; the rows at this version are now its own.
            return StaleProblem(await stores.Forms.GetAsync(unit, p.Code, cancellationToken) ?? form);
        }

        await stores.Audit.AppendAsync(AuditEntries(batch, current, caller.Id, unit, p, AuditOrigin.Of(http)), cancellationToken);
        try
        {
            await stores.Values.DeleteVersionsBeforeAsync(unit, p, committed.CurrentVersion - 1, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // Old versions are invisible to readers; leaving them costs storage, not correctness.
            stores.Logs.CreateLogger(typeof(ValuesApi)).LogWarning(e, "Could not delete old versions of {Unit} {Period}", unit, p.Code);
        }
        http.Response.Headers.ETag = committed.Etag;
        return TypedResults.Ok(Summary(committed.CurrentVersion));
    }

    private static ProblemHttpResult StaleProblem(FormState current) =>
        Problems.Conflict($"Biểu đã được người khác cập nhật (phiên bản hiện tại {current.CurrentVersion}); hãy tải lại số liệu rồi gửi lại.",
            $"Someone else updated the form (current version {current.CurrentVersion}); reload the values and submit again.",
            new Dictionary<string, object?> { ["currentEtag"] = current.Etag });

    private static List<AuditEntry> AuditEntries(ValidatedBatch batch, IReadOnlyList<Observation> before, string user, string unit, Period p, string? from)
    {
        var old = before.ToDictionary(o => o.IndicatorCode, StringComparer.Ordinal);
        var at = DateTimeOffset.UtcNow;
        return batch.Incoming
            .Where(o => !old.TryGetValue(o.IndicatorCode, out var was) || was != o)
            .Select(o => new AuditEntry(at, user, old.ContainsKey(o.IndicatorCode) ? AuditAction.ValueChanged : AuditAction.ValueAdded, unit, p.Code,
                o.IndicatorCode, old.TryGetValue(o.IndicatorCode, out var was) ? Describe(was) : null, Describe(o), from))
            .ToList();
    }

    private static string Describe(Observation o)
    {
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = N(o.Value);
        if (o.Numerator is not null || o.Denominator is not null) text += $" ({N(o.Numerator)}/{N(o.Denominator)})";
        return o.Note is null ? text : $"{text} [{o.Note}]";
    }
}
