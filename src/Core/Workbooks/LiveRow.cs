using System.Globalization;
using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Workbooks;

/// <summary>The cells of a result row the formulas read: the baseline, the plan and the actual.</summary>
public sealed record RowCells(string Baseline, string Plan, string Actual);

/// <summary>
/// How the plan cell of a result row is written. A target with one number keeps that number in the cell,
/// with a number format that prints the plan's own words around it ("≥95", "giảm 0,2‰", "260.000"), so the
/// formulas divide by what the reader sees; other targets ("70 – 80", text) are text.
/// </summary>
public sealed record PlanCell(decimal? Number, string? Format, string? Text)
{
    /// <summary>True when the cell holds the target's number.</summary>
    public bool IsNumber => Number is not null && Format is not null;
}

/// <summary>
/// The derived cells of a result row as formulas over its visible cells, by the rules of docs/attainment.md:
/// % so với KH, so với cùng kỳ and Đánh giá per target form. Where a rule needs what the row does not show
/// (a change "so với năm 2020", a reading that makes the target impossible), the verdict is the server's,
/// written as a value; <see cref="ServerOnly"/> says so and the note on the cell explains it.
/// </summary>
public sealed record LiveRow(PlanCell Plan, string? OfPlan, string? Change, string Verdict, bool ServerOnly)
{
    private const string NoData = "\"Chưa có số liệu\"", NotAssessed = "\"Không đánh giá\"";

    /// <summary>The row's formulas for <paramref name="line"/>, whose baseline is shown in <paramref name="cells"/>.</summary>
    public static LiveRow Of(ResultLine line, Period period, RowCells cells)
    {
        var (indicator, target) = (line.Indicator, line.Target?.Expression);
        var plan = PlanOf(target);
        var (a, e, d) = (cells.Actual, cells.Plan, cells.Baseline);
        var change = indicator.Kind == IndicatorKind.Count
            ? $"IF(OR({a}=\"\",{d}=\"\"),\"\",IF({d}=0,\"\",ROUND(({a}-{d})/{d},4)))"
            : $"IF(OR({a}=\"\",{d}=\"\"),\"\",ROUND({a}-{d},2))";
        var baseline = line.Baseline?.Value;
        // A change judged against a named year, or one the server found impossible to judge from this baseline.
        var serverOnly = target is { Form: TargetForm.Change } t
            && (t.BaselineYear is not null
                || (line.Attainment.Status == AttainmentStatus.NotAssessed && line.Actual?.Value is not null && baseline is not null));
        if (serverOnly) return new(plan, null, change, "", true);

        string Guarded(string body) => $"IF({a}=\"\",{NoData},{body})";
        if (target is null || target.Form == TargetForm.TextOnly)
            return new(plan, null, change, Guarded(NotAssessed), false);

        var months = ProRataMonths(indicator, period);
        string Share(string yearly) => months is { } m ? $"{yearly}*{m}/12" : yearly;
        var direction = indicator.Direction;
        switch (target.Form)
        {
            case TargetForm.Point or TargetForm.AtLeast or TargetForm.AtMost or TargetForm.Above or TargetForm.Below or TargetForm.Level
                or TargetForm.Maintain when target.Value is { } value && plan.IsNumber:
            {
                // A plan the format could not print around its number keeps its text; the number is then a constant.
                var p = plan.IsNumber ? e : Invariant(value);
                var n = Decimals(value);
                var (x, r) = ($"ROUND({a},{n})", Share(p));
                var compare = target.Form switch
                {
                    TargetForm.Point => direction switch
                    {
                        Direction.HigherIsBetter => Three($"{x}>{r}", $"{x}={r}"),
                        Direction.LowerIsBetter => Three($"{x}<{r}", $"{x}={r}"),
                        _ => Two($"{x}={r}"),
                    },
                    TargetForm.AtLeast or TargetForm.Level => Three($"{x}>{r}", $"{x}={r}"),
                    TargetForm.AtMost => Three($"{x}<{r}", $"{x}={r}"),
                    TargetForm.Above => Two($"{x}>{r}"),
                    TargetForm.Below => Two($"{x}<{r}"),
                    _ => direction switch
                    {
                        Direction.HigherIsBetter => Two($"{x}>={r}"),
                        Direction.LowerIsBetter => Two($"{x}<={r}"),
                        _ => Two($"{x}={r}"),
                    },
                };
                List<string> needs = plan.IsNumber ? [e] : [];
                var judged = plan.IsNumber ? $"IF({e}=\"\",{NotAssessed},{compare})" : compare;
                return new(plan, OfPlanFormula(a, p, n, needs), change, Guarded(judged), false);
            }
            case TargetForm.Maintain when target.Value is null:
            {
                // A bare "Duy trì" keeps last year's level: the baseline column is the plan.
                var n = Decimals(baseline ?? 0);
                var x = $"ROUND({a},{n})";
                var compare = direction switch
                {
                    Direction.HigherIsBetter => Two($"{x}>={d}"),
                    Direction.LowerIsBetter => Two($"{x}<={d}"),
                    _ => Two($"{x}={d}"),
                };
                return new(plan, OfPlanFormula(a, d, n, [d]), change, Guarded($"IF({d}=\"\",{NotAssessed},{compare})"), false);
            }
            case TargetForm.Band when target is { Low: { } low, High: { } high }:
            {
                var x = $"ROUND({a},{Decimals(low, high)})";
                var (lo, hi) = (Share(Invariant(low)), Share(Invariant(high)));
                var beyond = direction switch
                {
                    Direction.HigherIsBetter => $"IF({x}>{hi},\"Vượt\",\"Không đạt\")",
                    Direction.LowerIsBetter => $"IF({x}<{lo},\"Vượt\",\"Không đạt\")",
                    _ => "\"Không đạt\"",
                };
                return new(plan, null, change, Guarded($"IF(AND({x}>={lo},{x}<={hi}),\"Đạt\",{beyond})"), false);
            }
            case TargetForm.Change when target is { Change: { } sign } && (target.Value ?? target.Low) is { } amount:
            {
                var reading = ChangeReadings.Of(target, indicator, baseline)!;
                var relative = reading.Reading == ChangeReading.Relative;
                var single = target.Value is not null && plan.IsNumber;
                var (lo, hi) = single ? (e, e) : (Invariant(amount), Invariant(target.High ?? amount));
                var delta = sign == ChangeDirection.Decrease ? $"({d}-{a})" : $"({a}-{d})";
                var achieved = $"ROUND({(relative ? $"{delta}/{d}*100" : delta)},{Decimals(amount, target.High ?? amount)})";
                var compare = $"IF({achieved}<{lo},\"Không đạt\",IF({achieved}>{hi},\"Vượt\",\"Đạt\"))";
                if (relative) compare = $"IF({d}=0,{NotAssessed},{compare})";
                var step = relative ? $"{d}*{lo}/100" : lo;
                var planned = sign == ChangeDirection.Decrease ? $"({d}-{step})" : $"({d}+{step})";
                // The actual is compared at the decimals of the level the change leads to, as the server does.
                var level = baseline is { } b ? PlannedLevel(b, amount, relative, sign) : amount;
                List<string> needs = single ? [d, e] : [d];
                return new(plan, OfPlanFormula(a, planned, Decimals(level), needs), change, Guarded($"IF({d}=\"\",{NotAssessed},{compare})"), false);
            }
            default:
                return new(plan, null, change, Guarded(NotAssessed), false);
        }
    }

