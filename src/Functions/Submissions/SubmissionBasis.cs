using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Submissions;

/// What a batch for a form is checked against: the form as read (its last commit's audit made whole), the unit's
/// forms read with it (its year and history) and the catalog.
public sealed record SubmissionBasis(FormState Form, SubmissionForms Forms, IReadOnlyDictionary<string, Indicator> Catalog);

/// Reads a submission's basis and checks a batch against it, the same way for the values API and an upload.
public sealed class SubmissionReader(IndicatorStore indicators, CommittedValues committed, ValueStore values, FormWriter writer)
{
    /// The catalog and the unit's forms, read at once (neither waits on the other).
    public async Task<SubmissionBasis> ReadAsync(string unitCode, Period period, CancellationToken cancellationToken)
    {
        var catalog = indicators.GetAllAsync(cancellationToken);
        var forms = committed.ReadForSubmissionAsync(unitCode, period, cancellationToken);
        await Task.WhenAll(catalog, forms);
        var read = await forms;
        return new(await writer.RecoverAsync(read.Form, period, cancellationToken), read, await catalog);
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
