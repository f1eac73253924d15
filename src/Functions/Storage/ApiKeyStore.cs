using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

// ApiKeys table.
// PartitionKey = "key", RowKey = lowercase hex SHA-256 of the key. Keys are never stored, only their
// hashes: a stolen table does not let anyone call the API. A key is long and random, so an unsalted
// hash is enough (there is no dictionary of likely keys to try).
public sealed class ApiKeyStore(StorageAccount account)
{
    private const string Partition = "key";
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.ApiKeys, cancellationToken);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// A new random key: 32 bytes, base64url, prefixed so it is recognisable in a leaked log.
    public static string NewKey() => "hf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// The user id the key belongs to, or null.
    public async Task<string?> FindUserAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<ApiKeyEntity>(Partition, Hash(key), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.UserId : null;
    }

    public async Task AddAsync(string key, string userId, CancellationToken cancellationToken = default) =>
        await (await TableAsync(cancellationToken)).UpsertEntityAsync(new ApiKeyEntity { RowKey = Hash(key), UserId = userId, CreatedAt = DateTimeOffset.UtcNow },
            TableUpdateMode.Replace, cancellationToken);

    private sealed class ApiKeyEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string UserId { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
    }
}
