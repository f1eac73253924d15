namespace HealthFuncs.Functions.Storage;

/// Bound from the "Storage" configuration section.
/// Either a connection string (Azurite locally: "UseDevelopmentStorage=true") or an account name,
/// in which case the account URLs are used with DefaultAzureCredential (managed identity in Azure).
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    /// Prepended to every table and container name, so tests (and several environments sharing
    /// one account) never see each other's data. Letters and digits only: table names allow nothing else.
    public string TablePrefix { get; set; } = "";

    /// How many value rows of committed versions an instance keeps in memory (<see cref="KeptVersions"/>): about
    /// 250 bytes each, so the default of 250 000 (a province of 150 communes reporting a year of 56 indicators)
    /// holds about 60 MB. 0 keeps none.
    public int KeptVersionRows { get; set; } = 250_000;
}
