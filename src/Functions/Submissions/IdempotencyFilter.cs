using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Submissions;

/// Makes a write with an Idempotency-Key header safe to retry: the first request marks the key before it
/// does anything, and its answer (success or a rejected batch) replaces the mark. The same request with
/// the same key gets that answer back without writing again; when it arrives while the first is still
/// running (a client that timed out and retried, or sent twice at once) it waits for that answer. The same
/// key with a different request is refused.
public sealed class IdempotencyFilter<TBody> : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    // How long a retry waits for the first request's answer, and how often it looks. The first request
    // finishes its write even when its client has gone, so this covers the longest write.
    private static readonly TimeSpan Wait = FormWriter.ClaimLease + TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

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
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var unitCode = http.Request.RouteValues["unit"]?.ToString() ?? "";
        var hash = RequestHash(http, context.Arguments.OfType<TBody>().FirstOrDefault());
        var waitUntil = DateTimeOffset.UtcNow + Wait;
        IdempotencyRecord? mark = null;
        while (mark is null)
        {
            var stored = await store.GetAsync(unitCode, key, http.RequestAborted);
            if (stored is not null && stored.RequestHash != hash)
                return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key đã được dùng",
                    $"Khóa '{key}' đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.",
                    $"The key '{key}' was already used for a different request; use a new key for a new request.");
            if (stored?.Answer is { } answer) return Replay(http, answer);
            // In progress and its request still alive: wait for its answer. Past the wait it died: take over.
            if (stored is not null && DateTimeOffset.UtcNow < waitUntil && stored.Since > clock.GetUtcNow() - Wait)
            {
                await Task.Delay(Poll, http.RequestAborted);
                continue;
            }
            mark = await store.TryBeginAsync(unitCode, key, hash, clock.GetUtcNow(), stored, http.RequestAborted);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.AbandonAsync(unitCode, key, mark, CancellationToken.None);
            throw;
        }
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        // Only answers that a retry must see again are kept: a write done, or a batch rejected for its content.
        // A conflict or a failure is not: the retry should try again. The client may be gone by now; its retry is not.
        if (outcome is IStatusCodeHttpResult { StatusCode: 200 or 422 } status && outcome is IValueHttpResult { Value: { } value }
            && JsonSerializer.Serialize(value, value.GetType(), JsonOptions(http)) is var json && IdempotencyStore.CanKeep(json))
        {
            var etag = http.Response.Headers.ETag.ToString();
            var mediaType = outcome is ProblemHttpResult ? "application/problem+json" : "application/json";
            await store.CompleteAsync(unitCode, key, mark, new StoredResponse(hash, status.StatusCode!.Value, json, etag.Length == 0 ? null : etag, mediaType),
                CancellationToken.None);
        }
        else
            await store.AbandonAsync(unitCode, key, mark, CancellationToken.None);
        return result;
    }

    private static IResult Replay(HttpContext http, StoredResponse stored)
    {
        if (stored.Etag is not null) http.Response.Headers.ETag = stored.Etag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(stored.Body, $"{stored.ContentType ?? "application/json"}; charset=utf-8", Encoding.UTF8, stored.Status);
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