    /// <summary>The plan cell: the one number with the plan's words as its format, or the written text.</summary>
    public static PlanCell PlanOf(TargetExpression? target)
    {
        if (target is null) return new(null, null, null);
        decimal? number = target.Form switch
        {
            TargetForm.Point or TargetForm.AtLeast or TargetForm.Above or TargetForm.AtMost or TargetForm.Below or TargetForm.Maintain or TargetForm.Level => target.Value,
            TargetForm.Change => target.Value,
            _ => null,
        };
        return number is { } v && WordsAround(target.Text, v) is { } format ? new(v, format, null) : new(null, null, target.Text);
    }

    /// <summary>
    /// A number format printing <paramref name="text"/> with <paramref name="number"/> in the place it is written:
    /// "≥18,7" → "≥"#,##0.0; null when the number is not written there exactly once or the words cannot be quoted.
    /// </summary>
    public static string? WordsAround(string text, decimal number)
    {
        var decimals = Figures.Decimals(number);
        var normal = Figures.Normalize(number);
        var vi = AnnexFrame.Vietnamese;
        (string Written, bool Grouped)[] forms =
        [
            (normal.ToString("#,##0." + new string('0', decimals), vi).TrimEnd(','), true),
            (normal.ToString("0." + new string('0', decimals), vi).TrimEnd(','), false),
        ];
        foreach (var (written, grouped) in forms)
        {
            var at = text.IndexOf(written, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(written, at + 1, StringComparison.Ordinal) >= 0) continue;
            // The number must stand alone: "95" inside "1950" is not it.
            bool Digit(int i) => i >= 0 && i < text.Length && (char.IsDigit(text[i]) || ((text[i] is ',' or '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > 0 && char.IsDigit(text[i - 1])));
            if (Digit(at - 1) || Digit(at + written.Length)) continue;
            var (before, after) = (text[..at], text[(at + written.Length)..]);
            // A quote cannot be written inside a format's literal, and Excel caps a format at 255 characters.
            if (before.Contains('"') || after.Contains('"') || text.Length > 200) return null;
            var digits = (grouped && normal >= 1000 ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
            return (before.Length > 0 ? $"\"{before}\"" : "") + digits + (after.Length > 0 ? $"\"{after}\"" : "");
        }
        return null;
    }

    private static string OfPlanFormula(string actual, string plan, int decimals, IReadOnlyList<string> needs) =>
        $"IF(OR({string.Join(",", needs.Prepend(actual).Select(c => $"{c}=\"\""))}),\"\",IF({plan}=0,\"\",ROUND(ROUND({actual},{decimals})/{plan},4)))";

    private static decimal PlannedLevel(decimal baseline, decimal amount, bool relative, ChangeDirection sign)
    {
        var step = relative ? baseline * amount / 100m : amount;
        return sign == ChangeDirection.Decrease ? baseline - step : baseline + step;
    }

    private static string Three(string better, string equal) => $"IF({better},\"Vượt\",IF({equal},\"Đạt\",\"Không đạt\"))";
    private static string Two(string met) => $"IF({met},\"Đạt\",\"Không đạt\")";

    // The decimals the server compares at: those of the written numbers, at least one.
    private static int Decimals(params decimal[] written) => Math.Max(1, written.Max(Figures.Decimals));

    private static string Invariant(decimal value) => Figures.Normalize(value).ToString(CultureInfo.InvariantCulture);

    // Flow counts are judged against months/12 of the year's number in part of the year.
    private static int? ProRataMonths(Indicator indicator, Period period) =>
        indicator is { Kind: IndicatorKind.Count, Time: TimeBehaviour.Flow }
        && period.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.FirstHalf or PeriodKind.NineMonths
            ? period.LastMonth - period.FirstMonth + 1
            : null;
}
