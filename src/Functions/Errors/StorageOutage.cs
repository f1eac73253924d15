using Azure;

namespace HealthFuncs.Functions.Errors;

/// Recognises a failure of storage itself (unreachable, timed out, throttled or failing), as opposed to an
/// answer about the data (404, 409, 412): those are the caller's business, these are a 503 with Retry-After.
public static class StorageOutage
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception, CancellationToken requestAborted) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, requestAborted)),
        HttpRequestException or System.Net.Sockets.SocketException => true,
        // The SDK's network timeout surfaces as a cancellation the client did not ask for.
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };
}
