using System.CommandLine;
using HealthFuncs.Core.Seeds;
using HealthFuncs.Functions.Hosting.Commands;

namespace HealthFuncs.Functions.Seeding;

/// <c>seed [--seeds DIR] [--dev-keys]</c>: loads units, indicators, populations, targets, seeded
/// figures and users into the configured storage, and prints what it wrote.
public sealed class SeedCommand : IOperatorCommand
{
    public Command Create(WebApplication app)
    {
        var directory = new Option<string?>("--seeds") { Description = "The seeds folder (default: seeds/ of the repository)." };
        var devKeys = new Option<bool>("--dev-keys") { Description = "Also store the development API keys of seeds/users.json (local use only)." };
        var command = new Command("seed", "Load the seed catalog (units, indicators, targets, figures, users) into storage.") { directory, devKeys };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(directory) ?? SeedLoader.FindSeedsDirectory();
            if (path is null)
            {
                await Console.Error.WriteLineAsync("Không tìm thấy thư mục seeds; dùng --seeds. / No seeds folder found; pass --seeds.");
                return 2;
            }
            SeedCatalog catalog;
            try
            {
                catalog = SeedCatalog.Load(path);
            }
            catch (SeedException e)
            {
                await Console.Error.WriteLineAsync($"Dữ liệu seeds không hợp lệ / The seeds are invalid ({path}):{Environment.NewLine}{e.Message}");
                return 1;
            }
            var summary = await app.Services.GetRequiredService<SeedLoader>().LoadAsync(catalog, result.GetValue(devKeys), cancellationToken);
            Console.WriteLine($"seed {path}: {summary.Units} units, {summary.Indicators} indicators, {summary.Populations} populations, " +
                $"{summary.Targets} targets, {summary.FormsWritten} forms written ({summary.FormsKept} already there), {summary.Users} users" +
                (result.GetValue(devKeys) ? " with dev keys" : ""));
            return 0;
        });
        return command;
    }
}
