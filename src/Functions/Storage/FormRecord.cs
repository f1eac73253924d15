using Azure;
using Azure.Data.Tables;

namespace HealthFuncs.Functions.Storage;

// One entity per form in the Forms table (PartitionKey = unit code, RowKey = period code) holds both the
// version pointer (FormStore's properties) and the workflow state (WorkflowStore's properties). Because
// they share one entity and one ETag, a value commit and an approval can never both win against the
// same read: whichever saves second fails its ETag check and is refused. Each store writes only its
// own properties and carries the other's over unchanged, always with a full replace and the ETag it read.
public static class FormRecord
{
    public static async Task<TableEntity?> GetAsync(TableClient table, string unitCode, string periodCode, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(unitCode, periodCode, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// Saves <paramref name="read"/> with <paramref name="changes"/> applied (a null value removes the
    /// property): replace with the ETag read, or add when nothing was read. Throws RequestFailedException
    /// 412 (changed since read) or 409 (created since read). Returns the entity as saved, with its new ETag.
    public static async Task<TableEntity> SaveAsync(TableClient table, string unitCode, string periodCode, TableEntity? read,
        IReadOnlyDictionary<string, object?> changes, CancellationToken cancellationToken)
    {
        var next = new TableEntity(unitCode, periodCode);
        if (read is not null)
            foreach (var (name, value) in read)
                if (name is not ("odata.etag" or "PartitionKey" or "RowKey" or "Timestamp")) next[name] = value;
        foreach (var (name, value) in changes)
            if (value is null) next.Remove(name);
            else next[name] = value;
        var response = read is not null
            ? await table.UpdateEntityAsync(next, read.ETag, TableUpdateMode.Replace, cancellationToken)
            : await table.AddEntityAsync(next, cancellationToken);
        next.ETag = response.Headers.ETag ?? throw new InvalidOperationException("The table returned no ETag.");
        return next;
    }

    public static int? Int(this TableEntity e, string name) => e.TryGetValue(name, out var v) && v is not null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset? Time(this TableEntity e, string name) => e.TryGetValue(name, out var v) ? v switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => null,
    } : null;

    public static string? Text(this TableEntity e, string name) => e.TryGetValue(name, out var v) ? v as string : null;

    public static bool Flag(this TableEntity e, string name) => e.TryGetValue(name, out var v) && v is true;
}
