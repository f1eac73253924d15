using System.Globalization;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// Where the server listens when it runs alone: the port the Functions host would use locally
/// (7071), so clients need no second configuration, or <c>Server:Port</c>. It binds to loopback only.
/// Under the Functions host the worker does not listen here at all (see <see cref="Worker.FunctionsWorkerHosting"/>).
/// </summary>
public static class LocalServer
{
    public const int LocalPort = 7071;
    /// <summary>Another port than <see cref="LocalPort"/> (environment: <c>Server__Port</c>).</summary>
    public const string LocalPortKey = "Server:Port";

    public static string ListenUrl(IConfiguration configuration)
    {
        var port = configuration[LocalPortKey] is { Length: > 0 } local ? Port(LocalPortKey, local) : LocalPort;
        return $"http://127.0.0.1:{port}";
    }

    static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new InvalidOperationException($"{name} must be a port number from 1 to 65535; it is '{text}'.");
}
