using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace HealthFuncs.Functions.Storage;

/// The tables and blob containers HealthFuncs keeps. Each has one store class in this folder.
public enum TableName { Units, Indicators, Populations, Targets, Forms, Values, Audit, Users, ApiKeys, Idempotency, IndicatorSets }

public enum ContainerName { Uploads, Workbooks }

/// The storage account: table and blob clients named with the configured prefix.
/// Queries are filtered with <see cref="TableClient.CreateQueryFilter(FormattableString)"/> (interpolated values quoted
/// and escaped) rather than LINQ expressions, which the SDK turns into a filter by compiling every captured value
/// into a delegate on every query: about 150 µs and 21 kB each against 1–2 µs and 0.4 kB, and a consolidation of 150
/// children makes some 300 queries.
public sealed class StorageAccount
{
    private readonly TableServiceClient _tables;
    // The blob client is built on first use: most requests (sign-in, forms, values) touch only tables, and building
    // it loads the blob SDK and its pipeline, work a first request would otherwise wait on.
    private readonly Lazy<BlobServiceClient> _blobs;
    private readonly string _prefix;

    /// <param name="options">Where the storage is.</param>
    /// <param name="policies">Extra pipeline policies for every client (none in the app; the tests count requests with one).</param>
    public StorageAccount(IOptions<StorageOptions> options, IEnumerable<HttpPipelinePolicy> policies)
    {
        var o = options.Value;
        if (o.TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new InvalidOperationException($"Storage:TablePrefix '{o.TablePrefix}' must contain only letters and digits.");
        _prefix = o.TablePrefix;
        if (!string.IsNullOrWhiteSpace(o.AccountName))
        {
            var credential = new DefaultAzureCredential();
            _tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, StorageClients.Tables(policies));
            var blobs = new Uri($"https://{o.AccountName}.blob.core.windows.net");
            _blobs = new(() => new BlobServiceClient(blobs, credential, StorageClients.Blobs(policies)));
        }
        else
        {
            var connection = string.IsNullOrWhiteSpace(o.ConnectionString) ? "UseDevelopmentStorage=true" : o.ConnectionString;
            _tables = new TableServiceClient(connection, StorageClients.Tables(policies));
            _blobs = new(() => new BlobServiceClient(connection, StorageClients.Blobs(policies)));
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _created = new();

    public TableClient Table(TableName name) => _tables.GetTableClient(_prefix + name);

    /// The table, created on first use. Creating lazily lets the server start (and answer /api/health)
    /// while storage is unreachable; a failed creation is forgotten so the next call tries again.
    public async Task<TableClient> TableAsync(TableName name, CancellationToken cancellationToken = default)
    {
        var table = Table(name);
        await OnceAsync("table:" + name, () => table.CreateIfNotExistsAsync(CancellationToken.None), cancellationToken);
        return table;
    }

    /// The blob container, created on first use.
    public async Task<BlobContainerClient> ContainerAsync(ContainerName name, CancellationToken cancellationToken = default)
    {
        var container = Container(name);
        await OnceAsync("container:" + name, () => container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), cancellationToken);
        return container;
    }

    private async Task OnceAsync(string key, Func<Task> create, CancellationToken cancellationToken)
    {
        var creation = _created.GetOrAdd(key, _ => new Lazy<Task>(create));
        try
        {
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.Value.IsFaulted)
        {
            _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, creation));
            throw;
        }
    }

    public BlobContainerClient Container(ContainerName name) =>
        _blobs.Value.GetBlobContainerClient((_prefix + name).ToLowerInvariant());

    /// One cheap call (the first page of one table name) that succeeds only when storage answers.
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in _tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            break;
    }

    /// Creates every table and container that does not exist yet. Safe to call at every start.
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enum.GetValues<TableName>().Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(Enum.GetValues<ContainerName>().Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }
}

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<StorageAccount>();
        services.AddHttpContextAccessor();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<PopulationStore>();
        services.AddSingleton<TargetStore>();
        services.AddSingleton<IndicatorSetStore>();
        services.AddSingleton<Catalog.CatalogUsage>();
        services.AddSingleton<Indicators.UnitIndicators>();
        services.AddSingleton<FormStore>();
        services.AddSingleton<KeptVersions>();
        services.AddSingleton<ValueStore>();
        services.AddSingleton<CommittedValues>();
        services.AddSingleton<Submissions.FormWriter>();
        services.AddSingleton<Submissions.SubmissionReader>();
        services.AddSingleton<Submissions.CommitAudit>();
        services.AddSingleton<Attainment.FigureBooks>();
        services.AddSingleton<Seeding.SeedLoader>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<WorkbookStore>();
        return services;
    }
}
