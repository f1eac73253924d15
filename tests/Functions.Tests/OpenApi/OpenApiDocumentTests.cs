using System.Text.Json;
using System.Text.Json.Nodes;
using HealthFuncs.Functions.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace HealthFuncs.Functions.Tests.OpenApi;

/// The served /openapi/v1.json is what the add-in's client is generated from: it must pass a real OpenAPI
/// validator (Microsoft.OpenApi's reader and default rule set) and say everything a generated client needs.
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly HealthFuncsFactory _factory = new(azurite);
    private string _json = "";

    public async Task InitializeAsync() => _json = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_document_passes_the_OpenApi_validator_without_errors_or_warnings()
    {
        var (document, diagnostic) = await LoadAsync(_json);

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.True(Operations(document).Count >= 30, $"only {Operations(document).Count} operations");
    }

    [Fact]
    public async Task The_validator_finds_a_fault_put_into_the_document_on_purpose()
    {
        // The same document with a path parameter its path does not have: proof that the check above can fail.
        var broken = JsonNode.Parse(_json)!;
        broken["paths"]!["/api/units/{unit}/targets"]!["get"]!["parameters"]!.AsArray()
            .Add(new JsonObject { ["name"] = "nowhere", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });

        var (document, diagnostic) = await LoadAsync(broken.ToJsonString());

        Assert.NotEmpty(diagnostic!.Errors.Concat(document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!));
    }

    [Fact]
    public async Task The_api_key_and_the_Entra_bearer_are_security_schemes_required_by_every_operation_but_health()
    {
        var (document, _) = await LoadAsync(_json);
        var schemes = document!.Components!.SecuritySchemes!;
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "X-Api-Key"),
            (schemes["ApiKey"].Type, schemes["ApiKey"].In, schemes["ApiKey"].Name));
        Assert.Equal((SecuritySchemeType.Http, "bearer", "JWT"), (schemes["Entra"].Type, schemes["Entra"].Scheme, schemes["Entra"].BearerFormat));

        foreach (var (name, operation) in Operations(document))
        {
            var required = (operation.Security ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id).ToList();
            if (name is "GET /api/health" or "GET /api/health/ready") Assert.Empty(required);
            else Assert.True(required is ["ApiKey", "Entra"], $"{name} requires [{string.Join(", ", required)}]");
        }
    }

    [Theory]
    [InlineData("POST /api/units/{unit}/periods/{period}/values", "If-Match")]
    [InlineData("POST /api/units/{unit}/periods/{period}/values", "Idempotency-Key")]
    [InlineData("POST /api/units/{unit}/periods/{period}/upload", "If-Match")]
    [InlineData("POST /api/units/{unit}/periods/{period}/submit", "If-Match")]
    [InlineData("POST /api/units/{unit}/periods/{period}/approve", "If-Match")]
    [InlineData("POST /api/units/{unit}/periods/{period}/return", "If-Match")]
    [InlineData("POST /api/units/{unit}/periods/{period}/unlock", "If-Match")]
    public async Task Request_headers_the_routes_read_are_parameters(string operationName, string header)
    {
        var (document, _) = await LoadAsync(_json);
        var operation = Operations(document!)[operationName];
        var parameter = Assert.Single(operation.Parameters!, p => p.Name == header);
        Assert.Equal(ParameterLocation.Header, parameter.In);
        Assert.Equal(JsonSchemaType.String, parameter.Schema!.Type);
        Assert.False(string.IsNullOrWhiteSpace(parameter.Description));
    }

    [Theory]
    [InlineData("GET /api/units/{unit}/periods/{period}/values")]
    [InlineData("POST /api/units/{unit}/periods/{period}/values")]
    [InlineData("POST /api/units/{unit}/periods/{period}/upload")]
    [InlineData("GET /api/units/{unit}/periods/{period}/status")]
    [InlineData("POST /api/units/{unit}/periods/{period}/submit")]
    [InlineData("POST /api/units/{unit}/periods/{period}/approve")]
    [InlineData("POST /api/units/{unit}/periods/{period}/return")]
    [InlineData("POST /api/units/{unit}/periods/{period}/unlock")]
    public async Task Responses_that_carry_an_ETag_declare_it(string operationName)
    {
        var (document, _) = await LoadAsync(_json);
        var ok = Operations(document!)[operationName].Responses!["200"];
        Assert.True(ok.Headers?.ContainsKey("ETag") == true, $"{operationName} 200 has no ETag header");
        Assert.Equal(JsonSchemaType.String, ok.Headers!["ETag"].Schema!.Type);
    }

    [Fact]
    public async Task Every_workbook_download_answers_an_xlsx_binary_body()
    {
        var (document, _) = await LoadAsync(_json);
        var downloads = Operations(document!).Where(o => o.Key.StartsWith("GET ", StringComparison.Ordinal)
            && (o.Key.EndsWith(".xlsx", StringComparison.Ordinal) || o.Key == "GET /api/summaries/{year}/{kind}/{file}")).ToList();

        // Five annexes and exports, the year-end summary's files, the users and the catalog workbooks.
        Assert.Equal(8, downloads.Count);
        foreach (var (name, operation) in downloads)
        {
            var content = operation.Responses!["200"].Content!;
            Assert.True(content.Keys.ToList() is [Xlsx], $"{name} answers [{string.Join(", ", content.Keys)}]");
            Assert.Equal((JsonSchemaType.String, "binary"), (content[Xlsx].Schema!.Type, content[Xlsx].Schema!.Format));
        }
    }

    [Fact]
    public async Task The_upload_body_is_multipart_with_a_required_binary_file_field()
    {
        var (document, _) = await LoadAsync(_json);
        var body = Operations(document!)["POST /api/units/{unit}/periods/{period}/upload"].RequestBody!;

        var schema = Assert.Single(body.Content!, c => c.Key == "multipart/form-data").Value.Schema!;
        Assert.Contains("file", schema.Required!);
        Assert.Equal((JsonSchemaType.String, "binary"), (schema.Properties!["file"].Type, schema.Properties["file"].Format));
    }

    [Fact]
    public async Task Every_operation_has_a_summary()
    {
        var (document, _) = await LoadAsync(_json);
        var without = Operations(document!).Where(o => string.IsNullOrWhiteSpace(o.Value.Summary)).Select(o => o.Key).ToList();
        Assert.Empty(without);
    }

    [Fact]
    public void Numbers_are_typed_as_numbers_only()
    {
        // The .NET default reads "83.9" in quotes too and then types every number as number | string with a digits pattern.
        var mixed = Schemas(JsonNode.Parse(_json)!, "$")
            .Where(s => s.Schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "string")
                && types.Any(t => t?.GetValue<string>() is "number" or "integer"))
            .Select(s => s.Path).ToList();
        Assert.Empty(mixed);
        Assert.DoesNotContain("\"pattern\"", _json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemas_have_names_a_person_gave_them()
    {
        var (document, _) = await LoadAsync(_json);
        Assert.DoesNotContain(document!.Components!.Schemas!.Keys, name => name.Contains("AnonymousType", StringComparison.Ordinal));
        Assert.Contains("HealthStatus", document.Components.Schemas!.Keys);
    }

    [Fact]
    public async Task A_rejected_import_is_documented_as_a_problem_with_the_summary_fields()
    {
        var (document, _) = await LoadAsync(_json);
        foreach (var name in new[] { "POST /api/units/{unit}/periods/{period}/values", "POST /api/units/{unit}/periods/{period}/upload" })
        {
            var content = Operations(document!)[name].Responses!["422"].Content!;
            var schema = Assert.Single(content, c => c.Key == "application/problem+json").Value.Schema!;
            Assert.Superset(new HashSet<string> { "title", "detail", "en", "imported", "updated", "rejected", "version", "etag" },
                schema.Properties!.Keys.ToHashSet());
        }
    }

    private static async Task<ReadResult> LoadAsync(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return await OpenApiDocument.LoadAsync(stream, "json");
    }

    private static Dictionary<string, OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(p => p.Value.Operations!.Select(o => ($"{o.Key.Method.ToUpperInvariant()} {p.Key}", o.Value)))
            .ToDictionary(o => o.Item1, o => o.Value);

    // Every object under the document that has a "type": schemas wherever they sit (components, parameters, bodies).
    private static IEnumerable<(string Path, JsonObject Schema)> Schemas(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            if (obj.ContainsKey("type")) yield return (path, obj);
            foreach (var (key, child) in obj)
                if (child is not null) foreach (var found in Schemas(child, $"{path}.{key}")) yield return found;
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                if (array[i] is { } item) foreach (var found in Schemas(item, $"{path}[{i}]")) yield return found;
        }
    }
}
