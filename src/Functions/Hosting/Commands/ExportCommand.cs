using System.CommandLine;

namespace HealthFuncs.Functions.Hosting.Commands;

/// <summary>What an export is asked for: the unit, and the period or year as the user typed it.</summary>
public sealed record ExportRequest(string Unit, string Period);

/// <summary>
/// One kind of workbook the <c>export</c> command can write (for example "plan" or "result"),
/// registered with <c>services.AddWorkbookExport(...)</c> next to the code that builds that workbook.
/// <see cref="WriteAsync"/> runs in its own DI scope and writes the whole workbook to the stream;
/// it throws <see cref="ArgumentException"/> for a unit or period it cannot export, with a message
/// the operator reads.
/// </summary>
public sealed record WorkbookExport(string Kind, string Description, Func<IServiceProvider, ExportRequest, Stream, CancellationToken, Task> WriteAsync);

/// <summary>
/// <c>export &lt;kind&gt; --unit X --period P --out file.xlsx</c>. The workbook is written to a temporary
/// file beside the target (its folder is created when missing) and moved into place only when complete,
/// so a failed export never leaves a half-written file where the operator expects the result.
/// </summary>
public sealed class ExportCommand(IEnumerable<WorkbookExport> exports) : IOperatorCommand
{
    public Command Create(WebApplication app)
    {
        var kinds = exports.ToDictionary(e => e.Kind, StringComparer.OrdinalIgnoreCase);
        var kind = new Argument<string>("kind") { Description = "What to export: " + Describe(kinds.Values) };
        var unit = new Option<string>("--unit") { Description = "Unit code, e.g. SD.", Required = true };
        var period = new Option<string>("--period") { Description = "Period code or year, e.g. 2021 or 2021-Q1.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The .xlsx file to write.", Required = true };
        var command = new Command("export", "Export a workbook to a file.") { kind, unit, period, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!kinds.TryGetValue(result.GetValue(kind)!, out var export))
            {
                await Console.Error.WriteLineAsync($"Không có loại xuất '{result.GetValue(kind)}'. / No export kind '{result.GetValue(kind)}'. Kinds: {Describe(kinds.Values)}");
                return 2;
            }

            var target = result.GetValue(output)!;
            Directory.CreateDirectory(target.DirectoryName ?? ".");
            var temporary = Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var scope = app.Services.CreateAsyncScope())
                await using (var stream = File.Create(temporary))
                {
                    await export.WriteAsync(scope.ServiceProvider, new ExportRequest(result.GetValue(unit)!, result.GetValue(period)!), stream, cancellationToken);
                }

                File.Move(temporary, target.FullName, overwrite: true);
                Console.WriteLine($"{export.Kind} {result.GetValue(unit)} {result.GetValue(period)} → {target.FullName}");
                return 0;
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 2;
            }
            finally
            {
                File.Delete(temporary);
            }
        });
        return command;
    }

    static string Describe(IEnumerable<WorkbookExport> kinds)
    {
        var text = string.Join("; ", kinds.OrderBy(k => k.Kind, StringComparer.Ordinal).Select(k => $"{k.Kind} ({k.Description})"));
        return text.Length > 0 ? text : "none registered";
    }
}

public static class WorkbookExports
{
    public static IServiceCollection AddWorkbookExport(this IServiceCollection services, WorkbookExport export)
    {
        services.AddSingleton(export);
        return services;
    }
}
