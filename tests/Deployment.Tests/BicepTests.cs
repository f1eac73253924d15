using System.Text.Json;

namespace HealthFuncs.Deployment.Tests;

public sealed class BicepTests
{
    // A client ID in the shape Entra gives; the parameter files read it from the environment.
    static readonly Dictionary<string, string?> Environment = new() { ["HEALTHFUNCS_ENTRA_CLIENT_ID"] = "0b4f7d36-3d5e-4a8b-9c1e-2f6a7b8c9d0e" };

    public static TheoryData<string> BicepFiles() => Files("*.bicep");

    public static TheoryData<string> ParameterFiles() => Files("*.bicepparam");

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_builds_without_errors_or_warnings(string file)
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["build", Path.Combine(Repository.Infra, file), "--stdout"]);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": Warning ", output);
        Assert.DoesNotContain(": Error ", output);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_passes_the_linter(string file)
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["lint", Path.Combine(Repository.Infra, file)]);

        Assert.True(exitCode == 0, output);
        Assert.True(output.Trim().Length == 0, output);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Parameter_file_builds_against_main_bicep(string file)
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["build-params", Path.Combine(Repository.Infra, file), "--stdout"], Environment);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": Warning ", output);
        using var wrapper = JsonDocument.Parse(output);
        using var parameters = JsonDocument.Parse(wrapper.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal(Environment["HEALTHFUNCS_ENTRA_CLIENT_ID"], values.GetProperty("entraClientId").GetProperty("value").GetString());
        Assert.Equal(Path.GetFileNameWithoutExtension(file), values.GetProperty("environmentName").GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_function_app_validates_entra_tokens_for_the_api_of_its_tenant()
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["build", Path.Combine(Repository.Infra, "modules", "functionapp.bicep"), "--stdout"]);
        Assert.True(exitCode == 0, output);
        // The settings are ARM expressions over the module's parameters: the tenant's v2.0 authority and the API's two audiences.
        Assert.Contains("\"name\": \"Auth__Entra__Authority\"", output);
        Assert.Contains("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('entraTenantId'))]", output);
        Assert.Contains("\"name\": \"Auth__Entra__Audiences__0\"", output);
        Assert.Contains("format('api://{0}', parameters('entraClientId'))", output);
        Assert.Contains("\"name\": \"Auth__Entra__Audiences__1\"", output);
    }

    [Fact]
    public async Task The_function_app_runs_the_dotnet_isolated_worker_on_dotnet_10()
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["build", Path.Combine(Repository.Infra, "modules", "functionapp.bicep"), "--stdout"]);
        Assert.True(exitCode == 0, output);
        using var template = JsonDocument.Parse(output);
        var site = template.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");

        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal(("dotnet-isolated", "10.0"), (runtime.GetProperty("name").GetString(), runtime.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Parameter_file_refuses_to_build_without_the_entra_client_id()
    {
        var (exitCode, output) = await Repository.RunAsync(Repository.Bicep, ["build-params", Path.Combine(Repository.Infra, "prod.bicepparam"), "--stdout"],
            new Dictionary<string, string?> { ["HEALTHFUNCS_ENTRA_CLIENT_ID"] = null });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("HEALTHFUNCS_ENTRA_CLIENT_ID", output);
    }

    [Fact]
    public void There_is_a_parameter_file_for_each_environment()
    {
        var files = Directory.EnumerateFiles(Repository.Infra, "*.bicepparam").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["dev.bicepparam", "prod.bicepparam"], files);
    }

    static TheoryData<string> Files(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Repository.Infra, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Infra, path));
        }

        return data;
    }
}
