using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// Holds a storage request until another has been sent, to prove two calls go out together rather than one after
/// the other's answer: code that sends both at once gets through at once, code that sends the awaited call only once
/// the held one has answered waits for <see cref="Timeout"/> and is reported in <see cref="TimedOut"/>. Matches
/// "METHOD path" and, for a transaction, the table names in its body. Does nothing until <see cref="Arm"/>ed.
public sealed class HoldUntilSent(Func<string, bool> held, Func<string, bool> awaited) : HttpPipelinePolicy
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _armed;

    /// True when a held request waited the whole timeout.
    public bool TimedOut { get; private set; }

    /// How many requests were held.
    public int Held { get; private set; }

    public void Arm()
    {
        _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        (TimedOut, Held, _armed) = (false, 0, true);
    }

    public void Disarm() => _armed = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The app calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (_armed)
        {
            var request = Describe(message);
            if (awaited(request)) _sent.TrySetResult();
            else if (held(request))
            {
                Held++;
                if (await Task.WhenAny(_sent.Task, Task.Delay(Timeout)) != _sent.Task) TimedOut = true;
            }
        }
        await ProcessNextAsync(message, pipeline);
    }

    private static string Describe(HttpMessage message)
    {
        var text = $"{message.Request.Method} {message.Request.Uri.Path}";
        if (!text.EndsWith("/$batch", StringComparison.Ordinal) || message.Request.Content is not { } content) return text;
        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        return text + " " + System.Text.Encoding.UTF8.GetString(body.ToArray());
    }
}
