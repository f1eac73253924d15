using System.Text.Encodings.Web;
using System.Text.Json;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Functions.Storage;

/// How a version's values are stored: as JSON in a few table rows rather than a row per value. Each value is an
/// array [indicator code, value, numerator, denominator, note], its numbers as <see cref="StoredNumber"/> texts (exact
/// decimals, null when absent), in indicator code order; a row holds as many values as fit in
/// <see cref="MaxCharacters"/> characters (a table property holds 32 767), so the whole catalog is one row.
public static class VersionRows
{
    /// Characters of JSON a row holds at most.
    public const int MaxCharacters = 30_000;

    // Vietnamese notes stay as they are rather than six characters of \u escape per letter.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// The JSON of each row of a version holding <paramref name="values"/>: at least one (an empty version is "[]").
    public static IReadOnlyList<string> Of(IReadOnlyList<Observation> values)
    {
        var rows = new List<string>();
        var row = new List<string>();
        var characters = 2;
        foreach (var o in values.OrderBy(o => o.IndicatorCode, StringComparer.Ordinal))
        {
            var value = JsonSerializer.Serialize<string?[]>(
                [o.IndicatorCode, StoredNumber.Format(o.Value), StoredNumber.Format(o.Numerator), StoredNumber.Format(o.Denominator), o.Note], Json);
            if (row.Count > 0 && characters + value.Length + 1 > MaxCharacters)
            {
                rows.Add($"[{string.Join(',', row)}]");
                (row, characters) = ([], 2);
            }
            row.Add(value);
            characters += value.Length + 1;
        }
        rows.Add($"[{string.Join(',', row)}]");
        return rows;
    }

    /// The values of one row, as <see cref="Of"/> wrote them.
    public static IEnumerable<Observation> Read(string json, string unitCode, Period period) =>
        (JsonSerializer.Deserialize<string?[][]>(json, Json) ?? []).Select(v => new Observation(unitCode, v[0]!, period,
            StoredNumber.Parse(v[1]), StoredNumber.Parse(v[2]), StoredNumber.Parse(v[3]), v[4]));

    /// Whether a row holds a value of the indicator.
    public static bool Holds(string json, string indicatorCode) =>
        json.Contains($"\"{indicatorCode}\"", StringComparison.Ordinal)
        && (JsonSerializer.Deserialize<string?[][]>(json, Json) ?? []).Any(v => v[0] == indicatorCode);

    /// The values of a version as a read of its rows returns them: stored and parsed back, in indicator code order.
    public static IReadOnlyList<Observation> AsStored(IReadOnlyList<Observation> values, string unitCode, Period period) =>
        [.. Of(values).SelectMany(json => Read(json, unitCode, period))];
}
