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

    public static bool IsUnderFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[PortVariable]);

    public static string ListenUrl(IConfiguration configuration)
    {
        var text = configuration[PortVariable];
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"http://127.0.0.1:{LocalPort}";
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{PortVariable} must be a port number from 1 to 65535; it is '{text}'.");
        }

        return $"http://127.0.0.1:{port}";
    }
}
