using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace HealthFuncs.Functions.OpenApi;

public static class OpenApiSetup
{
    /// The document at /openapi/v1.json, complete enough to generate the add-in's client from it: sign-in schemes,
    /// headers, files, and numbers that are only numbers.
    public static IServiceCollection AddHealthFuncsOpenApi(this IServiceCollection services)
    {
        // Numbers are read only as JSON numbers (the web default also takes "83.9" in quotes). The document then types
        // them as numbers alone, as the add-in sends them, instead of number-or-string with a digits pattern.
        services.Configure<JsonOptions>(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SecurityTransformer>();
            options.AddOperationTransformer<SecurityTransformer>();
            options.AddOperationTransformer<HeaderTransformer>();
            options.AddOperationTransformer<ResponseDescriptionTransformer>();
            options.AddOperationTransformer<FileTransformer>();
            options.AddOperationTransformer<PlanBodyTransformer>();
            options.AddDocumentTransformer<FileTransformer>();
        });
    }
}
