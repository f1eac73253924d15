using Azure.Core.Pipeline;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace HealthFuncs.Functions.Storage;

/// The SDK client options every request-path client uses. The SDK's defaults (3 retries with exponential
/// back-off up to a minute, 100 s network timeout) keep a request hanging for seconds when storage is down;
/// these give up within about a second so the caller gets 503 with Retry-After while it still waits.
public static class StorageClients
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(400);
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    public static TableClientOptions Tables(IEnumerable<HttpPipelinePolicy>? policies = null) => Tuned(new TableClientOptions(), policies);

    /// Blobs carry whole workbooks: the same quick retries, but a network timeout long enough for a large upload.
    public static BlobClientOptions Blobs(IEnumerable<HttpPipelinePolicy>? policies = null) => Tuned(new BlobClientOptions(), policies, TimeSpan.FromSeconds(60));

    private static T Tuned<T>(T options, IEnumerable<HttpPipelinePolicy>? policies, TimeSpan? networkTimeout = null) where T : ClientOptions
    {
        foreach (var policy in policies ?? []) options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = networkTimeout ?? NetworkTimeout;
        return options;
    }
}
