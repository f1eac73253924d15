using System.Text.Encodings.Web;
using System.Text.Json;

namespace HealthFuncs.Functions.Catalog;

/// How a catalog record is written into an audit entry's old/new: compact JSON, Vietnamese readable.
public static class CatalogAudit
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Describe(object record) => JsonSerializer.Serialize(record, Options);
}
