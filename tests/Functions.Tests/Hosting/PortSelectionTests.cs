using HealthFuncs.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthFuncs.Functions.Tests.Hosting;

public sealed class PortSelectionTests
{
    static IConfiguration With(string? port) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CustomHandler.PortVariable] = port }).Build();

    [Theory]
    [InlineData(null, "http://127.0.0.1:7071", false)]
    [InlineData("", "http://127.0.0.1:7071", false)]
    [InlineData("38123", "http://127.0.0.1:38123", true)]
    [InlineData("1", "http://127.0.0.1:1", true)]
    public void Server_listens_on_the_host_port_when_given_else_on_7071(string? port, string expected, bool underHost)
    {
        Assert.Equal(expected, CustomHandler.ListenUrl(With(port)));
        Assert.Equal(underHost, CustomHandler.IsUnderFunctionsHost(With(port)));
    }

    [Theory]
    [InlineData(null, "7072", "http://127.0.0.1:7072")]
    [InlineData("38123", "7072", "http://127.0.0.1:38123")]
    public void Running_alone_the_server_takes_the_configured_local_port_and_the_host_port_wins(string? hostPort, string localPort, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CustomHandler.PortVariable] = hostPort,
            [CustomHandler.LocalPortKey] = localPort,
        }).Build();

        Assert.Equal(expected, CustomHandler.ListenUrl(configuration));
    }

    [Fact]
    public void Invalid_local_port_is_reported_by_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CustomHandler.LocalPortKey] = "http" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => CustomHandler.ListenUrl(configuration));
        Assert.Contains("Server:Port", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-5")]
    public void Invalid_host_port_is_reported_by_name(string port)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CustomHandler.ListenUrl(With(port)));
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", error.Message);
        Assert.Contains(port, error.Message);
    }
}
