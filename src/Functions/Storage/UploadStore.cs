using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace HealthFuncs.Functions.Storage;

// Blob container "uploads": raw uploaded workbooks, kept exactly as received.
// Blob name = "{unitCode}/{periodCode}/{yyyyMMddTHHmmssZ}-{guid}-{fileName}". Create-only: the upload
// is conditional on If-None-Match: *, so an upload can never replace an earlier one.
public sealed class UploadStore(StorageAccount account)
{
    private Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken) => account.ContainerAsync(ContainerName.Uploads, cancellationToken);

    /// Stores the upload and returns its blob name.
    public async Task<string> SaveAsync(string unitCode, string periodCode, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var safeName = string.Concat(Path.GetFileName(fileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var name = $"{unitCode}/{periodCode}/{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}-{safeName}";
        await (await ContainerAsync(cancellationToken)).GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);
        return name;
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        await (await ContainerAsync(cancellationToken)).GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
}
