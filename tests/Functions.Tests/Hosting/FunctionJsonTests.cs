using System.Text.Json;
using HealthFuncs.Functions.Hosting.FunctionApp;
using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class FunctionJsonTests(AzuriteFixture azurite) : IDisposable
{
    readonly HostingFactory factory = new(azurite);

    IReadOnlyList<FunctionDefinition> PublishedFunctions()
    {
        _ = factory.Server; // starts the app, so its endpoints are registered
        return FunctionCatalog.From(factory.Services.GetServices<EndpointDataSource>(), factory.Services.GetRequiredService<JobCatalog>().Entries);
    }

    [Theory]
    [InlineData("/api/health", "health")]
    [InlineData("/api/units/{unit}/targets", "units/{unit}/targets")]
    [InlineData("/api/units/{unit}/periods/{period}/result.xlsx", "units/{unit}/periods/{period}/result.xlsx")]
    [InlineData("/api/items/{id:int}", "items/{id:int}")]
    [InlineData("/api/items/{id:int:min(1)}/parts/{part?}", "items/{id:int:min(1)}/parts/{part?}")]
    [InlineData("/api/audit/{take=50}", "audit/{take=50}")]
    [InlineData("/api/addin/{**path}", "addin/{*path}")]
    [InlineData("/api/files/{*rest}", "files/{*rest}")]
    [InlineData("api/units", "units")]
    public void Server_route_becomes_the_function_route_without_the_api_prefix(string pattern, string expected)
    {
        Assert.True(FunctionRoutes.TryTranslate(RoutePatternFactory.Parse(pattern), out var route));
        Assert.Equal(expected, route);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/job_year_end")]
    [InlineData("/apix/units")]
    [InlineData("/{api}/units")]
    public void Route_outside_the_api_prefix_is_not_published(string pattern)
    {
        Assert.False(FunctionRoutes.TryTranslate(RoutePatternFactory.Parse(pattern), out _));
    }

    [Theory]
    [InlineData(new[] { "GET" }, "units/{unit}/targets", "get_units_unit_targets")]
    [InlineData(new[] { "PUT" }, "units/{unit}/targets/{year:int}", "put_units_unit_targets_year")]
    [InlineData(new[] { "POST", "GET" }, "lookup", "get_post_lookup")]
    [InlineData(new string[0], "addin/{*path}", "any_addin_path")]
    [InlineData(new[] { "GET" }, "units/{unit}/years/{year}/plan.xlsx", "get_units_unit_years_year_plan_xlsx")]
    public void Function_name_is_derived_from_method_and_route(string[] methods, string route, string expected)
    {
        var name = FunctionNames.ForHttp(methods, route);

        Assert.Equal(expected, name);
        Assert.True(FunctionNames.IsValid(name));
    }

    [Fact]
    public void Every_api_endpoint_becomes_an_http_function_and_every_job_a_timer_function()
    {
        var functions = PublishedFunctions();

        var health = Assert.Single(functions, f => f.Name == "get_health");
        Assert.Equal((FunctionTrigger.Http, "health"), (health.Trigger, health.RouteOrSchedule));
        Assert.Contains(functions, f => f is { Name: "get_addin_path", RouteOrSchedule: "addin/{*path}" });
        var yearEnd = Assert.Single(functions, f => f.Name == "job_year_end_test");
        Assert.Equal((FunctionTrigger.Timer, "0 0 17 31 12 *"), (yearEnd.Trigger, yearEnd.RouteOrSchedule));
        // The routes the host posts timer invocations to are not HTTP functions.
        Assert.DoesNotContain(functions, f => f.Trigger == FunctionTrigger.Http && f.RouteOrSchedule.Contains("job_"));
        Assert.All(functions, f => Assert.True(FunctionNames.IsValid(f.Name), f.Name));
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Http_function_json_has_an_anonymous_trigger_with_methods_and_route_and_an_http_output()
    {
        var health = PublishedFunctions().Single(f => f.Name == "get_health");

        using var json = JsonDocument.Parse(health.ToFunctionJson().ToJsonString());
        var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal(2, bindings.Count);
        Assert.Equal("httpTrigger", bindings[0].GetProperty("type").GetString());
        Assert.Equal("anonymous", bindings[0].GetProperty("authLevel").GetString());
        Assert.Equal("in", bindings[0].GetProperty("direction").GetString());
        Assert.Equal("req", bindings[0].GetProperty("name").GetString());
        Assert.Equal(["get"], bindings[0].GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("health", bindings[0].GetProperty("route").GetString());
        Assert.Equal(("http", "out", "res"), (bindings[1].GetProperty("type").GetString(), bindings[1].GetProperty("direction").GetString(), bindings[1].GetProperty("name").GetString()));
    }

    [Fact]
    public void Timer_function_json_names_the_binding_the_invocation_payload_uses()
    {
        var timer = PublishedFunctions().Single(f => f.Name == "job_year_end_test");

        using var json = JsonDocument.Parse(timer.ToFunctionJson().ToJsonString());
        var binding = Assert.Single(json.RootElement.GetProperty("bindings").EnumerateArray());
        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("in", binding.GetProperty("direction").GetString());
        Assert.Equal("timer", binding.GetProperty("name").GetString());
        Assert.Equal("0 0 17 31 12 *", binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public async Task Layout_writes_host_json_and_a_folder_per_function_and_removes_stale_ones()
    {
        var functions = PublishedFunctions();
        var folder = Directory.CreateTempSubdirectory("healthfuncs-layout-").FullName;
        try
        {
            var stale = Directory.CreateDirectory(Path.Combine(folder, "get_old_route")).FullName;
            await File.WriteAllTextAsync(Path.Combine(stale, "function.json"), "{}");
            var hostJson = Path.Combine(folder, "source-host.json");
            await File.WriteAllTextAsync(hostJson, """{"version":"2.0","customHandler":{"description":{"defaultExecutablePath":"HealthFuncs.Functions"},"enableForwardingHttpRequest":true}}""");

            var written = await FunctionAppLayout.WriteAsync(folder, functions, hostJson);

            Assert.Equal(functions.Count, written.Count);
            Assert.True(File.Exists(Path.Combine(folder, "host.json")));
            Assert.All(functions, f => Assert.True(File.Exists(Path.Combine(folder, f.Name, "function.json")), f.Name));
            Assert.False(Directory.Exists(stale));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose() => factory.Dispose();
}
