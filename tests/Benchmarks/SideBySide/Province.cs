using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>
/// A province of 150 communes set up through the API as an administrator would, with a province user whose key the
/// rows use, and the values a commune reports: every indicator of the seeded catalog (the communes have no plan and
/// their province no set, so each form lists the whole catalog).
/// </summary>
public sealed class Province(HttpClient client, string key, IReadOnlyList<string> communes, JsonArray values)
{
    public const string Code = "BENCH";
    /// <summary>The province user whose key the rows use.</summary>
    public const string UserId = "bench-syt";
    public HttpClient Client => client;
    public string Key => key;
    public IReadOnlyList<string> Communes => communes;
    public int ValuesPerForm => values.Count;
    public JsonArray Values => values;

    public static async Task<Province> SetUpAsync(Uri server, string root, int communes)
    {
        var admin = await AdminKeyAsync(root);
        var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        await MustAsync(client, admin, HttpMethod.Post, "/api/units", new
        {
            code = Code, name = "Tỉnh đo tốc độ", level = "Province", parents = new[] { new { fromYear = 2000, parentCode = (string?)null } },
            governingBody = "UBND TỈNH ĐO TỐC ĐỘ", issuingAgency = "SỞ Y TẾ",
        });
        var codes = Enumerable.Range(1, communes).Select(n => $"{Code}-{n:000}").ToList();
        foreach (var code in codes)
            await MustAsync(client, admin, HttpMethod.Post, "/api/units", new
            {
                code, name = $"Xã đo tốc độ {code[^3..]}", level = "Commune", parents = new[] { new { fromYear = 2000, parentCode = Code } },
                governingBody = $"UBND XÃ {code}", issuingAgency = "TRẠM Y TẾ",
            });
        var user = await MustAsync(client, admin, HttpMethod.Post, "/api/users", new { id = UserId, name = "Sở Y tế đo tốc độ", role = "Province", unitCode = Code });
        var key = (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        return new Province(client, key, codes, await ValuesAsync(root));
    }

    /// <summary>The seeded administrator's development key.</summary>
    public static async Task<string> AdminKeyAsync(string root)
    {
        var seeds = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "seeds", "users.json")))!;
        return seeds["users"]!.AsArray().First(u => (string?)u!["id"] == "admin")!["devKey"]!.GetValue<string>();
    }

    /// <summary>One figure per catalog indicator: parts below their totals, percentages with their numerator and denominator.</summary>
    private static async Task<JsonArray> ValuesAsync(string root)
    {
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "seeds", "indicators.json")))!["indicators"]!.AsArray();
        var values = new JsonArray();
        foreach (var indicator in catalog)
        {
            var code = (string)indicator!["code"]!;
            JsonObject value = (string?)indicator["kind"] switch
            {
                "Percentage" => new() { ["indicatorCode"] = code, ["value"] = 80, ["numerator"] = 800, ["denominator"] = 1000 },
                "Count" => new() { ["indicatorCode"] = code, ["value"] = indicator["parentCode"] is null ? 1000 : 100 },
                // 2 per ratePer: 4 over 2 × ratePer, so the value is exactly numerator / denominator × ratePer.
                "Rate" or "Ratio" => new() { ["indicatorCode"] = code, ["value"] = 2, ["numerator"] = 4, ["denominator"] = 2 * (indicator["ratePer"]?.GetValue<int>() ?? 1) },
                _ => new() { ["indicatorCode"] = code, ["value"] = 3 },
            };
            values.Add(value);
        }
        return values;
    }

    public Task<HttpResponseMessage> SubmitAsync(string commune, string period) =>
        MustAsync(client, key, HttpMethod.Post, $"/api/units/{commune}/periods/{period}/values", new JsonObject { ["values"] = values.DeepClone() }, "\"0\"");

    public static async Task<HttpResponseMessage> MustAsync(HttpClient client, string key, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
