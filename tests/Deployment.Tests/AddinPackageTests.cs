using System.Xml.Linq;

namespace HealthFuncs.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed class AddinPackageTests(PublishedApp app)
{
    [Fact]
    public void Add_in_build_is_packaged_beside_the_server()
    {
        Assert.True(File.Exists(Path.Combine(app.Folder, "addin", "taskpane.html")), "addin/taskpane.html is missing:\n" + app.Log);
        Assert.True(File.Exists(Path.Combine(app.Folder, "addin", "functions.json")), "the custom functions' metadata is missing");
    }

    [Fact]
    public void Production_manifest_points_every_url_at_the_deployed_app()
    {
        var manifest = XDocument.Load(app.Manifest);
        var urls = manifest.Descendants()
            .SelectMany(e => e.Attributes().Where(a => a.Value.StartsWith("https://", StringComparison.Ordinal)).Select(a => a.Value)
                .Concat(e.HasElements || !e.Value.StartsWith("https://", StringComparison.Ordinal) ? [] : [e.Value.Trim()]))
            .ToList();

        Assert.DoesNotContain("localhost", File.ReadAllText(app.Manifest));
        Assert.Contains($"{PublishedApp.AppUrl}/api/addin/taskpane.html", urls);
        var appDomain = Assert.Single(manifest.Descendants(), e => e.Name.LocalName == "AppDomain");
        Assert.Equal(PublishedApp.AppUrl, appDomain.Value);
        // Every file the manifest names is in the package, under the path the app serves it from.
        foreach (var url in urls.Where(u => u.StartsWith(PublishedApp.AppUrl + "/api/addin/", StringComparison.Ordinal)))
        {
            var relative = url[(PublishedApp.AppUrl + "/api/addin/").Length..];
            Assert.True(File.Exists(Path.Combine(app.Folder, "addin", relative)), $"{url} is not in the package");
        }
    }
}
