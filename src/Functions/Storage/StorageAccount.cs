using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Storage;

/// The tables and blob containers HealthFuncs keeps. Each has one store class in this folder.
public enum TableName { Units, Indicators, Populations, Targets, Forms, Values, Audit, Users, ApiKeys, Idempotency }

public enum ContainerName { Uploads, Workbooks }

/// The storage account: table and blob clients named with the configured prefix.
public sealed class StorageAccount
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly string _prefix;

    public StorageAccount(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        if (o.TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new InvalidOperationException($"Storage:TablePrefix '{o.TablePrefix}' must contain only letters and digits.");
        _prefix = o.TablePrefix;
        if (!string.IsNullOrWhiteSpace(o.AccountName))
        {
            var credential = new DefaultAzureCredential();
            _tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential);
            _blobs = new BlobServiceClient(new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential);
        }
        else
        {
            var connection = string.IsNullOrWhiteSpace(o.ConnectionString) ? "UseDevelopmentStorage=true" : o.ConnectionString;
            _tables = new TableServiceClient(connection);
            _blobs = new BlobServiceClient(connection);
        }
    }

    public TableClient Table(TableName name) => _tables.GetTableClient(_prefix + name);

    // Container names must be lower case; table names are case-insensitive, so one prefix serves both.
    public BlobContainerClient Container(ContainerName name) =>
        _blobs.GetBlobContainerClient((_prefix + name).ToLowerInvariant());

    /// Creates every table and container that does not exist yet. Safe to call at every start.
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enum.GetValues<TableName>().Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(Enum.GetValues<ContainerName>().Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }
}

/// Creates the tables and containers before the server takes requests.
public sealed class StorageInitializer(StorageAccount account) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => account.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<StorageAccount>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<PopulationStore>();
        services.AddSingleton<TargetStore>();
        services.AddSingleton<FormStore>();
        services.AddSingleton<ValueStore>();
        services.AddSingleton<CommittedValues>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<WorkbookStore>();
        return services;
    }
}
