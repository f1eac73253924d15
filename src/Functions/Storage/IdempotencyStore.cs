using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// The response first given to a request carrying an Idempotency-Key. <see cref="ContentType"/> is the media type
/// (a rejected batch is application/problem+json); null for responses stored before it was kept: application/json.
public sealed record StoredResponse(string RequestHash, int Status, string Body, string? Etag, string? ContentType = null);

// Idempotency table.
// PartitionKey = unit code the request wrote to, RowKey = the client's Idempotency-Key.
// Keys are scoped per unit: two districts choosing the same key never collide.
public sealed class IdempotencyStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Idempotency, cancellationToken);

    public async Task<StoredResponse?> GetAsync(string unitCode, string key, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<IdempotencyEntity>(unitCode, key, cancellationToken: cancellationToken);
        return response.HasValue ? new(response.Value!.RequestHash, response.Value.Status, response.Value.Body, response.Value.Etag, response.Value.ContentType) : null;
    }

    /// Stores the first response; false when another request with the same key stored one first.
    public async Task<bool> TryAddAsync(string unitCode, string key, StoredResponse stored, CancellationToken cancellationToken = default)
    {
        try
        {
            await (await TableAsync(cancellationToken)).AddEntityAsync(new IdempotencyEntity
            {
                PartitionKey = unitCode, RowKey = key, RequestHash = stored.RequestHash, Status = stored.Status, Body = stored.Body,
                Etag = stored.Etag, ContentType = stored.ContentType, CreatedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private sealed class IdempotencyEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string RequestHash { get; set; } = "";
        public int Status { get; set; }
        public string Body { get; set; } = "";
        public string? Etag { get; set; }
        public string? ContentType { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
    }
}
