using System.Diagnostics;

namespace HealthFuncs.Benchmarks.SideBySide;

/// <summary>
/// The whole comparison in one run (scripts/bench.sh): the server's rows against its own Azurite, the workbook rows in
/// this process, one line per row. Progress goes to stderr, the rows to stdout.
/// </summary>
public static class SideBySideRun
{
    public const string Command = "side-by-side";

    public static async Task<int> RunAsync(string[] arguments)
    {
        var root = arguments.Length > 0 ? Path.GetFullPath(arguments[0]) : Directory.GetCurrentDirectory();
        var rounds = arguments.Length > 1 ? int.Parse(arguments[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        // A third argument runs one part: "workbooks" (the rows that need no server), "coldstart", "consolidation"
        // (the province of 150 communes set up, then only its two consolidation rows) or "ingest" (the two ingest rows).
        var only = arguments.Length > 2 ? arguments[2] : "";
        var rows = new List<Row>();
        if (only == "coldstart")
        {
            await using var stack = await LocalStack.StartAsync(root);
            await stack.RunCommandAsync("seed", "--dev-keys");
            rows.Add(await ServerRows.ColdStartAsync(stack, await Province.AdminKeyAsync(root), rounds));
        }
        else if (only != "workbooks")
        await using (var stack = await LocalStack.StartAsync(root))
        {
            Progress("seeding");
            await stack.RunCommandAsync("seed", "--dev-keys");
            var (server, address) = stack.StartServer();
            await WaitForHealthAsync(address);
            Progress("setting up 150 communes");
            var province = await Province.SetUpAsync(address, root, communes: 150);
            var serverRows = new ServerRows(stack, province);
            if (only != "consolidation")
            {
                Progress("ingest");
                rows.AddRange(await serverRows.IngestAsync(rounds));
            }
            if (only != "ingest")
            {
                Progress("consolidation");
                rows.AddRange(await serverRows.ConsolidationAsync(rounds));
                Progress("consolidation through another instance");
                var (other, otherAddress) = stack.StartServer();
                await WaitForHealthAsync(otherAddress);
                rows.AddRange(await serverRows.ConsolidationElsewhereAsync(otherAddress, rounds));
                stack.Stop(other);
            }
            stack.Stop(server);
            if (only == "")
            {
                Progress("cold start");
                rows.Add(await ServerRows.ColdStartAsync(stack, province.Key, rounds));
            }
        }
        if (only is "coldstart" or "consolidation" or "ingest")
        {
            foreach (var row in rows) Console.WriteLine(row);
            return 0;
        }
        Progress("flat export");
        rows.Add(await WorkbookRows.ExportAsync(rounds));
        Progress("upload read");
        rows.Add(await WorkbookRows.UploadReadAsync(rounds));
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private static async Task WaitForHealthAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("the server did not answer /api/health within a minute");
    }

    private static void Progress(string step) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {step}");
}
