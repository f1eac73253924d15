using System.Net.Http.Headers;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthFuncs.Functions.Tests.Workflow;

/// The real server on the shared Azurite with its own table prefix, a fake clock, and the server's own
/// job scheduler off (tests run jobs themselves). Deadlines are short so tests can reason about dates:
/// districts report 5 working days after the period ends and lock after 10.
public sealed class WorkflowHost(AzuriteFixture azurite, DateTimeOffset now) : WebApplicationFactory<Program>
{
    public string TablePrefix { get; } = "w" + Guid.NewGuid().ToString("N")[..20];

    public FakeTimeProvider Clock { get; } = new(now);

    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), "hf-wf-jobs-" + Guid.NewGuid().ToString("N"));

    public static readonly OrgUnit[] Units =
    [
        new("P", "Tỉnh P", UnitLevel.Province, [new ParentLink(2000, null)]),
        new("D1", "Huyện D1", UnitLevel.District, [new ParentLink(2000, "P")]),
        new("D2", "Huyện D2", UnitLevel.District, [new ParentLink(2000, "P")]),
        new("C1", "Xã C1", UnitLevel.Commune, [new ParentLink(2000, "D1")]),
    ];

    public static readonly Indicator[] Indicators =
    [
        new("BEDS", "Tổng số giường bệnh", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 1),
        new("VISITS", "Số lượt khám bệnh", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, "I", "Khám chữa bệnh", 2),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Jobs:RunLocally", "false");
        builder.UseSetting("Jobs:CheckpointDirectory", CheckpointDirectory);
        builder.UseSetting("Workflow:Levels:District:DeadlineWorkingDays", "5");
        builder.UseSetting("Workflow:Levels:District:LockWorkingDays", "10");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// Loads the tree and indicators and one user per role; returns the API keys.
    public async Task<Keys> SeedAsync()
    {
        _ = Server; // starts the host, which creates the tables
        await Get<UnitStore>().UpsertAsync(Units);
        await Get<IndicatorStore>().UpsertAsync(Indicators);
        return new Keys(
            await AddUserAsync("admin", UserRole.Admin, "P"),
            await AddUserAsync("p-staff", UserRole.Province, "P"),
            await AddUserAsync("d1-staff", UserRole.District, "D1"),
            await AddUserAsync("d2-staff", UserRole.District, "D2"));
    }

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private async Task<string> AddUserAsync(string id, UserRole role, string unitCode)
    {
        await Get<UserStore>().UpsertAsync(new User(id, id, role, unitCode));
        var key = ApiKeyStore.NewKey();
        await Get<ApiKeyStore>().AddAsync(key, id);
        return key;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(CheckpointDirectory)) Directory.Delete(CheckpointDirectory, recursive: true);
    }

    public sealed record Keys(string Admin, string Province, string D1, string D2);
}

public static class WorkflowHttp
{
    /// POSTs a workflow transition with an optional If-Match and JSON body.
    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, string unit, string period, string action,
        string? ifMatch = null, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/periods/{period}/{action}")
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: HttpExtensions.Json),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static string Etag(this HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? "";
}
