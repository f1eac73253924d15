using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthFuncs.Functions.Tests.Infrastructure;

public static class HttpExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// POSTs values with optional If-Match and Idempotency-Key headers.
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string unit, string period, object body,
        string? ifMatch = null, string? idempotencyKey = null, bool dryRun = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/periods/{period}/values" + (dryRun ? "?dryRun=true" : ""))
        {
            Content = JsonContent.Create(body, options: Json),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Json) ?? throw new InvalidOperationException("Empty body.");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    public static object Values(params (string Code, decimal Value)[] rows) =>
        new { values = rows.Select(r => new { indicatorCode = r.Code, value = r.Value }).ToArray() };
}
