using System.Text.Json;
using System.Text.Json.Serialization;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Seeds;

/// <summary>
/// The reference data in <c>seeds/</c>: units, populations, the indicator catalog, the targets of the
/// source plans, observed values and local development users. Loading checks every cross-reference
/// and reports all problems at once, each naming its file and entry.
/// </summary>
/// <param name="Units">Organisation units with their parent history.</param>
/// <param name="Populations">Populations stated by the source documents.</param>
/// <param name="Indicators">One catalog for all plans, breakdown rows after their parent.</param>
/// <param name="Plans">The source plans with their targets.</param>
/// <param name="Observations">Values the source documents report as achieved.</param>
/// <param name="Users">Local development users.</param>
public sealed record SeedCatalog(
    IReadOnlyList<OrgUnit> Units,
    IReadOnlyList<Population> Populations,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<SeedPlan> Plans,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<SeedUser> Users)
{
    /// <summary>The targets of every plan, with their parsed expressions.</summary>
    public IReadOnlyList<Target> Targets { get; } = Plans.SelectMany(p => p.Targets).ToList();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // A misspelt field would otherwise be dropped without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and checks the seed folder.</summary>
    /// <exception cref="SeedException">A file is missing or malformed, or an entry refers to something that does not exist.</exception>
    public static SeedCatalog Load(string seedsDirectory)
    {
        if (!Directory.Exists(seedsDirectory))
            throw new SeedException([$"{seedsDirectory}: the seed folder does not exist."]);

        var errors = new List<string>();
        var units = Read<UnitsFile>(seedsDirectory, "units.json", errors);
        var populations = Read<PopulationsFile>(seedsDirectory, "populations.json", errors);
        var indicators = Read<IndicatorsFile>(seedsDirectory, "indicators.json", errors);
        var users = Read<UsersFile>(seedsDirectory, "users.json", errors);
        var plans = ReadAll<PlanFile>(seedsDirectory, "targets", required: true, errors);
        var values = ReadAll<ValuesFile>(seedsDirectory, "values", required: false, errors);
        if (errors.Count > 0 || units is null || populations is null || indicators is null || users is null)
            throw new SeedException(errors);

        var checks = new SeedChecks(errors);
        var unitList = checks.Units(units.Units);
        var indicatorList = checks.Indicators(indicators.Indicators);
        // Duplicates are already reported; the first entry with a code stands for it in later checks.
        var unitCodes = unitList.DistinctBy(u => u.Code).ToDictionary(u => u.Code);
        var indicatorCodes = indicatorList.DistinctBy(i => i.Code).ToDictionary(i => i.Code);
        var populationList = checks.Populations(populations.Populations, unitCodes);
        var planList = plans.Select(p => checks.Plan(p.File, p.Content, unitCodes, indicatorCodes)).ToList();
        checks.TargetsAcrossPlans(planList);
        var observations = values.SelectMany(v => checks.Observations(v.File, v.Content, unitCodes, indicatorCodes)).ToList();
        var userList = checks.Users(users.Users, unitCodes);
        if (errors.Count > 0) throw new SeedException(errors);

        return new SeedCatalog(unitList, populationList, indicatorList, planList, observations, userList);
    }

    private static T? Read<T>(string directory, string relativePath, List<string> errors) where T : class
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            errors.Add($"{relativePath}: the file is missing.");
            return null;
        }
        try
        {
            using var stream = File.OpenRead(path);
            var content = JsonSerializer.Deserialize<T>(stream, Json);
            if (content is null) errors.Add($"{relativePath}: the file holds null instead of an object.");
            return content;
        }
        catch (JsonException ex)
        {
            // The message names the JSON path ($.targets[3].year) and line of the bad entry.
            errors.Add($"{relativePath}: {ex.Message}");
            return null;
        }
    }

    private static List<(string File, T Content)> ReadAll<T>(string directory, string folder, bool required, List<string> errors) where T : class
    {
        var path = Path.Combine(directory, folder);
        if (!Directory.Exists(path))
        {
            if (required) errors.Add($"{folder}/: the folder is missing.");
            return [];
        }
        var files = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToList();
        if (required && files.Count == 0) errors.Add($"{folder}/: the folder holds no .json file.");
        var result = new List<(string, T)>();
        foreach (var file in files)
        {
            var relative = $"{folder}/{Path.GetFileName(file)}";
            if (Read<T>(directory, relative, errors) is { } content) result.Add((relative, content));
        }
        return result;
    }
}
