namespace HealthFuncs.Deployment.Tests;

/// <summary>Every test that reads the published app shares one publish.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedApp>
{
    public const string Name = "published app";
}

/// <summary>
/// Runs scripts/publish.sh once for the test run into a temporary folder, as an operator would
/// before deploying. One publish per run: it is the slowest step and the machine is shared.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    readonly string output = Directory.CreateTempSubdirectory("healthfuncs-publish-").FullName;

    public string Folder => Path.Combine(output, "app");

    public string Zip => Path.Combine(output, "healthfuncs-functions.zip");

    /// <summary>The deployed app's address the production add-in manifest is written for.</summary>
    public const string AppUrl = "https://func-healthfuncs-test.azurewebsites.net";

    public string Manifest => Path.Combine(output, "manifest.prod.xml");

    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (exitCode, log) = await Repository.RunAsync("bash", [Path.Combine(Repository.Root, "scripts", "publish.sh"), "--out", output, "--app-url", AppUrl]);
        Log = log;
        Assert.True(exitCode == 0, "scripts/publish.sh failed:\n" + log);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(output, recursive: true);
        return Task.CompletedTask;
    }
}
