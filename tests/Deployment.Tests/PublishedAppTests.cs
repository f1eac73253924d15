using System.IO.Compression;
using System.Text.Json;
using Cronos;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// The package scripts/publish.sh builds is a standard .NET isolated-worker app: what the Functions
/// host reads from it (host.json, worker.config.json, functions.metadata, extensions.json) as the
/// worker SDK wrote it from the code.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class PublishedAppTests(PublishedApp app)
{
    static readonly string[] AllMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    // The jobs' UTC schedules: 00:00 Vietnam time on 1 January, 08:00 and 00:00 Vietnam time daily.
    static readonly Dictionary<string, string> TimerSchedules = new()
    {
        ["job_year_end_summary"] = "0 0 17 31 12 *",
        ["job_completeness_reminder"] = "0 0 1 * * *",
        ["job_nightly_snapshot"] = "0 0 17 * * *",
    };

    JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, file))).RootElement;

    Dictionary<string, JsonElement> Functions() =>
        Read("functions.metadata").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f);

    static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Host_json_at_the_root_keeps_the_api_prefix_and_declares_no_custom_handler()
    {
        var host = Read("host.json");

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.False(host.TryGetProperty("customHandler", out _), "host.json still declares a custom handler");
    }

    [Fact]
    public void Worker_config_starts_the_apps_own_assembly_as_a_dotnet_isolated_worker()
    {
        var description = Read("worker.config.json").GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        var worker = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.Equal("HealthFuncs.Functions.dll", worker);
        Assert.True(File.Exists(Path.Combine(app.Folder, worker)), $"{worker} is not in the package");
        Assert.True(File.Exists(Path.Combine(app.Folder, "extensions.json")), "extensions.json is missing");
        Assert.True(File.Exists(Path.Combine(app.Folder, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll")),
            "the host-side extensions extensions.json points at are missing");
    }

    [Fact]
    public void One_anonymous_http_function_takes_every_method_on_every_path_under_the_prefix()
    {
        var functions = Functions();
        var http = functions.Values.Where(f => Trigger(f).GetProperty("type").GetString() == "httpTrigger").ToList();

        var api = Assert.Single(http);
        var trigger = Trigger(api);
        Assert.Equal("api", api.GetProperty("name").GetString());
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(AllMethods.Order(StringComparer.Ordinal), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var output = Assert.Single(api.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("direction").GetString() == "Out");
        Assert.Equal("http", output.GetProperty("type").GetString());
    }

    [Fact]
    public void Every_scheduled_job_is_a_timer_function_on_its_utc_schedule()
    {
        var timers = Functions().Where(f => Trigger(f.Value).GetProperty("type").GetString() == "timerTrigger")
            .ToDictionary(f => f.Key, f => Trigger(f.Value).GetProperty("schedule").GetString()!);

        Assert.Equal(TimerSchedules.OrderBy(t => t.Key), timers.OrderBy(t => t.Key));
        Assert.All(timers.Values, schedule => Assert.True(CronExpression.TryParse(schedule, CronFormat.IncludeSeconds, out _), $"'{schedule}' is not six-field NCRONTAB"));
    }

    [Fact]
    public void Package_holds_no_function_json_from_the_custom_handler()
    {
        Assert.Empty(Directory.EnumerateFiles(app.Folder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Zip_holds_exactly_the_published_folder_with_the_executable_still_executable()
    {
        using var zip = ZipFile.OpenRead(app.Zip);
        var files = Directory.EnumerateFiles(app.Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(app.Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var mode = (UnixFileMode)((zip.GetEntry("HealthFuncs.Functions")!.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), "HealthFuncs.Functions loses its execute bit in the zip");
        using var reader = new StreamReader(zip.GetEntry("functions.metadata")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(app.Folder, "functions.metadata")), reader.ReadToEnd());
    }
}
