using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

/// What a batch for a form is checked against: the form as read (its last commit's audit made whole), the unit's
/// forms read with it (its year and history) and the catalog.
public sealed record SubmissionBasis(FormState Form, SubmissionForms Forms, IReadOnlyDictionary<string, Indicator> Catalog);

/// The reads a submission's basis starts with, under way: the catalog and the unit's forms.
public sealed record SubmissionReads(string UnitCode, Period Period, Task<IReadOnlyDictionary<string, Indicator>> Catalog, Task<SubmissionForms> Forms);

/// Reads a submission's basis and checks a batch against it, the same way for the values API and an upload.
public sealed class SubmissionReader(IndicatorStore indicators, CommittedValues committed, ValueStore values, FormWriter writer)
{
    /// Starts reading the catalog and the unit's forms at once (neither waits on the other). Nothing is written.
    public SubmissionReads Start(string unitCode, Period period, CancellationToken cancellationToken) =>
        new(unitCode, period, indicators.GetAllAsync(cancellationToken), committed.ReadForSubmissionAsync(unitCode, period, cancellationToken));

    public Task<SubmissionBasis> ReadAsync(string unitCode, Period period, CancellationToken cancellationToken) =>
        ReadAsync(Start(unitCode, period, cancellationToken), cancellationToken);

    /// The basis from reads started before: the form (its last commit's audit made whole), its unit's forms and the catalog.
    public async Task<SubmissionBasis> ReadAsync(SubmissionReads started, CancellationToken cancellationToken)
    {
        await Task.WhenAll(started.Catalog, started.Forms);
        var read = await started.Forms;
        return new(await writer.RecoverAsync(read.Form, started.Period, cancellationToken), read, await started.Catalog);
    }

    /// The batch checked against the form's current version, its year and its history; with the current version,
    /// which a write replaces.
    public async Task<(ValidatedBatch Batch, IReadOnlyList<Observation> Current)> ValidateAsync(SubmissionBasis basis, IReadOnlyList<ValueRow> rows,
        CancellationToken cancellationToken)
    {
        var (form, period) = (basis.Form, basis.Forms.Period);
        var current = await values.ReadAsync(form.UnitCode, period, form.CurrentVersion, form.CurrentRows, cancellationToken);
        var history = await committed.HistoryAsync(basis.Forms, cancellationToken);
        var year = await committed.YearAsync(basis.Forms, cancellationToken);
        return (BatchValidation.Validate(form.UnitCode, period, rows, basis.Catalog, current, history, year), current);
    }
}

/// A submission's reads (<see cref="SubmissionReader.Start"/>) started as the request arrives (<see cref="ReadAhead"/>):
/// the catalog and the unit's forms are then read alongside the caller's key and user, not after them. Only for a
/// request that carries credentials.
public static class SubmissionReadAhead
{
    /// On an endpoint whose route names the unit and the period.
    public static readonly ReadAhead Needed = new(StartReads);

    private static IEnumerable<Task> StartReads(HttpContext http)
    {
        if (!CarriesCredentials(http.Request) || http.Request.RouteValues["unit"] is not string unit
            || http.Request.RouteValues["period"] is not string code || !Period.TryParseCode(code, out var period))
            return [];
        var started = http.RequestServices.GetRequiredService<SubmissionReader>().Start(unit, period, http.RequestAborted);
        http.Features.Set(started);
        return [started.Catalog, started.Forms];
    }

    /// The reads started for this unit and period, or new ones.
    public static SubmissionReads Reads(this SubmissionReader reader, HttpContext http, string unitCode, Period period) =>
        http.Features.Get<SubmissionReads>() is { } started && started.UnitCode == unitCode && started.Period == period
            ? started
            : reader.Start(unitCode, period, http.RequestAborted);

    private static bool CarriesCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(Identity.ApiKeyAuthenticationHandler.Header) || request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
        || request.Headers.ContainsKey(Identity.AppServiceAuthenticationHandler.Header);
}
