using System.Net.Http.Headers;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// The server against the shared Azurite with its own table prefix: every factory sees only its own data.
public sealed class HealthFuncsFactory(AzuriteFixture azurite, bool trustAppServiceAuthentication = false, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..20];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Auth:TrustAppServiceAuthentication", trustAppServiceAuthentication ? "true" : "false");
        // These tests enter figures for 2020-2021 years later; the reporting calendar's lock after the deadline
        // (tested with the workflow) is pushed out of their way.
        foreach (var level in new[] { "Province", "District", "Commune", "Facility" })
        {
            builder.UseSetting($"Workflow:Levels:{level}:DeadlineWorkingDays", "10");
            builder.UseSetting($"Workflow:Levels:{level}:LockWorkingDays", "100000");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// A client that calls as the user owning <paramref name="apiKey"/>.
    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// Adds a user with a fresh API key and returns the key.
    public async Task<string> AddUserAsync(string id, UserRole role, string? unitCode)
    {
        StartServer();
        await Get<UserStore>().UpsertAsync(new User(id, id, role, unitCode));
        var key = ApiKeyStore.NewKey();
        await Get<ApiKeyStore>().AddAsync(key, id);
        return key;
    }
}
