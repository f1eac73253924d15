using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// The server against the shared Azurite with its own table prefix: every factory sees only its own data.
public sealed class HealthFuncsFactory(AzuriteFixture azurite, bool trustAppServiceAuthentication = false) : WebApplicationFactory<Program>
{
    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..20];

    /// Extra configuration, set before the server starts.
    public Dictionary<string, string?> Settings { get; } = [];

    /// Pipeline policies added to every storage client of the server (to count its storage calls), set before it starts.
    public List<Azure.Core.Pipeline.HttpPipelinePolicy> StoragePolicies { get; } = [];

    /// The address every request seems to come from (the in-memory server has none), set before the server starts.
    public System.Net.IPAddress? RemoteAddress { get; set; }

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
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        foreach (var policy in StoragePolicies) builder.ConfigureServices(services => services.AddSingleton(policy));
        if (RemoteAddress is { } remote)
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressFilter(remote)));
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

/// Sets the connection's remote address before anything else runs, as a real connection would have it.
internal sealed class RemoteAddressFilter(System.Net.IPAddress remote) : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = remote;
            return following(context);
        });
        next(app);
    };
}
