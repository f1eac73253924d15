using System.Text.RegularExpressions;

namespace HealthFuncs.Functions.Hosting.FunctionApp;

/// <summary>
/// Function names for the published app. The Functions host uses a function's folder name as its
/// name and, for a timer, as the path it posts to, so names are derived only from what identifies
/// the function (HTTP method and route, or job name) and stay the same from one publish to the next.
/// Names use lower-case letters, digits and underscores, and start with a letter.
/// </summary>
public static partial class FunctionNames
{
    const int MaxLength = 120;

    public static string ForJob(string jobName) => Clean("job_" + jobName);

    /// <param name="methods">The HTTP methods, or none for an endpoint that takes any method.</param>
    /// <param name="functionRoute">The route as written in function.json (without the "api/" prefix).</param>
    public static string ForHttp(IReadOnlyCollection<string> methods, string functionRoute)
    {
        var verbs = methods.Count == 0 ? "any" : string.Join('_', methods.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal));
        // Parameters keep only their names: "{id:int?}" and "{*rest}" become "id" and "rest".
        var route = Parameter().Replace(functionRoute, m => m.Groups["name"].Value);
        return Clean(verbs + "_" + route);
    }

    public static bool IsValid(string name) => Valid().IsMatch(name);

    static string Clean(string text)
    {
        var name = NotAllowed().Replace(text.ToLowerInvariant(), "_").Trim('_');
        name = Repeated().Replace(name, "_");
        return name.Length <= MaxLength ? name : name[..MaxLength].TrimEnd('_');
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotAllowed();

    [GeneratedRegex("_{2,}")]
    private static partial Regex Repeated();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Valid();
}
