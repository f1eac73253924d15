using System.Globalization;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using HealthFuncs.Functions.OpenApi;

namespace HealthFuncs.Functions.Jobs;

public sealed record SummaryFile(string Name, string Kind, string UnitCode, long Size, string ContentType, string Url);

// GET /api/summaries?year=2021                    the year-end summary's files the caller may see
// GET /api/summaries/{year}/{kind}/{file}         one file: kind "units" (result annex) or "provinces" (consolidated)
// GET /api/reminders?year=2021[&unit=TQ]          completeness reminders for parents in the caller's subtree
// GET /api/snapshots?date=2021-12-31              the nightly snapshot's files of a Vietnam date (admins)
public static class SummariesApi
{
    /// Maps the routes on the "/api" group.
    public static RouteGroupBuilder MapSummaries(this RouteGroupBuilder api)
    {
        api.MapGet("/summaries", ListSummariesAsync).WithTags("Jobs").WithSummary("The year-end summary's files the caller may see");
        api.MapGet("/summaries/{year:int}/{kind}/{file}", DownloadSummaryAsync).WithTags("Jobs").ProducesWorkbook()
            .WithSummary("Download one year-end summary workbook");
        api.MapGet("/reminders", ListRemindersAsync).WithTags("Jobs").WithSummary("Overdue-form reminders the daily job recorded");
        api.MapGet("/snapshots", ListSnapshotsAsync).WithTags("Jobs").RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("The nightly snapshot's files of a Vietnam date (admins)");
        return api;
    }

    private static async Task<Results<Ok<List<SummaryFile>>, ValidationProblem>> ListSummariesAsync(int? year, HttpContext http,
        ReportBlobs blobs, UnitStore units, CancellationToken ct)
    {
        if (year is not (>= 1900 and <= 2200))
            return Problems.Invalid("year", "Cần năm của bản tổng kết, ví dụ ?year=2021.", "The summary's year is required, e.g. ?year=2021.");
        var tree = await units.GetTreeAsync(ct);
        var caller = http.User.ToUser();
        var files = new List<SummaryFile>();
        foreach (var file in await blobs.ListAsync(YearEndSummary.Prefix(year.Value), ct))
        {
            var parts = file.Name.Split('/');
            if (parts.Length != 4) continue;
            var unit = Path.GetFileNameWithoutExtension(parts[3]);
            if (!Sees(caller, tree, unit, year.Value)) continue;
            files.Add(new SummaryFile(file.Name, parts[2], unit, file.Size, file.ContentType, $"/api/summaries/{year}/{parts[2]}/{parts[3]}"));
        }
        return TypedResults.Ok(files);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadSummaryAsync(int year, string kind, string file,
        HttpContext http, ReportBlobs blobs, UnitStore units, CancellationToken ct)
    {
        var tree = await units.GetTreeAsync(ct);
        var unit = Path.GetFileNameWithoutExtension(file);
        if (kind is not ("units" or "provinces") || !Sees(http.User.ToUser(), tree, unit, year)
            || await blobs.ReadAsync($"{YearEndSummary.Prefix(year)}{kind}/{file}", ct) is not { } blob)
            return Problems.NotFound($"Không có tệp tổng kết năm {year} '{kind}/{file}' mà bạn được xem.",
                $"There is no year-end summary file {year} '{kind}/{file}' you may read.");
        return TypedResults.File(blob.Content.ToArray(), blob.ContentType, $"{kind}-{file}");
    }

    private static async Task<Results<Ok<List<ReminderRecord>>, ValidationProblem>> ListRemindersAsync(int? year, string? unit, HttpContext http,
        ReportBlobs blobs, UnitStore units, CancellationToken ct)
    {
        if (year is not (>= 1900 and <= 2200))
            return Problems.Invalid("year", "Cần năm, ví dụ ?year=2021.", "The year is required, e.g. ?year=2021.");
        var tree = await units.GetTreeAsync(ct);
        var caller = http.User.ToUser();
        var result = new List<ReminderRecord>();
        // Reminder names start with the period code, and every period code of a year starts with the year.
        foreach (var file in await blobs.ListAsync($"reminders/{year.Value.ToString(CultureInfo.InvariantCulture)}", ct))
        {
            var parent = Path.GetFileNameWithoutExtension(file.Name);
            if ((unit is not null && parent != unit) || !Sees(caller, tree, parent, year.Value)) continue;
            if (await blobs.ReadJsonAsync<ReminderRecord>(file.Name, ct) is { } record) result.Add(record);
        }
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportFile>>, ValidationProblem>> ListSnapshotsAsync(string? date, ReportBlobs blobs, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problems.Invalid("date", "Cần ngày dạng yyyy-MM-dd, ví dụ ?date=2021-12-31.", "A date written yyyy-MM-dd is required, e.g. ?date=2021-12-31.");
        return TypedResults.Ok(await blobs.ListAsync(NightlySnapshot.Prefix(day), ct));
    }

    // Admins see every unit; others see the units of their own subtree in that year.
    private static bool Sees(User caller, OrgTree tree, string unitCode, int year) =>
        caller.Role == UserRole.Admin || (caller.UnitCode is { } own && tree.IsWithin(unitCode, own, year));
}
