using System.Text.Encodings.Web;
using System.Text.Json;

namespace HealthFuncs.Functions.Storage;

/// One value's change within a commit's audit row.
public sealed record AuditChange(string Action, string? Indicator, string? Old, string? New);

/// One audit row of a commit: its first entry (whose time, user, unit, period and origin every entry of a commit
/// shares) and the JSON of its changes.
public sealed record CommitRow(AuditEntry First, string Changes);

/// How a commit's audit entries are grouped into rows: in their order, at most <see cref="AuditStore.ChangesPerRow"/>
/// to a row, and few enough that the row's JSON stays within a table property (32 767 characters).
public static class CommitRows
{
    private const int MaxCharacters = 30_000;

    // Vietnamese text stays as it is rather than six characters of \u escape per letter.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// The rows of one unit's entries of a commit.
    public static IEnumerable<CommitRow> Of(IReadOnlyList<AuditEntry> entries)
    {
        var row = new List<string>();
        AuditEntry? first = null;
        var characters = 0;
        foreach (var entry in entries)
        {
            var change = JsonSerializer.Serialize(new AuditChange(entry.Action.ToString(), entry.IndicatorCode, entry.Old, entry.New), Json);
            if (row.Count > 0 && (row.Count == AuditStore.ChangesPerRow || characters + change.Length + 1 > MaxCharacters))
            {
                yield return new(first!, $"[{string.Join(',', row)}]");
                (row, characters) = ([], 0);
            }
            if (row.Count == 0) first = entry;
            row.Add(change);
            characters += change.Length + 1;
        }
        if (row.Count > 0) yield return new(first!, $"[{string.Join(',', row)}]");
    }

    public static IReadOnlyList<AuditChange> Read(string changes) => JsonSerializer.Deserialize<List<AuditChange>>(changes, Json) ?? [];
}
