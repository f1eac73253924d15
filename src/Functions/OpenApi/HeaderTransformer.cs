using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthFuncs.Functions.OpenApi;

/// Lists the headers an endpoint declared with <see cref="ApiContract"/>: request headers as parameters (a header
/// the handler binds itself, such as If-Match, is already there and only gets its description), response headers
/// on every 2xx response.
public sealed class HeaderTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            var bound = operation.Parameters.OfType<OpenApiParameter>()
                .FirstOrDefault(p => p.In == ParameterLocation.Header && string.Equals(p.Name, header.Name, StringComparison.OrdinalIgnoreCase));
            if (bound is null)
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = header.Name, In = ParameterLocation.Header, Required = header.Required, Description = header.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            else
                bound.Description = header.Description;
        }

        var headers = metadata.OfType<ResponseHeaderMetadata>().ToList();
        if (headers.Count == 0 || operation.Responses is null) return Task.CompletedTask;
        foreach (var (status, response) in operation.Responses)
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in headers)
                concrete.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        return Task.CompletedTask;
    }
}
