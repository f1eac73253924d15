using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace HealthFuncs.Functions.Workflow;

/// The tables and the container the reporting jobs keep (the workflow state itself lives in the Forms table).
public enum ReportTable { JobSteps, Reminders }

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
            _tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, Storage.StorageClients.Tables());
            blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, Storage.StorageClients.Blobs());
        }
        else
        {
            var connection = section["ConnectionString"] is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
            _tables = new TableServiceClient(connection, Storage.StorageClients.Tables());
            blobs = new BlobServiceClient(connection, Storage.StorageClients.Blobs());
        }
        Reports = blobs.GetBlobContainerClient((_prefix + "reports").ToLowerInvariant());
    }

    public TableClient Table(ReportTable name) => _tables.GetTableClient(_prefix + name);

    public BlobContainerClient Reports { get; }

    private Task? _ready;

    /// Creates the tables and the container on first use in this process. The server has no start-up
    /// step that needs storage (the command-line mode and the hosting tests run without it), so every
    /// store asks for this before its first call; after one success it costs nothing.
    public Task ReadyAsync(CancellationToken cancellationToken = default) =>
        _ready is { IsCompletedSuccessfully: true } ready ? ready : _ready = EnsureCreatedAsync(cancellationToken);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enum.GetValues<ReportTable>().Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
