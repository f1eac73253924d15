using HealthFuncs.Functions.Submissions;

namespace HealthFuncs.Functions.OpenApi;

/// A request header an endpoint reads (bound or read by a filter), described in the OpenAPI document.
public sealed record RequestHeaderMetadata(string Name, string Description, bool Required = false);

/// A header an endpoint sets on its successful responses.
public sealed record ResponseHeaderMetadata(string Name, string Description);

/// The endpoint answers 200 with an .xlsx workbook.
public sealed record WorkbookResponseMetadata;

/// The parts of an endpoint's HTTP contract that its handler's signature does not show: headers read by hand or by
/// a filter, headers set on the response, files returned. Declared once beside the route; the OpenAPI document
/// reads them from the endpoint's metadata (<see cref="HeaderTransformer"/>, <see cref="FileTransformer"/>).
public static class ApiContract
{
    public const string IfMatch = "If-Match";

    /// The endpoint takes the ETag the client read, so a change made meanwhile is refused (409) instead of overwritten.
    public static TBuilder AcceptsIfMatch<TBuilder>(this TBuilder builder, string requiredWhen) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(IfMatch,
            $"The ETag read before the change, e.g. \"3\"; required {requiredWhen} (428 without it, 409 when it is stale)."));

    /// Adds the filter that makes a retry with the same Idempotency-Key harmless, and says so in the document.
    public static RouteHandlerBuilder AcceptsIdempotencyKey<TBody>(this RouteHandlerBuilder builder)
    {
        builder.AddEndpointFilter(new IdempotencyFilter<TBody>());
        return builder.WithMetadata(new RequestHeaderMetadata(IdempotencyFilter<TBody>.Header,
            "Optional client key (letters, digits, '-', '_', '.', ':'; at most 200): the same request sent again with it gets the first answer back without writing again; the same key with another request is 422."));
    }

    /// The response carries the version the client sends back in If-Match.
    public static TBuilder ReturnsETag<TBuilder>(this TBuilder builder, string what) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata("ETag", $"{what}, quoted; send it back in If-Match."));

    /// The endpoint answers 200 with an .xlsx workbook (a download with its file name in Content-Disposition).
    public static TBuilder ProducesWorkbook<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new WorkbookResponseMetadata());

    /// A rejected import answers 422 with the import summary inside a ProblemDetails.
    public static RouteHandlerBuilder ProducesImportRejection(this RouteHandlerBuilder builder, string description) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity, typeof(ImportRejection), ["application/problem+json"])
        {
            Description = description,
        });
}

/// The plan import's two bodies on one route: a workbook (multipart "file") or the add-in's cells (JSON).
public sealed record PlanBodyMetadata;
