using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// The response first given to a request carrying an Idempotency-Key. <see cref="ContentType"/> is the media type
/// (a rejected batch is application/problem+json); null for responses stored before it was kept: application/json.
public sealed record StoredResponse(string RequestHash, int Status, string Body, string? Etag, string? ContentType = null);

/// A key as stored: either the answer, or (Answer null) a request still being worked on since <see cref="Since"/>.
public sealed record IdempotencyRecord(string RequestHash, StoredResponse? Answer, DateTimeOffset Since, ETag TableEtag);

// Idempotency table.
// PartitionKey = unit code the request wrote to, RowKey = the client's Idempotency-Key.
// Keys are scoped per unit: two districts choosing the same key never collide.
// The first request with a key adds the entity before it does anything (Status 0: in progress) and
// replaces it with its answer at the end; a request finding the key in progress waits for that answer.
public sealed class IdempotencyStore(StorageAccount account)
{
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Idempotency, cancellationToken);

    // A string property holds at most 32 K characters and an entity 1 MiB: the answer is kept in up to 15
    // parts of 30 000 characters. A longer answer is not kept (see CanKeep).
    private const int PartLength = 30_000, MaxParts = 15;

    /// True when <paramref name="body"/> fits in the entity.
    public static bool CanKeep(string body) => body.Length <= PartLength * MaxParts;

    public async Task<IdempotencyRecord?> GetAsync(string unitCode, string key, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<TableEntity>(unitCode, key, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        var hash = e.GetString("RequestHash") ?? "";
        var status = e.GetInt32("Status") ?? 0;
        var body = string.Concat(Enumerable.Range(0, MaxParts).Select(i => e.GetString(i == 0 ? "Body" : $"Body{i}") ?? ""));
        return new(hash, status == 0 ? null : new StoredResponse(hash, status, body, e.GetString("Etag"), e.GetString("ContentType")), e.GetDateTimeOffset("CreatedAt") ?? default, e.ETag);
    }

    /// Marks the key as in progress; null when another request holds it (read it then), otherwise the mark.
    /// <paramref name="over"/> takes over a mark whose request died (with the ETag it was read with).
    public async Task<IdempotencyRecord?> TryBeginAsync(string unitCode, string key, string requestHash, DateTimeOffset at,
        IdempotencyRecord? over = null, CancellationToken cancellationToken = default)
    {
        var entity = new IdempotencyEntity { PartitionKey = unitCode, RowKey = key, RequestHash = requestHash, Status = 0, CreatedAt = at };
        try
        {
            var table = await TableAsync(cancellationToken);
            var response = over is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, over.TableEtag, TableUpdateMode.Replace, cancellationToken);
            return new(requestHash, null, at, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// Replaces the in-progress mark with the answer.
    public async Task CompleteAsync(string unitCode, string key, IdempotencyRecord mark, StoredResponse answer, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(unitCode, key)
        {
            ["RequestHash"] = answer.RequestHash, ["Status"] = answer.Status, ["Etag"] = answer.Etag, ["ContentType"] = answer.ContentType,
            ["CreatedAt"] = mark.Since,
        };
        for (var i = 0; i * PartLength < answer.Body.Length; i++)
            entity[i == 0 ? "Body" : $"Body{i}"] = answer.Body.Substring(i * PartLength, Math.Min(PartLength, answer.Body.Length - i * PartLength));
        await (await TableAsync(cancellationToken)).UpdateEntityAsync(entity, mark.TableEtag, TableUpdateMode.Replace, cancellationToken);
    }

    /// Removes the in-progress mark of a request whose answer a retry must not see again (a conflict, a failure).
    public async Task AbandonAsync(string unitCode, string key, IdempotencyRecord mark, CancellationToken cancellationToken = default)
    {
        try
        {
            await (await TableAsync(cancellationToken)).DeleteEntityAsync(unitCode, key, mark.TableEtag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
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
        public DateTimeOffset CreatedAt { get; set; }
    }
}
