using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Seeds;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Seeding;

/// What a seed load wrote.
public sealed record SeedSummary(int Units, int Indicators, int Populations, int Targets, int FormsWritten, int FormsKept, int Users);

/// Loads the seed catalog into storage. Safe to run again: catalog and targets are upserted;
/// a seeded form is written only when the unit has no form for that period yet, so figures entered
/// since are never overwritten. A seeded user or dev key is added only when missing, so a user changed
/// or disabled since, or a dev key revoked since, stays so. Dev keys (local use only) are stored hashed, like every key.
public sealed class SeedLoader(
    StorageAccount account, UnitStore units, IndicatorStore indicators, PopulationStore populations, TargetStore targets,
    FormStore forms, ValueStore values, UserStore users, ApiKeyStore keys)
{
    public const string SeedUserId = "seed";
    public const string DevKeyName = "dev";

    public async Task<SeedSummary> LoadAsync(SeedCatalog catalog, bool includeDevKeys, CancellationToken cancellationToken = default)
    {
        await account.EnsureCreatedAsync(cancellationToken);
        await units.UpsertAsync(catalog.Units, cancellationToken);
        await indicators.UpsertAsync(catalog.Indicators, cancellationToken);
        await populations.UpsertAsync(catalog.Populations, cancellationToken);
        await targets.UpsertAsync(catalog.Targets, cancellationToken);

        int written = 0, kept = 0;
        foreach (var form in catalog.Observations.GroupBy(o => (o.UnitCode, o.Period)))
        {
            if (await WriteFormIfNewAsync(form.Key.UnitCode, form.Key.Period, form.ToList(), cancellationToken)) written++;
            else kept++;
        }

        foreach (var user in catalog.Users)
        {
            await users.AddIfMissingAsync(new User(user.Id, user.Name, Enum.Parse<Storage.UserRole>(user.Role.ToString()), user.UnitCode), cancellationToken);
            if (includeDevKeys) await keys.AddIfMissingAsync(user.DevKey, user.Id, DevKeyName, cancellationToken);
        }
        return new SeedSummary(catalog.Units.Count, catalog.Indicators.Count, catalog.Populations.Count, catalog.Targets.Count, written, kept, catalog.Users.Count);
    }

    // The same claim and write → commit path as a submission, so seeded forms look like submitted ones.
    private async Task<bool> WriteFormIfNewAsync(string unitCode, Core.Periods.Period period, IReadOnlyList<Observation> rows, CancellationToken cancellationToken)
    {
        if (await forms.GetAsync(unitCode, period.Code, cancellationToken) is not null) return false;
        var at = DateTimeOffset.UtcNow;
        var claim = new VersionClaim(Guid.NewGuid().ToString("N"), SeedUserId, at);
        try
        {
            await values.WriteAsync(unitCode, period, 1, rows, claim, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // A seeding that stopped between the rows and the commit left them: the same figures, written again.
            await values.DeleteVersionAsync(unitCode, period, 1, cancellationToken);
            await values.WriteAsync(unitCode, period, 1, rows, claim, cancellationToken);
        }
        // Seeded figures are the starting point, not changes anyone made: nothing to audit.
        await forms.CommitAsync(FormState.New(unitCode, period.Code), 1, SeedUserId, at, "seed", rows.Count, auditRows: 0, cancellationToken);
        return true;
    }

    /// The seeds folder of the repository: the nearest "seeds" folder beside a HealthFuncs.sln above
    /// the working directory or the program, or beside the published program.
    public static string? FindSeedsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(seeds) && (File.Exists(Path.Combine(dir.FullName, "HealthFuncs.sln")) || File.Exists(Path.Combine(seeds, "units.json"))))
                    return seeds;
            }
        }
        return null;
    }
}
