namespace HealthFuncs.Functions.Hosting.Jobs;

/// <summary>
/// Collects what a job logs through its ordinary <see cref="ILogger"/> while one invocation runs,
/// so the Functions host gets those lines back in the response's <c>Logs</c> array (and shows them
/// in the invocation's log) without jobs writing to a second logging API. The capture follows the
/// async flow of the invocation, so concurrent invocations never mix their lines.
/// </summary>
public sealed class InvocationLogs : ILoggerProvider
{
    static readonly AsyncLocal<Capture?> Current = new();

    public static Capture Begin()
    {
        var capture = new Capture(Current.Value);
        Current.Value = capture;
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger();

    public void Dispose()
    {
    }

    public sealed class Capture(Capture? outer) : IDisposable
    {
        readonly List<string> lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return lines.ToArray();
                }
            }
        }

        internal void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }

        public void Dispose() => Current.Value = outer;
    }

    sealed class CapturingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && Current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel}: {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" ({exception.GetType().Name}: {exception.Message})";
            }

            Current.Value!.Add(line);
        }
    }
}
