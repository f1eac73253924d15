using System.Net;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HealthFuncs.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class AddinFilesTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("healthfuncs-addin-").FullName;
    readonly HostingFactory factory;

    public AddinFilesTests(AzuriteFixture azurite)
    {
        factory = new HostingFactory(azurite);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "taskpane.html"), "<!doctype html><title>HealthFuncs</title>");
        File.WriteAllText(Path.Combine(folder, "assets", "taskpane.js"), "console.log('pane');");
    }

    HttpClient Client() => factory.WithWebHostBuilder(b => b.UseSetting("Addin:FilesDirectory", folder)).CreateClient();

    [Theory]
    [InlineData("/api/addin/taskpane.html", "text/html", "no-cache")]
    [InlineData("/api/addin/", "text/html", "no-cache")]
    [InlineData("/api/addin/assets/taskpane.js", "text/javascript", "public, max-age=3600")]
    public async Task Add_in_files_are_served_without_sign_in(string path, string contentType, string cacheControl)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/api/addin/missing.html")]
    [InlineData("/api/addin/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/addin/assets")]
    public async Task Anything_outside_the_add_in_files_is_not_found(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    public void Dispose()
    {
        factory.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
