using HealthFuncs.Functions.Catalog;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthFuncs.Functions.OpenApi;

/// The plan import reads its body itself, so one route takes a workbook upload or the add-in's JSON cells;
/// the document states both, as a generated client needs them.
public sealed class PlanBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<PlanBodyMetadata>().Any()) return;
        var upload = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The plan annex (.xlsx): the project's plan.xlsx or a hand-typed table." },
            },
            Required = new HashSet<string> { "file" },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A plan workbook, or the cells of a plan table read from a sheet.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = upload },
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(PlanTableRequest), cancellationToken: cancellationToken) },
            },
        };
    }
}
