using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthFuncs.Functions.Hosting.FunctionApp;

/// <summary>
/// Writes the Functions side of the published app into a folder: host.json at the root and one
/// folder per function holding its function.json. Function folders from an earlier publish that
/// no longer match a function are removed, so a renamed route does not leave a dead function.
/// </summary>
public static class FunctionAppLayout
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<IReadOnlyList<string>> WriteAsync(string outputDirectory, IReadOnlyList<FunctionDefinition> functions, string hostJsonPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(hostJsonPath))
        {
            throw new FileNotFoundException($"host.json was not found at '{hostJsonPath}'.", hostJsonPath);
        }

        var host = JsonNode.Parse(await File.ReadAllTextAsync(hostJsonPath, cancellationToken))
            ?? throw new InvalidDataException($"'{hostJsonPath}' is empty.");
        if (host["customHandler"]?["description"]?["defaultExecutablePath"] is null)
        {
            throw new InvalidDataException($"'{hostJsonPath}' has no customHandler.description.defaultExecutablePath.");
        }

        Directory.CreateDirectory(outputDirectory);
        RemoveStaleFunctions(outputDirectory, functions.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "host.json"), host.ToJsonString(Indented) + "\n", cancellationToken);

        var written = new List<string>();
        foreach (var function in functions)
        {
            var folder = Path.Combine(outputDirectory, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "function.json");
            await File.WriteAllTextAsync(path, function.ToFunctionJson().ToJsonString(Indented) + "\n", cancellationToken);
            written.Add(path);
        }

        return written;
    }

    static void RemoveStaleFunctions(string outputDirectory, HashSet<string> current)
    {
        foreach (var folder in Directory.EnumerateDirectories(outputDirectory))
        {
            var files = Directory.GetFileSystemEntries(folder);
            if (files is [var only] && Path.GetFileName(only) == "function.json" && !current.Contains(Path.GetFileName(folder)))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
