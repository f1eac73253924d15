using System.CommandLine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFuncs.Functions.Hosting.Commands;

/// <summary>
/// A command of the operator command line (<c>HealthFuncs.Functions &lt;command&gt; ...</c>): the same
/// program and the same configuration as the server, doing one task and exiting. Several commands
/// implement this; add one by writing the class and calling <c>services.AddOperatorCommand&lt;T&gt;()</c>.
/// </summary>
public interface IOperatorCommand
{
    Command Create(WebApplication app);
}

public static class OperatorCommands
{
    public static IServiceCollection AddOperatorCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IOperatorCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperatorCommand, TCommand>());
        return services;
    }

    /// <summary>
    /// Runs the command named by the first argument, or the server when there is none. A first
    /// argument that is neither a command nor a setting ("--key value", "key=value") is an error,
    /// so a mistyped command never starts a server instead.
    /// </summary>
    public static async Task<int> RunOrExecuteAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h") || args[0].Contains('='))
        {
            await app.RunAsync();
            return 0;
        }

        var root = new RootCommand("HealthFuncs: run with no command to start the server; the commands below are for operators.");
        foreach (var command in app.Services.GetServices<IOperatorCommand>())
        {
            root.Subcommands.Add(command.Create(app));
        }

        return await root.Parse(args).InvokeAsync();
    }
}
