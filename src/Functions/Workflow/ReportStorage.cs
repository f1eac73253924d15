using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace HealthFuncs.Functions.Workflow;

/// The tables and the container the reporting workflow and its jobs keep.
public enum ReportTable { Workflow, JobSteps, Reminders }

/// The storage of the workflow and the jobs, on the same account and with the same
/// "Storage" settings (ConnectionString or AccountName, TablePrefix) as the rest of the server.
/// Blobs live in one container, "{prefix}reports", under three prefixes:
///   year-end/{year}/...            the year-end summary's workbooks and manifest
///   reminders/{period}/{parent}.json  completeness reminders, one per parent unit and period
///   snapshots/{yyyy-MM-dd}/...     nightly snapshots, named by the Vietnam business date
public sealed class ReportStorage
{
    private readonly TableServiceClient _tables;
    private readonly string _prefix;

    public ReportStorage(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        _prefix = section["TablePrefix"] ?? "";
        if (_prefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new InvalidOperationException($"Storage:TablePrefix '{_prefix}' must contain only letters and digits.");
        BlobServiceClient blobs;
        if (section["AccountName"] is { Length: > 0 } account)
        {
            var credential = new DefaultAzureCredential();
            _tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential);
            blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential);
        }
        else
        {
            var connection = section["ConnectionString"] is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
            _tables = new TableServiceClient(connection);
            blobs = new BlobServiceClient(connection);
        }
        Reports = blobs.GetBlobContainerClient((_prefix + "reports").ToLowerInvariant());
    }

    public TableClient Table(ReportTable name) => _tables.GetTableClient(_prefix + name);

    public BlobContainerClient Reports { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enum.GetValues<ReportTable>().Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}

/// Creates the workflow's tables and container before the server takes requests.
public sealed class ReportStorageInitializer(ReportStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
