using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Submissions;

/// Makes a write with an Idempotency-Key header safe to retry: the first response (success or a
/// rejected batch) is stored against the key, and the same request with the same key gets that
/// response back without writing again. The same key with a different request is refused.
public sealed class IdempotencyFilter<TBody> : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        // Table keys may not hold / \ # ? or control characters; clients use GUIDs or similar.
        if (key.Length > 200 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            return Problems.Invalid(Header, "Idempotency-Key chỉ gồm chữ, số, '-', '_', '.', ':' và dài tối đa 200 ký tự.",
                "Idempotency-Key may hold only letters, digits, '-', '_', '.', ':' and at most 200 characters.");

        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var unitCode = http.Request.RouteValues["unit"]?.ToString() ?? "";
        var hash = RequestHash(http, context.Arguments.OfType<TBody>().FirstOrDefault());
        if (await store.GetAsync(unitCode, key, http.RequestAborted) is { } stored)
        {
            if (stored.RequestHash != hash)
                return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key đã được dùng",
                    $"Khóa '{key}' đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.",
                    $"The key '{key}' was already used for a different request; use a new key for a new request.");
            if (stored.Etag is not null) http.Response.Headers.ETag = stored.Etag;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Content(stored.Body, $"{stored.ContentType ?? "application/json"}; charset=utf-8", Encoding.UTF8, stored.Status);
        }

        var result = await next(context);
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        // Only answers that a retry must see again are kept: a write done, or a batch rejected for its content.
        // A conflict or a failure is not: the retry should try again.
        if (outcome is IStatusCodeHttpResult { StatusCode: 200 or 422 } status && outcome is IValueHttpResult { Value: { } value })
        {
            var json = JsonSerializer.Serialize(value, value.GetType(), JsonOptions(http));
            var etag = http.Response.Headers.ETag.ToString();
            var mediaType = outcome is ProblemHttpResult ? "application/problem+json" : "application/json";
            await store.TryAddAsync(unitCode, key, new StoredResponse(hash, status.StatusCode!.Value, json, etag.Length == 0 ? null : etag, mediaType),
                http.RequestAborted);
        }
        return result;
    }

    private static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    // The body is hashed as re-serialised, so a retry that differs only in whitespace is the same request.
    private static string RequestHash(HttpContext http, TBody? body)
    {
        var text = $"{http.Request.Method}\n{http.Request.Path}\n{http.Request.QueryString}\n{JsonSerializer.Serialize(body, JsonOptions(http))}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
