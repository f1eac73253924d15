using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Functions.Storage;

/// Reads forms as readers must: the Forms entity first, then only the rows of the version it points at,
/// so a submission being written (a newer version not yet committed) is never half-visible.
public sealed class CommittedValues(FormStore forms, ValueStore values)
{
    /// The committed values of a unit's form for a period; empty when the form was never written.
    public async Task<IReadOnlyList<Observation>> ReadAsync(string unitCode, Period period, CancellationToken cancellationToken = default) =>
        await forms.GetAsync(unitCode, period.Code, cancellationToken) is { } form
            ? await values.ReadAsync(unitCode, period, form.CurrentVersion, form.CurrentRows, cancellationToken)
            : [];

    /// Every committed figure of a unit's years <paramref name="first"/> to <paramref name="last"/>, every period
    /// (months, quarters, 6 and 9 months, the year), in two queries: one of the unit's forms, one of its values:
    /// a report judged against the same period last year reads both years at the cost of one. The forms read come
    /// with them (their entities hold each form's workflow state too).
    public async Task<CommittedYears> ReadYearsAsync(string unitCode, int first, int last, CancellationToken cancellationToken = default)
    {
        var read = await forms.GetYearsAsync(unitCode, first, last, cancellationToken);
        return new(read, await values.ReadYearsAsync(unitCode, first, last, VersionsOf(read), RowsOf(read), cancellationToken));
    }

    /// How many years back a submission's figures are compared with (the far-from-history warning).
    public const int HistoryYears = 3;

    /// The forms a submission to <paramref name="period"/> is checked against, in one query: the form itself, the
    /// unit's other forms of its year (the period checks) and of the <see cref="HistoryYears"/> years before (its
    /// history). Their row keys are one range of the unit's partition. A plan period's form is read alone.
    public async Task<SubmissionForms> ReadForSubmissionAsync(string unitCode, Period period, CancellationToken cancellationToken = default)
    {
        if (period.Kind == PeriodKind.PlanPeriod)
            return new(await forms.GetAsync(unitCode, period.Code, cancellationToken) ?? FormState.New(unitCode, period.Code), period, []);
        var read = await forms.GetYearsAsync(unitCode, period.Year - HistoryYears, period.Year, cancellationToken);
        return new(read.FirstOrDefault(f => f.PeriodCode == period.Code) ?? FormState.New(unitCode, period.Code), period, read);
    }

    /// The same period in each of the <see cref="HistoryYears"/> years before: the unit's own history, which the
    /// far-from-history warning compares a new value with. One range read per year that has a form.
    public async Task<IReadOnlyList<Observation>> HistoryAsync(SubmissionForms read, CancellationToken cancellationToken = default)
    {
        var history = new List<Observation>();
        for (var back = read.Period.SamePeriodLastYear(); back.Year >= read.Period.Year - HistoryYears; back = back.SamePeriodLastYear())
            if (read.Others.FirstOrDefault(f => f.PeriodCode == back.Code) is { CurrentVersion: > 0 } form)
                history.AddRange(await values.ReadAsync(read.Form.UnitCode, back, form.CurrentVersion, form.CurrentRows, cancellationToken));
        return history;
    }

    /// Every committed figure of the submission's year, every period (the form's own current version included): one
    /// query of the unit's values partition for the year.
    public Task<IReadOnlyList<Observation>> YearAsync(SubmissionForms read, CancellationToken cancellationToken = default) =>
        values.ReadYearAsync(read.Form.UnitCode, read.Period.Year,
            VersionsOf(read.Others.Where(f => Period.TryParseCode(f.PeriodCode, out var p) && p.Year == read.Period.Year)), RowsOf(read.Others), cancellationToken);

    // The version each written form points at.
    private static Dictionary<string, int> VersionsOf(IEnumerable<FormState> forms) =>
        forms.Where(f => f.CurrentVersion > 0).ToDictionary(f => f.PeriodCode, f => f.CurrentVersion, StringComparer.Ordinal);

    // The row counts the forms record (those committed since commits record them).
    private static Dictionary<string, int> RowsOf(IEnumerable<FormState> forms) =>
        forms.Where(f => f.CurrentRows is not null).ToDictionary(f => f.PeriodCode, f => f.CurrentRows!.Value, StringComparer.Ordinal);
}

/// The form a submission is written to and the unit's forms read with it (<see cref="Others"/>, the form itself
/// among them when it exists), whose versions say which rows its checks read.
public sealed record SubmissionForms(FormState Form, Period Period, IReadOnlyList<FormState> Others);

/// A unit's forms for some years, every period's whatever its state, and the committed values of each.
public sealed record CommittedYears(IReadOnlyList<FormState> Forms, IReadOnlyList<Observation> Values);
