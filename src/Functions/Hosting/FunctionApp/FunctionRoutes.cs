using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HealthFuncs.Functions.Hosting.FunctionApp;

/// <summary>
/// Turns a server route pattern into the route of an HTTP-triggered function. host.json sets
/// <c>routePrefix</c> to "api", so "/api/units/{unit}" is published as "units/{unit}"; the host then
/// forwards the request unchanged to the same path on the server. Functions routes are ASP.NET Core
/// route templates, so parameters, constraints, optional markers and defaults carry over as they
/// are; a "{**rest}" catch-all is written "{*rest}", the form every host version reads.
/// Patterns outside "/api" cannot be reached through the route prefix and are not published.
/// </summary>
public static class FunctionRoutes
{
    public const string Prefix = "api";

    public static bool TryTranslate(RoutePattern pattern, out string route)
    {
        route = "";
        var segments = pattern.PathSegments;
        if (segments.Count == 0 || segments[0].Parts is not [RoutePatternLiteralPart { Content: var first }]
            || !string.Equals(first, Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        route = string.Join('/', segments.Skip(1).Select(segment => string.Concat(segment.Parts.Select(part => Write(part, pattern)))));
        return true;
    }

    static string Write(RoutePatternPart part, RoutePattern pattern) => part switch
    {
        RoutePatternLiteralPart literal => literal.Content.Replace("{", "{{").Replace("}", "}}"),
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => Write(parameter, pattern),
        _ => throw new NotSupportedException($"Route part {part.GetType().Name} in '{pattern.RawText}' has no Functions equivalent."),
    };

    static string Write(RoutePatternParameterPart parameter, RoutePattern pattern)
    {
        var text = new StringBuilder("{");
        if (parameter.IsCatchAll)
        {
            text.Append('*');
        }

        text.Append(parameter.Name);
        // Only constraints written as text can be carried; a policy object registered in code
        // has no text form, and the server still applies it after the host forwards the request.
        foreach (var policy in parameter.ParameterPolicies.Where(p => !string.IsNullOrEmpty(p.Content)))
        {
            text.Append(':').Append(policy.Content);
        }

        if (parameter.IsOptional)
        {
            text.Append('?');
        }
        else if (parameter.Default is { } value && pattern.Defaults.ContainsKey(parameter.Name))
        {
            text.Append('=').Append(value);
        }

        return text.Append('}').ToString();
    }
}
