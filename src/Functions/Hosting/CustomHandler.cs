using System.Globalization;

namespace HealthFuncs.Functions.Hosting;

/// <summary>
/// How the server finds its place under Azure Functions. The host starts the server as its custom
/// handler and passes the port in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; running alone, the server
/// takes the port the Functions host would use locally, so clients need no second configuration.
/// Either way it binds to loopback only: under the host only the host may reach it.
/// </summary>
public static class CustomHandler
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const int LocalPort = 7071;
    /// <summary>Running alone, another port than <see cref="LocalPort"/> (environment: <c>Server__Port</c>).</summary>
    public const string LocalPortKey = "Server:Port";

    public static bool IsUnderFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[PortVariable]);

    public static string ListenUrl(IConfiguration configuration)
    {
        var port = IsUnderFunctionsHost(configuration)
            ? Port(PortVariable, configuration[PortVariable]!)
            : configuration[LocalPortKey] is { Length: > 0 } local ? Port(LocalPortKey, local) : LocalPort;
        return $"http://127.0.0.1:{port}";
    }

    static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new InvalidOperationException($"{name} must be a port number from 1 to 65535; it is '{text}'.");
}
