using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthFuncs.Functions.OpenApi;

/// The two ways to sign in, as the document's security schemes, and on every operation that is not anonymous
/// (every one but health and the document itself): either scheme will do.
public sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKey = "ApiKey";
    public const string Entra = "Entra";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(ApiKey, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Identity.ApiKeyAuthenticationHandler.Header,
            Description = "A user's API key (POST /api/users answers it once). The way to call the server locally and from scripts.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(Entra, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A Microsoft Entra ID access token. In Azure the platform's authentication checks it and passes the signed-in user on to the server.",
        });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
        // Two requirements, not one with two schemes: the API key or the bearer token, not both.
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Entra, context.Document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
