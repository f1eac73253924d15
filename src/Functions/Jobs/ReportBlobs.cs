using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs.Models;
using HealthFuncs.Functions.Workflow;

namespace HealthFuncs.Functions.Jobs;

/// One stored report blob as the API lists it.
public sealed record ReportFile(string Name, long Size, string ContentType, DateTimeOffset? CreatedAt);

/// Create-if-absent writes and listings over the reports container. A blob here is written once
/// (If-None-Match: *) and never overwritten, so a job that runs twice leaves the first run's bytes.
public sealed class ReportBlobs(ReportStorage storage)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Json = "application/json";

    // Camel case and enums by name, as the API writes them.
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// Writes the blob unless it exists. True when this call created it.
    public async Task<bool> CreateIfAbsentAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        await storage.ReadyAsync(cancellationToken);
        try
        {
            await storage.Reports.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task<bool> CreateJsonIfAbsentAsync<T>(string name, T value, CancellationToken cancellationToken = default) =>
        CreateIfAbsentAsync(name, BinaryData.FromObjectAsJson(value, JsonOptions), Json, cancellationToken);

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        await storage.Reports.GetBlobClient(name).ExistsAsync(cancellationToken);

    public async Task<IReadOnlyList<ReportFile>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var result = new List<ReportFile>();
        try
        {
            await foreach (var item in storage.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
                result.Add(new ReportFile(item.Name, item.Properties.ContentLength ?? 0, item.Properties.ContentType ?? "", item.Properties.CreatedOn));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing has been stored.
        }
        return result;
    }

    /// The blob's content and type, or null when there is none.
    public async Task<(BinaryData Content, string ContentType)?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = storage.Reports.GetBlobClient(name);
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken);
            return (result.Value.Content, result.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<T?> ReadJsonAsync<T>(string name, CancellationToken cancellationToken = default) =>
        await ReadAsync(name, cancellationToken) is { } blob ? blob.Content.ToObjectFromJson<T>(JsonOptions) : default;
}
