using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cronos;

namespace HealthFuncs.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed partial class PublishedAppTests(PublishedApp app)
{
    static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    JsonElement HostJson => JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, "host.json"))).RootElement;

    IEnumerable<(string Name, JsonElement Function)> Functions() =>
        Directory.EnumerateDirectories(app.Folder)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(folder => (Path.GetFileName(folder), JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json"))).RootElement));

    [Fact]
    public void Host_json_at_the_root_declares_the_custom_handler_with_forwarded_http_under_api()
    {
        var host = HostJson;

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.True(host.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Custom_handler_executable_exists_and_is_executable()
    {
        var relative = HostJson.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var path = Path.Combine(app.Folder, relative);

        Assert.True(File.Exists(path), $"{relative} is not in the published app");
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{relative} is not executable");
        // Self-contained: the Functions image has no .NET 10 runtime for the handler to use.
        Assert.True(File.Exists(Path.Combine(app.Folder, "libcoreclr.so")), "the .NET runtime is not in the published app");
    }

    [Fact]
    public void Every_function_folder_has_a_valid_function_json()
    {
        var functions = Functions().ToList();

        Assert.NotEmpty(functions);
        foreach (var (name, function) in functions)
        {
            Assert.Matches(FunctionName(), name);
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            Assert.Equal("in", trigger.GetProperty("direction").GetString());
            switch (trigger.GetProperty("type").GetString())
            {
                case "httpTrigger":
                    Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
                    Assert.All(trigger.GetProperty("methods").EnumerateArray(), m => Assert.Contains(m.GetString(), HttpMethods));
                    var route = trigger.GetProperty("route").GetString()!;
                    Assert.False(route.StartsWith('/') || route.StartsWith("api/", StringComparison.OrdinalIgnoreCase), $"{name}: route '{route}' repeats the prefix");
                    var output = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http");
                    Assert.Equal("out", output.GetProperty("direction").GetString());
                    break;
                case "timerTrigger":
                    Assert.Equal("timer", trigger.GetProperty("name").GetString());
                    Assert.Single(bindings);
                    break;
                default:
                    Assert.Fail($"{name}: unexpected trigger {trigger.GetProperty("type")}");
                    break;
            }
        }
    }

    [Fact]
    public void Timer_functions_have_six_field_ncrontab_schedules()
    {
        foreach (var (name, function) in Functions())
        {
            var trigger = function.GetProperty("bindings")[0];
            if (trigger.GetProperty("type").GetString() != "timerTrigger")
            {
                continue;
            }

            var schedule = trigger.GetProperty("schedule").GetString()!;
            Assert.True(schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6, $"{name}: '{schedule}' is not six fields");
            Assert.True(CronExpression.TryParse(schedule, CronFormat.IncludeSeconds, out _), $"{name}: '{schedule}' is not NCRONTAB");
        }
    }

    [Fact]
    public void Zip_holds_exactly_the_published_folder_with_the_handler_still_executable()
    {
        using var zip = ZipFile.OpenRead(app.Zip);
        var files = Directory.EnumerateFiles(app.Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(app.Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var handler = HostJson.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var mode = (UnixFileMode)((zip.GetEntry(handler)!.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{handler} loses its execute bit in the zip");
        foreach (var (name, _) in Functions())
        {
            using var reader = new StreamReader(zip.GetEntry($"{name}/function.json")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(app.Folder, name, "function.json")), reader.ReadToEnd());
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,127}$")]
    private static partial Regex FunctionName();
}
