using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Consolidation;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Attainments;

/// The early warning: a sub-year figure projected to the year's end and judged against the year's target.
public class ProjectionTests
{
    static PeriodValue Figure(Indicator indicator, string period, decimal value, params string[] missing) =>
        new(new Observation("TD", indicator.Code, Period.ParseCode(period), value), missing.Select(Period.ParseCode).ToList());

    static readonly TargetExpression Visits260k = Point("260.000", 260_000);

    [Fact]
    public void Nine_months_of_a_flow_without_history_are_projected_at_their_pace()
    {
        // 9 months of 20.000 visits: 180.000 × 12 / 9 = 240.000 against "260.000": Không đạt.
        var projection = Projection.Of(Visits, Period.NineMonths(2024), Visits260k, Figure(Visits, "2024-9M", 180_000), null, null)!;
        Assert.Equal((240_000m, ProjectionBasis.Pace, AttainmentStatus.NotMet, "Không đạt"), (projection.Value, projection.Basis, projection.Status, projection.Label));
    }

    [Fact]
    public void A_flow_with_last_years_figures_is_projected_by_last_years_shape()
    {
        // Last year 9 months 150.000 of a year 220.000: 180.000 × 220.000 / 150.000 = 264.000: Vượt "260.000".
        var projection = Projection.Of(Visits, Period.NineMonths(2024), Visits260k, Figure(Visits, "2024-9M", 180_000),
            Figure(Visits, "2023-9M", 150_000), Figure(Visits, "2023", 220_000))!;
        Assert.Equal((264_000m, ProjectionBasis.LastYear, AttainmentStatus.Exceeded), (projection.Value, projection.Basis, projection.Status));
    }

    public static TheoryData<PeriodValue, PeriodValue?, PeriodValue?, decimal> PaceInsteadOfHistory => new()
    {
        // Last year's 9 months partial: its shape is not trusted.
        { Figure(Visits, "2024-9M", 180_000), Figure(Visits, "2023-9M", 100_000, "2023-M08", "2023-M09"), Figure(Visits, "2023", 220_000), 240_000m },
        // Last year's year missing.
        { Figure(Visits, "2024-9M", 180_000), Figure(Visits, "2023-9M", 150_000), null, 240_000m },
        // This year's figure partial (8 of 9 months): the pace of the months it covers, 160.000 × 12 / 8.
        { Figure(Visits, "2024-9M", 160_000, "2024-M05"), Figure(Visits, "2023-9M", 150_000), Figure(Visits, "2023", 220_000), 240_000m },
        // A quarter is projected from its own three months.
        { Figure(Visits, "2024-Q2", 60_000), null, null, 240_000m },
    };

    [Theory, MemberData(nameof(PaceInsteadOfHistory))]
    public void Without_complete_figures_on_both_sides_a_flow_is_projected_at_the_pace_of_the_months_it_covers(
        PeriodValue actual, PeriodValue? lastYearSame, PeriodValue? lastYear, decimal projected)
    {
        var period = actual.Observation!.Period;
        var projection = Projection.Of(Visits, period, Visits260k, actual, lastYearSame, lastYear)!;
        Assert.Equal((projected, ProjectionBasis.Pace), (projection.Value, projection.Basis));
    }

    public static TheoryData<Indicator, TargetExpression, decimal, AttainmentStatus> Latest => new()
    {
        { Beds, Point("420", 420), 410m, AttainmentStatus.NotMet },
        { Immunisation, AtLeast("≥95", 95), 96.2m, AttainmentStatus.Exceeded },
        { BirthRate, Below("dưới 15‰", 15), 14.2m, AttainmentStatus.Met },
        { HospitalLevel, Level("mức 3", 3), 3m, AttainmentStatus.Met },
    };

    [Theory, MemberData(nameof(Latest))]
    public void Stocks_percentages_rates_and_levels_project_their_latest_value(Indicator indicator, TargetExpression target, decimal value, AttainmentStatus status)
    {
        var projection = Projection.Of(indicator, Period.FirstHalf(2024), target, Figure(indicator, "2024-H1", value), null, null)!;
        Assert.Equal((value, ProjectionBasis.Latest, status), (projection.Value, projection.Basis, projection.Status));
    }

    [Fact]
    public void The_projected_verdict_uses_last_years_figure_as_the_baseline_of_a_change_target()
    {
        // "tăng 5%" on 200.000 last year needs 210.000; 9 months of 150.000 at pace give 200.000: Không đạt.
        var target = new TargetExpression("tăng 5%", TargetForm.Change, 5, Change: ChangeDirection.Increase, Symbol: "%");
        var projection = Projection.Of(Visits, Period.NineMonths(2024), target, Figure(Visits, "2024-9M", 150_000), null, Figure(Visits, "2023", 200_000))!;
        Assert.Equal((200_000m, AttainmentStatus.NotMet), (projection.Value, projection.Status));
    }

    [Fact]
    public void There_is_no_projection_for_a_year_without_a_target_or_without_a_value()
    {
        Assert.Null(Projection.Of(Visits, Period.FullYear(2024), Visits260k, Figure(Visits, "2024", 250_000), null, null));
        Assert.Null(Projection.Of(Visits, Period.NineMonths(2024), null, Figure(Visits, "2024-9M", 180_000), null, null));
        Assert.Null(Projection.Of(Visits, Period.NineMonths(2024), Visits260k, new PeriodValue(null, []), null, null));
    }
}
