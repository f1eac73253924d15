using System.CommandLine;
using HealthFuncs.Functions.Hosting.FunctionApp;
using HealthFuncs.Functions.Hosting.Jobs;

namespace HealthFuncs.Functions.Hosting.Commands;

/// <summary>
/// <c>publish-functions &lt;outDir&gt; [--host-json FILE]</c>: writes host.json and one function.json per
/// HTTP endpoint and scheduled job into a published app folder, from this build's own registrations.
/// </summary>
public sealed class PublishFunctionsCommand : IOperatorCommand
{
    public Command Create(WebApplication app)
    {
        var output = new Argument<DirectoryInfo>("outDir") { Description = "The published app folder (where the server's executable is)." };
        var hostJson = new Option<FileInfo?>("--host-json") { Description = "The host.json to copy. Default: beside this program, else the nearest one up from the current folder." };
        var command = new Command("publish-functions", "Write host.json and the function folders for Azure Functions.") { output, hostJson };
        command.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(hostJson)?.FullName ?? FindHostJson();
            if (source is null)
            {
                await Console.Error.WriteLineAsync("host.json was not found beside the program or in any folder above the current one; pass --host-json.");
                return 2;
            }

            var functions = FunctionCatalog.From(((IEndpointRouteBuilder)app).DataSources, app.Services.GetRequiredService<JobCatalog>().Entries);
            var directory = result.GetValue(output)!.FullName;
            await FunctionAppLayout.WriteAsync(directory, functions, source, cancellationToken);
            foreach (var function in functions)
            {
                Console.WriteLine($"{function.Name,-60} {function.Trigger,-5} {string.Join(',', function.Methods)} {function.RouteOrSchedule}");
            }

            Console.WriteLine($"{functions.Count} functions and host.json written to {directory}");
            return 0;
        });
        return command;
    }

    static string? FindHostJson()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "host.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
