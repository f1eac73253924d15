using System.Net;
using System.Net.Http.Json;
using System.Text;
using HealthFuncs.Functions.Submissions;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Tests.Workflow;

namespace HealthFuncs.Functions.Tests.Submissions;

/// Every field has a stated bound, checked before storage: the answer names the field, and is never a 500.
[Collection(AzuriteCollection.Name)]
public sealed class InputLimitTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private static readonly string Huge = new('ư', 40_000);

    private Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, HttpMethod? method = null) =>
        client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<string> FieldsOf(HttpResponseMessage response) => (await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData("1000000000001", HttpStatusCode.UnprocessableEntity, "value")]
    [InlineData("79000000000000000000000000000", HttpStatusCode.UnprocessableEntity, "value")]
    [InlineData("1e29", HttpStatusCode.BadRequest, "values[0].value")]
    [InlineData("1e-30", HttpStatusCode.BadRequest, "values[0].value")]
    [InlineData("0.0000001", HttpStatusCode.UnprocessableEntity, "value")]
    [InlineData("\"12\"", HttpStatusCode.BadRequest, "values[0].value")]
    public async Task A_number_out_of_range_or_not_a_number_is_refused_naming_its_field_and_nothing_is_stored(string number, HttpStatusCode status, string field)
    {
        var response = await PostJsonAsync(D1, "/api/units/D1/periods/2021/values", $$"""{"values":[{"indicatorCode":"X001","value":{{number}}}]}""");

        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await ReadFormAsync()).Version);
    }

    [Fact]
    public async Task A_forty_thousand_character_note_reason_name_or_target_text_is_refused_naming_the_field()
    {
        var admin = Factory.ClientWithKey(UserKeys.Admin);
        var note = await D1.SubmitAsync("D1", "2021", new { values = new[] { new { indicatorCode = "X001", value = 1, note = Huge } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, note.StatusCode);
        Assert.Contains("\"note\"", await note.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await D1.SubmitAsync("D1", "2021-Q1", HttpExtensions.Values(("X001", 1)));
        var submitted = await D1.TransitionAsync("D1", "2021-Q1", "submit");
        foreach (var (action, body) in new (string, object)[] { ("return", new { reason = Huge }), ("unlock", new { reason = Huge, until = "2030-01-01" }) })
        {
            var response = await admin.TransitionAsync("D1", "2021-Q1", action, submitted.Etag(), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"reason\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var user = await admin.PostAsJsonAsync("/api/users", new { id = "long-name", name = Huge, role = "District", unitCode = "D1" });
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        Assert.Contains("\"name\"", await user.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var target = await admin.PutAsJsonAsync("/api/units/D1/targets/2021", new { targets = new[] { new { indicatorCode = "X001", text = Huge } } });
        Assert.Equal(HttpStatusCode.BadRequest, target.StatusCode);
        Assert.Contains("targets[0].text", await target.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_route_answers_415_naming_the_multipart_form_with_a_workbook()
    {
        var response = await PostJsonAsync(D1, "/api/units/D1/periods/2021/upload", "{}");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("multipart/form-data", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Contains("file", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("application/json", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_hundred_mutations_of_a_valid_values_batch_never_get_a_server_error()
    {
        const string valid = """{"values":[{"indicatorCode":"BEDS","value":420,"note":"ghi chú"},{"indicatorCode":"BEDS.HOSP","value":280},{"indicatorCode":"COVER","value":83.9,"numerator":839,"denominator":1000}]}""";
        var random = new Random(15);
        string[] tokens = ["null", "true", "\"\"", "\"12\"", "-1", "1e400", "1e-400", "79228162514264337593543950336", "-0", "{}", "[]", "[1]",
            "\"\\u0000\"", "\"" + new string('a', 70_000) + "\"", "0.1234567891", "NaN", "\"/\\\\#?\"", "1000000000001", "\"BEDS\"", "{\"a\":1}"];
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 300; i++)
        {
            var body = Mutate(valid, random, tokens);
            var response = await PostJsonAsync(D1, $"/api/units/D1/periods/{2001 + i % 20}/values?dryRun={(i % 3 == 0 ? "false" : "true")}", body);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body[..Math.Min(body.Length, 300)]}: {await response.Content.ReadAsStringAsync()}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }
        // The mutations reach every kind of answer, not only the parser's.
        Assert.Contains(HttpStatusCode.OK, statuses.Keys);
        Assert.Contains(HttpStatusCode.BadRequest, statuses.Keys);
        Assert.Contains(HttpStatusCode.UnprocessableEntity, statuses.Keys);
    }

    // One to three edits: a value replaced by a hostile token, a character deleted, duplicated or swapped.
    private static string Mutate(string json, Random random, string[] tokens)
    {
        var text = new StringBuilder(json);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    var s = text.ToString();
                    var colon = s.IndexOf(':', at) is var c and >= 0 ? c : s.IndexOf(':');
                    var end = s.IndexOfAny([',', '}'], colon + 1);
                    if (end < 0) break;
                    text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, tokens[random.Next(tokens.Length)]);
                    break;
                case 1: text.Remove(at, 1); break;
                case 2: text.Insert(at, text[at]); break;
                default: text[at] = "{}[]:,\"0a-.e"[random.Next(12)]; break;
            }
            if (text.Length == 0) text.Append('{');
        }
        return text.ToString();
    }
}
