using System.Net.Http.Json;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// Catalog writes as an administrator sends them: JSON body, If-Match when given.
public static class CatalogRequests
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// The ETag header of a GET, exactly as sent.
    public static async Task<string> EtagAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("ETag").Single();
    }
}
