using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

/// Admin manages catalog, targets and users; Province reads its subtree and manages its users; District writes its subtree.
public enum UserRole { Admin, Province, District }

/// A HealthFuncs user. Admins may have no unit; everyone else acts within their unit's subtree.
public sealed record User(string Id, string Name, UserRole Role, string? UnitCode);

/// A user as stored: who they are, whether they are disabled, and the version an update must name (If-Match).
public sealed record UserAccount(User User, bool Disabled, int Version, ETag ETag)
{
    public string Etag => Etags.Of(Version);
}

// Users table.
// PartitionKey = "user" (a few hundred staff at most: one partition, so a workbook of changes is one
// transaction), RowKey = user id (the App Service Authentication user id or e-mail, or a chosen id for
// key-only users). Version counts the changes made through the API; it is the user's HTTP ETag.
public sealed class UserStore(StorageAccount account)
{
    private const string Partition = "user";
    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => account.TableAsync(TableName.Users, cancellationToken);

    public async Task<User?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetAccountAsync(id, cancellationToken))?.User;

    public async Task<UserAccount?> GetAccountAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<UserEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToAccount() : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<UserAccount>();
        await foreach (var e in (await TableAsync(cancellationToken)).QueryAsync<UserEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
            result.Add(e.ToAccount());
        return result;
    }

    public async Task UpsertAsync(User user, CancellationToken cancellationToken = default) =>
        await (await TableAsync(cancellationToken)).UpsertEntityAsync(UserEntity.From(user, false, 1), TableUpdateMode.Replace, cancellationToken);

    /// Adds a new user; throws RequestFailedException 409 when the id is taken.
    public async Task AddAsync(User user, CancellationToken cancellationToken = default) =>
        await (await TableAsync(cancellationToken)).AddEntityAsync(UserEntity.From(user, false, 1), cancellationToken);

    /// Adds the user unless the id is taken; a user changed or disabled since stays as they are. True when added.
    public async Task<bool> AddIfMissingAsync(User user, CancellationToken cancellationToken = default)
    {
        try
        {
            await AddAsync(user, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// Replaces the account read before as <paramref name="read"/> with the next version; throws RequestFailedException 412
    /// when someone changed it in between. Returns the stored account.
    public async Task<UserAccount> ReplaceAsync(UserAccount read, User user, bool disabled, CancellationToken cancellationToken = default)
    {
        var entity = UserEntity.From(user, disabled, read.Version + 1);
        var response = await (await TableAsync(cancellationToken)).UpdateEntityAsync(entity, read.ETag, TableUpdateMode.Replace, cancellationToken);
        return new UserAccount(user, disabled, read.Version + 1, response.Headers.ETag ?? default);
    }

    /// Adds and replaces users in one transaction (one partition, at most 100): all are written or none.
    public async Task WriteAllAsync(IReadOnlyList<(UserAccount? Read, User User, bool Disabled)> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0) return;
        if (changes.Count > 100) throw new ArgumentException("At most 100 users change in one transaction.", nameof(changes));
        var actions = changes.Select(c => c.Read is { } read
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, UserEntity.From(c.User, c.Disabled, read.Version + 1), read.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, UserEntity.From(c.User, c.Disabled, 1)));
        await (await TableAsync(cancellationToken)).SubmitTransactionAsync(actions, cancellationToken);
    }

    private sealed class UserEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? UnitCode { get; set; }
        public bool Disabled { get; set; }
        // Users stored before versions were kept read as version 1.
        public int? Version { get; set; }

        public UserAccount ToAccount() => new(new User(RowKey, Name, Enum.Parse<UserRole>(Role), UnitCode), Disabled, Version ?? 1, ETag);

        public static UserEntity From(User u, bool disabled, int version) =>
            new() { RowKey = u.Id, Name = u.Name, Role = u.Role.ToString(), UnitCode = u.UnitCode, Disabled = disabled, Version = version };
    }
}
