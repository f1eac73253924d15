using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// Every request the storage clients send, as "METHOD /path", recorded on their own pipeline (add it to
/// <see cref="HealthFuncsFactory.StoragePolicies"/>): tests count storage calls with it, never time them.
public sealed class StorageRequests : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _sent = new();

    public override void OnSendingRequest(HttpMessage message) => _sent.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");

    /// The requests sent since the last call, oldest first.
    public List<string> Take()
    {
        var taken = new List<string>();
        while (_sent.TryDequeue(out var request)) taken.Add(request);
        return taken;
    }
}
