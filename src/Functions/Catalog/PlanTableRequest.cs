using System.Globalization;
using System.Text.Json;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Catalog;

/// A plan table as the add-in reads it from a sheet: the cells row by row from the sheet's first row (numbers as
/// JSON numbers, text as strings, empty cells null or ""), read by the same header search and matching as a workbook.
public sealed record PlanTableRequest(string? Sheet, IReadOnlyList<IReadOnlyList<JsonElement>>? Cells)
{
    public const int MaxRows = 2000, MaxColumns = 60, MaxText = 2000;

    /// The cells as sheet rows (1-based, as a workbook's), or the 400 naming what is wrong.
    public (IReadOnlyList<SheetRow> Rows, ValidationProblem? Problem) ToRows()
    {
        if (Cells is not { Count: > 0 } cells)
            return ([], Problems.Invalid("cells", "Không có ô nào của bảng kế hoạch (trường \"cells\").", "No cells of the plan table were sent (field \"cells\")."));
        if (cells.Count > MaxRows || cells.Any(r => r is not null && r.Count > MaxColumns))
            return ([], Problems.Invalid("cells", $"Bảng kế hoạch tối đa {MaxRows} dòng, {MaxColumns} cột.", $"A plan table has at most {MaxRows} rows and {MaxColumns} columns."));
        var rows = new List<SheetRow>(cells.Count);
        for (var r = 0; r < cells.Count; r++)
        {
            var row = new List<SheetCell>();
            for (var c = 0; c < (cells[r]?.Count ?? 0); c++)
            {
                var cell = cells[r][c];
                var read = cell.ValueKind switch
                {
                    JsonValueKind.Number when cell.TryGetDecimal(out var number) => new SheetCell((uint)c + 1, number.ToString(CultureInfo.InvariantCulture), true),
                    JsonValueKind.String => new SheetCell((uint)c + 1, cell.GetString()!, false),
                    JsonValueKind.True or JsonValueKind.False => new SheetCell((uint)c + 1, cell.GetBoolean() ? "TRUE" : "FALSE", false),
                    JsonValueKind.Null or JsonValueKind.Undefined => (SheetCell?)null,
                    _ => new SheetCell((uint)c + 1, "", false),
                };
                if (read is not { } value) continue;
                if (value.Text.Length > MaxText)
                    return ([], Problems.Invalid($"cells[{r}][{c}]", $"Ô dòng {r + 1}, cột {c + 1} dài quá {MaxText} ký tự.", $"The cell at row {r + 1}, column {c + 1} is longer than {MaxText} characters."));
                if (value.Text.Length > 0) row.Add(value);
            }
            if (row.Count > 0) rows.Add(new SheetRow((uint)r + 1, row));
        }
        return (rows, null);
    }
}
