using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;

namespace HealthFuncs.Functions.Hosting.Worker;

/// <summary>
/// The worker's own Application Insights telemetry (its logs and dependencies go straight to
/// Application Insights, not through the host). The resource accepts only Entra-authenticated
/// telemetry, so the worker signs in as the identity named in the same
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> the host reads ("ClientId=…;Authorization=AAD").
/// </summary>
public static class WorkerTelemetry
{
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        if (ManagedIdentityClientId(configuration[AuthenticationSetting]) is { } clientId)
        {
            services.Configure<TelemetryConfiguration>(telemetry =>
                telemetry.SetAzureTokenCredential(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))));
        }

        return services;
    }

    /// <summary>The client id to sign in with, or null when the setting asks for no Entra sign-in.</summary>
    public static string? ManagedIdentityClientId(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
                ? clientId
                : null;
    }
}
