using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthFuncs.Deployment.Tests;

/// <summary>
/// Runs the sample requests a newcomer copies: the README's "Try it with curl" block through bash and curl,
/// and <c>src/Functions/HealthFuncs.http</c> request by request. Each answers the statuses it got beside
/// the ones its text promises (README: "# → 200" after a command; .http: a title ending "→ 200").
/// </summary>
public static partial class SampleRequests
{
    const string DefaultHost = "http://127.0.0.1:7071";

    public static async Task<(List<int> Promised, List<int> Got, string Output)> RunReadmeCurlAsync(string host)
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Try it with curl", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var promised = Promise().Matches(block).Select(m => int.Parse(m.Groups[1].Value)).ToList();

        // Each curl the block runs at its top level prints its status on a line of its own.
        var script = "curl() { command curl -w '\\n=> %{http_code}\\n' \"$@\"; }\n" + block.Replace(DefaultHost, host);
        var run = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(run)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        var got = Status().Matches(output).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        return (promised, got, output + errors);
    }

    public static async Task<(List<int> Promised, List<int> Got, string Output)> RunHttpFileAsync(string host)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "src", "Functions", "HealthFuncs.http"));
        var variables = new Dictionary<string, string>();
        var responses = new Dictionary<string, HttpResponseMessage>();
        var chunks = text.Split("\n###");
        foreach (var line in chunks[0].Split('\n'))
        {
            if (Variable().Match(line) is { Success: true } v) variables[v.Groups[1].Value] = v.Groups[2].Value.Trim();
        }

        variables["host"] = host;
        List<int> promised = [], got = [];
        var log = new StringBuilder();
        using var client = new HttpClient();
        foreach (var chunk in chunks.Skip(1))
        {
            var lines = chunk.Split('\n');
            var title = lines[0].Trim();
            promised.Add(int.Parse(Regex.Match(title, @"→ (\d{3})$").Groups[1].Value));
            var name = lines.Select(l => Regex.Match(l, @"^# @name (\w+)")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            var rest = lines.Skip(1).Where(l => !l.StartsWith('#')).SkipWhile(string.IsNullOrWhiteSpace).ToList();
            var requestLine = Expand(rest[0], variables, responses).Split(' ', 2);
            var headers = rest.Skip(1).TakeWhile(l => l.Trim().Length > 0).Select(l => Expand(l, variables, responses).Split(':', 2)).ToList();
            var body = string.Join('\n', rest.Skip(1 + headers.Count)).Trim();

            using var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1].Trim());
            if (body.Length > 0)
            {
                request.Content = new StringContent(Expand(body, variables, responses), Encoding.UTF8);
            }

            foreach (var header in headers)
            {
                if (header[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(header[1].Trim());
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(header[0], header[1].Trim());
                }
            }

            var response = await client.SendAsync(request);
            got.Add((int)response.StatusCode);
            log.AppendLine($"### {title}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (name is not null) responses[name] = response;
        }

        return (promised, got, log.ToString());
    }

    // {{var}}, {{name.response.headers.Header}}, {{name.response.body.$.a.b}} and {{$timestamp}}, as the REST clients expand them.
    static string Expand(string text, Dictionary<string, string> variables, Dictionary<string, HttpResponseMessage> responses) =>
        Placeholder().Replace(text, m =>
        {
            var key = m.Groups[1].Value;
            if (key == "$timestamp") return DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            var parts = key.Split('.');
            if (parts is [var name, "response", "headers", var header])
            {
                var response = responses[name];
                return response.Headers.TryGetValues(header, out var values) ? values.First() : "";
            }

            if (parts is [var named, "response", "body", "$", .. var path])
            {
                var body = JsonDocument.Parse(responses[named].Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
                return path.Aggregate(body, (element, property) => element.GetProperty(property)).ToString();
            }

            return Expand(variables[key], variables, responses);
        });

    [GeneratedRegex(@"^# → (\d{3})", RegexOptions.Multiline)]
    private static partial Regex Promise();

    [GeneratedRegex(@"^=> (\d{3})$", RegexOptions.Multiline)]
    private static partial Regex Status();

    [GeneratedRegex(@"^@(\w+) = (.*)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Placeholder();
}
