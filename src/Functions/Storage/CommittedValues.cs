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
            ? await values.ReadAsync(unitCode, period, form.CurrentVersion, cancellationToken)
            : [];

    /// Every committed figure of a unit's year, every period (months, quarters, 6 and 9 months, the year): one
    /// query of the unit's forms for the year and one of its values partition, whatever is asked of them after.
    public async Task<IReadOnlyList<Observation>> ReadYearAsync(string unitCode, int year, CancellationToken cancellationToken = default) =>
        (await ReadYearsAsync(unitCode, year, year, cancellationToken)).Values;

    /// The same for the consecutive years <paramref name="first"/> to <paramref name="last"/>, still two queries:
    /// a report judged against the same period last year reads both years at the cost of one. The forms read come
    /// with them (their entities hold each form's workflow state too).
    public async Task<CommittedYears> ReadYearsAsync(string unitCode, int first, int last, CancellationToken cancellationToken = default)
    {
        var read = await forms.GetYearsAsync(unitCode, first, last, cancellationToken);
        var versions = read.Where(f => f.CurrentVersion > 0).ToDictionary(f => f.PeriodCode, f => f.CurrentVersion, StringComparer.Ordinal);
        return new(read, await values.ReadYearsAsync(unitCode, first, last, versions, cancellationToken));
    }

    /// The same period in each of the <paramref name="years"/> years before: the unit's own history, which the
    /// far-from-history warning compares a new value with. One point read and one range query per year.
    public async Task<IReadOnlyList<Observation>> HistoryAsync(string unitCode, Period period, int years = 3, CancellationToken cancellationToken = default)
    {
        var history = new List<Observation>();
        for (var back = period.SamePeriodLastYear(); back.Year >= period.Year - years; back = back.SamePeriodLastYear())
            history.AddRange(await ReadAsync(unitCode, back, cancellationToken));
        return history;
    }
}

/// A unit's forms for some years, every period's whatever its state, and the committed values of each.
public sealed record CommittedYears(IReadOnlyList<FormState> Forms, IReadOnlyList<Observation> Values);
