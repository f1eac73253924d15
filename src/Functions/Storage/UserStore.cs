using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// Admin manages catalog, targets and users; Province reads its subtree; District writes its subtree.
public enum UserRole { Admin, Province, District }

/// A HealthFuncs user. Admins may have no unit; everyone else acts within their unit's subtree.
public sealed record User(string Id, string Name, UserRole Role, string? UnitCode);

// Users table.
// PartitionKey = "user" (a few hundred staff at most: one partition), RowKey = user id
// (the App Service Authentication user id or e-mail, or a chosen id for key-only users).
public sealed class UserStore(StorageAccount account)
{
    private const string Partition = "user";
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Users, cancellationToken);

    public async Task<User?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<UserEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToUser() : null;
    }

    public async Task UpsertAsync(User user, CancellationToken cancellationToken = default) =>
        await (await TableAsync(cancellationToken)).UpsertEntityAsync(UserEntity.From(user), TableUpdateMode.Replace, cancellationToken);

    /// Adds a new user; throws RequestFailedException 409 when the id is taken.
    public async Task AddAsync(User user, CancellationToken cancellationToken = default) =>
        await (await TableAsync(cancellationToken)).AddEntityAsync(UserEntity.From(user), cancellationToken);

    private sealed class UserEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? UnitCode { get; set; }

        public User ToUser() => new(RowKey, Name, Enum.Parse<UserRole>(Role), UnitCode);

        public static UserEntity From(User u) => new() { RowKey = u.Id, Name = u.Name, Role = u.Role.ToString(), UnitCode = u.UnitCode };
    }
}
