using HealthFuncs.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class PortSelectionTests
{
    static IConfiguration With(string? port) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LocalServer.LocalPortKey] = port }).Build();

    [Theory]
    [InlineData(null, "http://127.0.0.1:7071")]
    [InlineData("", "http://127.0.0.1:7071")]
    [InlineData("7072", "http://127.0.0.1:7072")]
    [InlineData("1", "http://127.0.0.1:1")]
    public void Server_listens_on_loopback_at_the_configured_port_else_on_7071(string? port, string expected)
    {
        Assert.Equal(expected, LocalServer.ListenUrl(With(port)));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-5")]
    public void Invalid_local_port_is_reported_by_name(string port)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalServer.ListenUrl(With(port)));
        Assert.Contains("Server:Port", error.Message);
        Assert.Contains(port, error.Message);
    }
}
