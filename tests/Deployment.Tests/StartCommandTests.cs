using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// The README's first command, <c>bash scripts/start.sh</c>, run as a user runs it (on free ports and
/// folders of its own): Azurite starts, the seeds load, the plan annex and the province's consolidated
/// workbook are written, the server answers with the seeded users' keys, and stopping the script stops both.
/// </summary>
public sealed class StartCommandTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("healthfuncs-start-").FullName;
    readonly StringBuilder log = new();
    Process? script;

    [Fact]
    public async Task Start_command_seeds_writes_the_workbooks_serves_the_api_and_stops_everything_it_started()
    {
        int server = Azurite.FreePort(), blob = Azurite.FreePort(), queue = Azurite.FreePort(), table = Azurite.FreePort();
        await StartAsync(server, blob, queue, table);

        var plan = Sheets(Path.Combine(folder, "out", "SD-2021-ke-hoach.xlsx"));
        Assert.Contains(plan.Strings, s => s.Contains("Sơn Dương", StringComparison.Ordinal));
        var consolidated = Sheets(Path.Combine(folder, "out", "TQ-2021-tong-hop.xlsx"));
        // Nothing is reported yet: the total, the matrix, everyone listed as not reported, and the reporting status.
        Assert.Equal(["Tổng hợp", "Ma trận", "Chưa báo cáo", "Tình hình báo cáo"], consolidated.Names);
        Assert.Contains(consolidated.Strings, s => s.Contains("Sơn Dương", StringComparison.Ordinal));
        // On ports of its own the script says how the operator commands reach its Azurite.
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1", Log());
        Assert.Contains("Hosting environment: Development", Log());
        Assert.DoesNotContain("DataProtection", Log());

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server}") };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        using var users = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "seeds", "users.json")));
        var key = users.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "sd-pyt").GetProperty("devKey").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "X-Api-Key", key } } };
        var me = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SD", me.GetProperty("unitCode").GetString());

        await SampleRequestsAnswerAsPromisedAsync(server);
        await SampleProvinceIsSetUpOnceAsync(server);
        await StopAsync(server, table);

        // A second start on the same data: seeding changes nothing, and the samples still answer as written.
        await StartAsync(server, blob, queue, table);
        await SampleRequestsAnswerAsPromisedAsync(server);
        await SampleProvinceIsSetUpOnceAsync(server);
        Assert.Contains("already set up", Log());
        await StopAsync(server, table);
        Assert.True(File.Exists(Path.Combine(folder, "data", "azurite.log")));
    }

    // The sample province is labelled as sample data, and its figures are written once: a second start finds them.
    static async Task SampleProvinceIsSetUpOnceAsync(int server)
    {
        using var users = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "seeds", "users.json")));
        var admin = users.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "admin").GetProperty("devKey").GetString();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server}"), DefaultRequestHeaders = { { "X-Api-Key", admin } } };
        var units = await client.GetFromJsonAsync<JsonElement>("/api/units?year=2025");
        var sample = units.EnumerateArray().Where(u => u.GetProperty("code").GetString()!.StartsWith("MAU", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, sample.Count);
        Assert.All(sample, u => Assert.Contains("(Số liệu mẫu)", u.GetProperty("name").GetString()));
        foreach (var district in new[] { "MAU-A", "MAU-D" })
        {
            var december = await client.GetFromJsonAsync<JsonElement>($"/api/units/{district}/periods/2025-M12/values");
            Assert.Equal(1, december.GetProperty("version").GetInt32());
        }
    }

    static async Task SampleRequestsAnswerAsPromisedAsync(int server)
    {
        var readme = await SampleRequests.RunReadmeCurlAsync($"http://127.0.0.1:{server}");
        Assert.True(readme.Promised.Count >= 5, "the README's curl block promises no statuses");
        Assert.True(readme.Promised.SequenceEqual(readme.Got), $"README curl block: promised {string.Join(' ', readme.Promised)}, got {string.Join(' ', readme.Got)}\n{readme.Output}");
        var http = await SampleRequests.RunHttpFileAsync($"http://127.0.0.1:{server}");
        Assert.True(http.Promised.SequenceEqual(http.Got), $"HealthFuncs.http: promised {string.Join(' ', http.Promised)}, got {string.Join(' ', http.Got)}\n{http.Output}");
    }

    async Task StartAsync(int server, int blob, int queue, int table)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/start.sh");
        start.Environment["HEALTHFUNCS_PORT"] = $"{server}";
        start.Environment["HEALTHFUNCS_STORAGE_PORTS"] = $"{blob} {queue} {table}";
        start.Environment["HEALTHFUNCS_DATA"] = Path.Combine(folder, "data");
        start.Environment["HEALTHFUNCS_OUT"] = Path.Combine(folder, "out");
        script = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        script.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } if (e.Data?.StartsWith("HealthFuncs is running", StringComparison.Ordinal) == true) { ready.TrySetResult(); } };
        script.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        // A bound generous enough for a first build on a busy machine, so a broken script fails instead of hanging.
        await Task.WhenAny(ready.Task, script.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(5)));
        Assert.True(ready.Task.IsCompleted, "start.sh did not report that the server runs:\n" + Log());
    }

    async Task StopAsync(int server, int table)
    {
        // Ctrl-C and a terminal's close stop the script the same way (its trap on INT and TERM). TERM is
        // sent because a test run started in the background inherits SIGINT as ignored, which bash cannot trap.
        using (var interrupt = Process.Start("kill", ["-TERM", $"{script!.Id}"]))
        {
            await interrupt.WaitForExitAsync();
        }

        await Task.WhenAny(script.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1)));
        Assert.True(script.HasExited, "start.sh did not stop on TERM:\n" + Log());
        Assert.False(await IsOpenAsync(server), "the server still listens after start.sh stopped");
        Assert.False(await IsOpenAsync(table), "Azurite still listens after start.sh stopped");
        script.Dispose();
        script = null;
    }

    static (List<string> Names, List<string> Strings) Sheets(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using var document = SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!;
        var names = part.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        strings.AddRange(part.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<InlineString>()).Select(i => i.InnerText));
        return (names, strings);
    }

    static async Task<bool> IsOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (script is { HasExited: false })
        {
            script.Kill(entireProcessTree: true);
        }

        script?.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
