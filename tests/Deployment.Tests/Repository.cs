using System.Diagnostics;
using System.Reflection;
using System.Runtime.Versioning;

// The Bicep CLI package and the published app are both linux-x64.
[assembly: SupportedOSPlatform("linux")]

namespace HealthFuncs.Deployment.Tests;

/// <summary>Where the repository and the tools the tests run are.</summary>
static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The Bicep CLI from the restored NuGet package <c>Azure.Bicep.CommandLine.linux-x64</c>.</summary>
    public static string Bicep
    {
        get
        {
            var folder = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BicepPackageFolder").Value;
            var path = Path.Combine(folder!, "tools", "bicep");
            Assert.True(File.Exists(path), $"The Bicep CLI was not found at {path}; restore the test project.");
            if (!File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A null value removes the variable from the child's environment.
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await error));
    }

    static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HealthFuncs.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("HealthFuncs.sln was not found above " + AppContext.BaseDirectory);
    }
}
