using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthFuncs.Functions.OpenApi;

/// A response declared with a description of its own (when a status means more than its reason phrase, as a 422
/// of an import does) keeps that description instead of the generic "Unprocessable Entity".
public sealed class ResponseDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>())
            if (declared.Description is { Length: > 0 } description
                && operation.Responses?.GetValueOrDefault(declared.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) is OpenApiResponse response)
                response.Description = description;
        return Task.CompletedTask;
    }
}
