namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// Endpoint metadata naming reads its handler will need, started as the request arrives, before its caller is
/// authenticated: they then run alongside the caller's key and user reads instead of after them. Only reads: nothing
/// is written before the caller's access is checked, and what was read reaches the caller only through the handler.
/// A caller refused before the handler never awaits them; a failed read is then dropped here.
/// </summary>
public sealed class ReadAhead(Func<HttpContext, IEnumerable<Task>> start)
{
    public IEnumerable<Task> Start(HttpContext http) => start(http);
}

public static class ReadAheadExtensions
{
    /// Starts the reads of every <see cref="ReadAhead"/> on the request's endpoint, in the order they were added, just
    /// after the caller's own: the rest of the pipeline runs first up to its first wait, which is authentication sending
    /// the caller's key and user reads, since every other step waits on those. (Were the pipeline to reach the handler
    /// without waiting, the handler reads for itself and these reads are dropped unused.)
    public static IApplicationBuilder UseReadAhead(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetOrderedMetadata<ReadAhead>() is not { Count: > 0 } reads) return next(http);
        var rest = next(http);
        foreach (var read in reads.SelectMany(r => r.Start(http)))
            read.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return rest;
    });
}
