using HealthFuncs.Core.Seeds;
using HealthFuncs.Functions.Seeding;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// <summary>A server on tables of its own, loaded with the repository's real seeds: units, catalog, the plans' targets and the dev users.</summary>
public abstract class RealSeedsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    protected HealthFuncsFactory Factory { get; } = new(azurite);
    protected SeedCatalog Seeds { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Seeds = SeedCatalog.Load(Path.Combine(AzuriteFixture.RepositoryRoot, "seeds"));
        Factory.StartServer();
        await Factory.Get<SeedLoader>().LoadAsync(Seeds, includeDevKeys: true);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// A client calling as the seeded user <paramref name="userId"/> with their dev key.
    protected HttpClient As(string userId) => Factory.ClientWithKey(Seeds.Users.Single(u => u.Id == userId).DevKey);
}
