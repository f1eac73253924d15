using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// A user's API key as listed: never the key nor its hash. Id is the first 16 hex digits of the hash,
/// so keys stored before keys had ids (the seeded development keys) have one too.
public sealed record ApiKey(string Id, string UserId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}

/// A key found by its hash, with the ETag its "last used" update is conditional on.
public sealed record StoredApiKey(ApiKey Key, string Hash, ETag ETag);

// ApiKeys table.
// PartitionKey = "key", RowKey = lowercase hex SHA-256 of the key. Keys are never stored, only their
// hashes: a stolen table does not let anyone call the API. A key is long and random, so an unsalted
// hash is enough (there is no dictionary of likely keys to try). A revoked key keeps its row with
// RevokedAt set: the history stays, and seeding again cannot bring a revoked development key back.
// A user's keys are found by a filter on UserId within the one partition (a few hundred users).
public sealed class ApiKeyStore(StorageAccount account)
{
    private const string Partition = "key";
    public const int IdLength = 16;
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.ApiKeys, cancellationToken);

    /// Whose each key is, as this instance found it. A key's owner never changes (a key is issued to one user, and
    /// revoked rather than deleted or reissued), so on a key's next use its row and its owner's are read at once.
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);
    private const int OwnersKept = 10_000;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// A new random key: 32 bytes, base64url, prefixed so it is recognisable in a leaked log.
    public static string NewKey() => "hf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// The key's record, whether active or not, or null for a key never issued.
    public async Task<StoredApiKey?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<ApiKeyEntity>(Partition, Hash(key), cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        if (_owners.Count >= OwnersKept) _owners.Clear();
        _owners[response.Value!.RowKey] = response.Value.UserId;
        return new StoredApiKey(response.Value.ToKey(), response.Value.RowKey, response.Value.ETag);
    }

    /// The user the key belongs to when this instance has found the key before; null otherwise. Whether the key is
    /// still valid is for <see cref="FindAsync"/> to say.
    public string? KnownOwner(string key) => _owners.TryGetValue(Hash(key), out var owner) ? owner : null;

    /// Stores a key's hash for the user; throws RequestFailedException 409 when the key was stored before.
    public async Task<ApiKey> AddAsync(string key, string userId, string name = "", DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var entity = new ApiKeyEntity { RowKey = Hash(key), UserId = userId, Name = name, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = expiresAt };
        await (await TableAsync(cancellationToken)).AddEntityAsync(entity, cancellationToken);
        return entity.ToKey();
    }

    /// Stores the key unless it was stored before (active or revoked). True when added.
    public async Task<bool> AddIfMissingAsync(string key, string userId, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await AddAsync(key, userId, name, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// The user's keys, revoked ones included, oldest first.
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var result = new List<ApiKey>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<ApiKeyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and UserId eq {userId}"), cancellationToken: cancellationToken))
            result.Add(e.ToKey());
        return [.. result.OrderBy(k => k.CreatedAt)];
    }

    /// Marks the user's key revoked from now on; null when the user has no key with that id.
    public async Task<ApiKey?> RevokeAsync(string userId, string keyId, CancellationToken cancellationToken = default)
    {
        if (keyId.Length != IdLength || !keyId.All(char.IsAsciiHexDigitLower)) return null;
        var table = await TableAsync(cancellationToken);
        // Every hash starting with the id sorts between the id and the id followed by 'g' (after 'f').
        await foreach (var e in table.QueryAsync<ApiKeyEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {keyId} and RowKey lt {keyId + "g"} and UserId eq {userId}"),
            cancellationToken: cancellationToken))
        {
            e.RevokedAt ??= DateTimeOffset.UtcNow;
            await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, cancellationToken);
            return e.ToKey();
        }
        return null;
    }

    /// Records that the key was used. Conditional on the ETag read: if the key changed in between (revoked,
    /// or used by another request), that write wins and this one is dropped.
    public async Task TouchAsync(StoredApiKey stored, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, stored.Hash) { ["LastUsedAt"] = at };
        try
        {
            await (await TableAsync(cancellationToken)).UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
        }
    }

    private sealed class ApiKeyEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string UserId { get; set; } = "";
        public string? Name { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public ApiKey ToKey() => new(RowKey[..IdLength], UserId, Name ?? "", CreatedAt, ExpiresAt, LastUsedAt, RevokedAt);
    }
}
