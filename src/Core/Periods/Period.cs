using System.Globalization;

namespace HealthFuncs.Core.Periods;

/// <summary>The kinds of reporting and planning periods.</summary>
public enum PeriodKind
{
    /// <summary>Tháng 3/2021.</summary>
    Month,
    /// <summary>Quý I/2021.</summary>
    Quarter,
    /// <summary>6 tháng đầu năm 2021: January to June, cumulative.</summary>
    FirstHalf,
    /// <summary>9 tháng năm 2021: January to September, cumulative.</summary>
    NineMonths,
    /// <summary>Năm 2021.</summary>
    Year,
    /// <summary>Giai đoạn 2021-2025: a plan period whose targets are milestones for given years.</summary>
    PlanPeriod,
}

/// <summary>
/// A period. Its canonical code is what the API, storage keys and forms use:
/// "2021-M03", "2021-Q1", "2021-H1", "2021-9M", "2021", "2021-2025".
/// Vietnamese labels ("Quý I/2021") are parsed and printed by PeriodLabel.
/// </summary>
/// <param name="Kind">The kind of period.</param>
/// <param name="Year">The calendar year (the first year of a plan period).</param>
/// <param name="Index">Month 1-12 or quarter 1-4; 0 for other kinds.</param>
/// <param name="EndYear">The last year of a plan period; equal to <paramref name="Year"/> otherwise.</param>
public readonly record struct Period(PeriodKind Kind, int Year, int Index, int EndYear)
{
    /// <summary>A month of a year.</summary>
    public static Period Month(int year, int month) =>
        month is >= 1 and <= 12 ? new(PeriodKind.Month, year, month, year) : throw new ArgumentOutOfRangeException(nameof(month));
    /// <summary>A quarter of a year.</summary>
    public static Period Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(PeriodKind.Quarter, year, quarter, year) : throw new ArgumentOutOfRangeException(nameof(quarter));
    /// <summary>The first six months of a year.</summary>
    public static Period FirstHalf(int year) => new(PeriodKind.FirstHalf, year, 0, year);
    /// <summary>The first nine months of a year.</summary>
    public static Period NineMonths(int year) => new(PeriodKind.NineMonths, year, 0, year);
    /// <summary>A whole year.</summary>
    public static Period FullYear(int year) => new(PeriodKind.Year, year, 0, year);
    /// <summary>A plan period from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Period Plan(int from, int to) =>
        to > from ? new(PeriodKind.PlanPeriod, from, 0, to) : throw new ArgumentOutOfRangeException(nameof(to));

    /// <summary>The first month covered (1-12); plan periods start in January of their first year.</summary>
    public int FirstMonth => Kind switch
    {
        PeriodKind.Month => Index,
        PeriodKind.Quarter => (Index - 1) * 3 + 1,
        _ => 1,
    };

    /// <summary>The last month covered (1-12) in <see cref="EndYear"/>.</summary>
    public int LastMonth => Kind switch
    {
        PeriodKind.Month => Index,
        PeriodKind.Quarter => Index * 3,
        PeriodKind.FirstHalf => 6,
        PeriodKind.NineMonths => 9,
        _ => 12,
    };

    /// <summary>The months covered, in order (for calendar periods within one year).</summary>
    public IEnumerable<Period> Months()
    {
        if (Kind == PeriodKind.PlanPeriod)
            throw new InvalidOperationException("A plan period is not split into months.");
        for (var m = FirstMonth; m <= LastMonth; m++) yield return Month(Year, m);
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => new(Year, FirstMonth, 1);

    /// <summary>The last day of the period.</summary>
    public DateOnly End => new DateOnly(EndYear, LastMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>The same period one year earlier: the baseline (cùng kỳ năm trước).</summary>
    public Period SamePeriodLastYear() => this with { Year = Year - 1, EndYear = EndYear - 1 };

    /// <summary>True when every month of <paramref name="other"/> lies inside this period.</summary>
    public bool Contains(Period other) => Start <= other.Start && other.End <= End;

    /// <summary>The canonical code.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => $"{Year}-M{Index:00}",
        PeriodKind.Quarter => $"{Year}-Q{Index}",
        PeriodKind.FirstHalf => $"{Year}-H1",
        PeriodKind.NineMonths => $"{Year}-9M",
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{Year}-{EndYear}",
    };

    /// <inheritdoc/>
    public override string ToString() => Code;

    /// <summary>Parses a canonical code; false when it is not one.</summary>
    public static bool TryParseCode(string? code, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(code)) return false;
        var text = code.Trim();
        if (text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2200)
            return false;
        var rest = text[4..];
        switch (rest)
        {
            case "": period = FullYear(year); return true;
            case "-H1": period = FirstHalf(year); return true;
            case "-9M": period = NineMonths(year); return true;
        }
        if (rest.Length == 4 && rest.StartsWith("-M", StringComparison.Ordinal) && int.TryParse(rest.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        { period = Month(year, m); return true; }
        if (rest.Length == 3 && rest.StartsWith("-Q", StringComparison.Ordinal) && rest[2] is >= '1' and <= '4')
        { period = Quarter(year, rest[2] - '0'); return true; }
        if (rest.Length == 5 && rest[0] == '-' && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end > year && end - year <= 30)
        { period = Plan(year, end); return true; }
        return false;
    }

    /// <summary>Parses a canonical code or throws <see cref="FormatException"/> naming it.</summary>
    public static Period ParseCode(string code) =>
        TryParseCode(code, out var p) ? p : throw new FormatException($"'{code}' is not a period code (2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M, 2021-2025).");
}
