using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace HealthFuncs.Functions.Storage;

// Blob container "workbooks": generated workbooks (year-end summaries, snapshots).
// Blob name chosen by the caller, e.g. "{unitCode}/{year}/export.xlsx"; a regenerated workbook
// replaces the previous one, because it is derived from the tables and can always be rebuilt.
public sealed class WorkbookStore(StorageAccount account)
{
    private Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken) => account.ContainerAsync(ContainerName.Workbooks, cancellationToken);

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken = default) =>
        await (await ContainerAsync(cancellationToken)).GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = XlsxContentType },
        }, cancellationToken);

    /// The workbook's content, or null when it was never generated.
    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = (await ContainerAsync(cancellationToken)).GetBlobClient(name);
        return await blob.ExistsAsync(cancellationToken) ? await blob.OpenReadAsync(cancellationToken: cancellationToken) : null;
    }
}
