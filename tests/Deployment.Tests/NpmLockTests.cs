using System.Text.Json;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// `npm ci` installs exactly what a lock file says, and refuses a lock that lacks an entry for an optional
/// dependency of a locked package, even one built for another platform (rollup's and esbuild's per-platform
/// binaries). A lock written on one platform and then pruned breaks every fresh install, so each lock must
/// hold every optional dependency its packages declare.
/// </summary>
public sealed class NpmLockTests
{
    [Theory]
    [InlineData("package-lock.json")]
    [InlineData("src/ExcelAddin/package-lock.json")]
    public void Every_optional_dependency_of_a_locked_package_is_locked_too(string lockFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, lockFile)));
        var packages = document.RootElement.GetProperty("packages");
        var locked = packages.EnumerateObject().Select(p => p.Name).ToHashSet();
        var missing = new List<string>();
        foreach (var package in packages.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("optionalDependencies", out var optional)) continue;
            foreach (var dependency in optional.EnumerateObject())
            {
                if (!Resolvable(package.Name, dependency.Name, locked)) missing.Add($"{dependency.Name} (of {package.Name})");
            }
        }

        Assert.True(missing.Count == 0, $"{lockFile} lacks: {string.Join(", ", missing)}. Regenerate it with npm install and commit it whole.");
    }

    [Theory]
    [InlineData(".npmrc")]
    [InlineData("src/ExcelAddin/.npmrc")]
    public void Installs_refuse_packages_that_do_not_support_the_running_node(string npmrc)
    {
        // With engine-strict a package whose "engines" excludes the Node.js in use fails the install
        // instead of printing EBADENGINE and running on a version it does not support.
        var settings = File.ReadAllLines(Path.Combine(Repository.Root, npmrc)).Select(l => l.Replace(" ", ""));
        Assert.Contains("engine-strict=true", settings);
    }

    // Node resolves a dependency from the nearest node_modules up the tree of the package that needs it.
    static bool Resolvable(string from, string name, HashSet<string> locked)
    {
        var folder = from;
        while (true)
        {
            if (locked.Contains((folder.Length == 0 ? "" : folder + "/") + "node_modules/" + name)) return true;
            if (folder.Length == 0) return false;
            var index = folder.LastIndexOf("node_modules/", StringComparison.Ordinal);
            folder = index <= 0 ? "" : folder[..(index - 1)];
        }
    }
}
