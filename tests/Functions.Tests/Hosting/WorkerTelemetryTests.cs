using HealthFuncs.Functions.Hosting.Worker;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class WorkerTelemetryTests
{
    [Theory]
    [InlineData("ClientId=3f1c0a6e-1111-4222-8333-944455556666;Authorization=AAD", "3f1c0a6e-1111-4222-8333-944455556666")]
    [InlineData(" Authorization = aad ; ClientId = abc ", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_worker_signs_in_to_application_insights_as_the_identity_the_setting_names(string? setting, string? expected)
    {
        Assert.Equal(expected, WorkerTelemetry.ManagedIdentityClientId(setting));
    }
}
