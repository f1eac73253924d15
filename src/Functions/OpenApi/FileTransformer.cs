using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthFuncs.Functions.OpenApi;

/// Files as a client generator needs them: a workbook download is an .xlsx body (a binary string), and the
/// upload's multipart body has a required binary "file" field, written inline rather than as a reference to
/// ASP.NET's IFormFile type (whose component is then dropped, once nothing refers to it).
public sealed class FileTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string Multipart = "multipart/form-data";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<WorkbookResponseMetadata>().Any())
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "The workbook (.xlsx), its file name in Content-Disposition.",
                Content = new Dictionary<string, OpenApiMediaType> { [WorkbookStore.XlsxContentType] = new() { Schema = Binary() } },
            };
        }

        if (operation.RequestBody?.Content?.TryGetValue(Multipart, out var form) == true && form.Schema is OpenApiSchema body
            && body.Properties?.ContainsKey("file") == true)
        {
            body.Properties["file"] = Binary("The filled data-entry form (.xlsx) or a table of indicator codes and values.");
            body.Required ??= new HashSet<string>();
            body.Required.Add("file");
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var formFileUsed = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .SelectMany(m => m.Schema?.Properties?.Values.AsEnumerable() ?? [])
            .Any(s => s is OpenApiSchemaReference { Reference.Id: nameof(IFormFile) });
        if (!formFileUsed) document.Components?.Schemas?.Remove(nameof(IFormFile));
        return Task.CompletedTask;
    }

    private static OpenApiSchema Binary(string? description = null) =>
        new() { Type = JsonSchemaType.String, Format = "binary", Description = description };
}
