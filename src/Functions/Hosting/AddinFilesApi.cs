using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// <c>GET /api/addin/{**path}</c>: the Excel add-in's built files (task pane page, scripts, icons),
/// served by the same function app as the API. One origin for the add-in and the API means no CORS
/// and the App Service Authentication session applies to both; the publish script copies the
/// add-in's build into the "addin" folder beside the server, or <c>Addin:FilesDirectory</c> points
/// elsewhere. These files are public (the task pane must load before anyone signs in); the API
/// behind them is not.
/// </summary>
public static class AddinFilesApi
{
    public const string Route = "/api/addin/{**path}";

    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapAddinFiles(this IEndpointRouteBuilder app)
    {
        var configured = app.ServiceProvider.GetRequiredService<IConfiguration>()["Addin:FilesDirectory"];
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "addin") : configured);
        app.MapGet(Route, (string? path, HttpContext context) => Serve(root, path, context))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    static IResult Serve(string root, string? path, HttpContext context)
    {
        if (!Directory.Exists(root))
        {
            return NotFound("Bản cài đặt này không có tệp của add-in Excel.", "This installation has no Excel add-in files.");
        }

        // PhysicalFileProvider refuses paths that climb out of the root ("..") and hidden files.
        using var files = new PhysicalFileProvider(root);
        var file = files.GetFileInfo(string.IsNullOrEmpty(path) ? "taskpane.html" : path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return NotFound($"Không tìm thấy tệp add-in '{path}'.", $"The add-in has no file '{path}'.");
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // Pages are revalidated so a new deployment shows at once; hashed bundles may be cached.
        context.Response.Headers.CacheControl = contentType.StartsWith("text/html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=3600";
        return TypedResults.PhysicalFile(file.PhysicalPath, contentType, enableRangeProcessing: true, lastModified: file.LastModified);
    }

    static IResult NotFound(string vietnamese, string english) =>
        TypedResults.Problem(title: "Không tìm thấy", detail: vietnamese, statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["en"] = english });
}
