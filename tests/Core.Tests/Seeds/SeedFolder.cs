using System.Text.Json.Nodes;
using HealthFuncs.Core.Seeds;

namespace HealthFuncs.Core.Tests.Seeds;

/// <summary>The repository's seed folder, found by walking up from the test binaries to HealthFuncs.sln.</summary>
internal static class SeedFolder
{
    public static string Path { get; } = Find();

    private static readonly Lazy<SeedCatalog> Loaded = new(() => SeedCatalog.Load(Path));

    public static SeedCatalog Catalog => Loaded.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HealthFuncs.sln")))
                return System.IO.Path.Combine(dir.FullName, "seeds");
        }
        throw new InvalidOperationException($"No HealthFuncs.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A private copy of the seed folder in a temp directory, for tests that break it on purpose.</summary>
internal sealed class SeedCopy : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "healthfuncs-seeds-" + Guid.NewGuid().ToString("N"));

    public SeedCopy()
    {
        foreach (var file in Directory.GetFiles(SeedFolder.Path, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(SeedFolder.Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Reads a JSON file of the copy, lets <paramref name="change"/> edit it, writes it back.</summary>
    public void Edit(string relativePath, Action<JsonNode> change)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        change(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
