using HealthFuncs.Core.Checks;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using static HealthFuncs.Core.Tests.Attainments.Plans;

namespace HealthFuncs.Core.Tests.Checks;

public class SubmissionChecksTests
{
    static readonly Period Year = Period.FullYear(2021);

    static readonly Dictionary<string, Indicator> Catalogue = new[]
    {
        Beds, HospitalBeds, StationBeds, Visits, NationalCriteria, Stunting, Hiv, Immunisation, Occupancy,
        BedsPer10000, BirthRate, SexRatio, Insured, InsuredPoor, InsuredMinority, HospitalLevel,
    }.ToDictionary(i => i.Code);

    static Observation Row(Indicator indicator, decimal? value, decimal? numerator = null, decimal? denominator = null, Period? period = null) =>
        new("SD", indicator.Code, period ?? Year, value, numerator, denominator);

    static IReadOnlyList<CheckFinding> Check(IReadOnlyList<Observation> batch, IReadOnlyList<Observation>? history = null) =>
        SubmissionChecks.Check(batch, Catalogue, history ?? []);

    public static TheoryData<decimal, decimal, decimal, decimal, decimal, decimal, bool> Breakdowns => new()
    {
        { 420, 280, 140, 0, 0, 0, true },
        { 420, 280, 100, 0, 0, 0, true },
        { 420, 300, 140, 0, 0, 0, false },
        { 62_424, 0, 0, 62_424, 3_534, 58_890, true },
        { 62_424, 0, 0, 62_424, 3_534, 59_000, false },
    };

    [Theory, MemberData(nameof(Breakdowns))]
    public void Breakdown_parts_may_add_up_to_the_total_but_not_exceed_it(decimal beds, decimal hospital, decimal station, decimal insured, decimal poor, decimal minority, bool passes)
    {
        var batch = new List<Observation>();
        if (hospital > 0) batch.AddRange([Row(Beds, beds), Row(HospitalBeds, hospital), Row(StationBeds, station)]);
        if (insured > 0) batch.AddRange([Row(Insured, insured), Row(InsuredPoor, poor), Row(InsuredMinority, minority)]);
        var findings = Check(batch);
        Assert.Equal(passes, findings.Count == 0);
        if (!passes)
        {
            var finding = Assert.Single(findings);
            Assert.Equal((CheckSeverity.Error, CheckRules.BreakdownExceedsTotal), (finding.Severity, finding.Rule));
            Assert.Contains(hospital > 0 ? "Giường bệnh viện 300 + Giường trạm Y tế 140 = 440, lớn hơn tổng số 420" : "= 62.534, lớn hơn tổng số 62.424", finding.MessageVi);
        }
    }

    [Fact]
    public void Breakdown_part_resent_alone_is_checked_against_the_stored_total()
    {
        var stored = new[] { Row(Beds, 420), Row(HospitalBeds, 280), Row(StationBeds, 140) };
        var finding = Assert.Single(Check([Row(StationBeds, 150)], stored));
        Assert.Equal(Beds.Code, finding.IndicatorCode);
        Assert.Contains("280 + StationBeds".Replace("StationBeds", StationBeds.Code), finding.MessageEn);
    }

    public static TheoryData<Indicator, decimal, decimal, decimal, bool> Ratios => new()
    {
        { NationalCriteria, 83.9m, 26, 31, true },    // 83,870… rounded
        { NationalCriteria, 83.8m, 26, 31, true },    // truncated
        { NationalCriteria, 84.0m, 26, 31, true },    // Excel keeps no trailing zero: 84 is 83,87 rounded to whole
        { NationalCriteria, 83m, 26, 31, true },      // truncated to whole
        { NationalCriteria, 83.870967741935m, 26, 31, true }, // a formula's result
        { NationalCriteria, 85m, 26, 31, false },     // a whole point away
        { NationalCriteria, 83.5m, 26, 31, false },
        { BedsPer10000, 18.7m, 355, 190_000, true },  // 18,684…
        { BedsPer10000, 19.7m, 355, 190_000, false },
        { Hiv, 0.38m, 76, 20_000, true },
        { Hiv, 0.39m, 76, 20_000, false },
        { SexRatio, 112m, 560, 500, true },
    };

    [Theory, MemberData(nameof(Ratios))]
    public void A_reported_rate_agrees_with_its_parts_when_rounded_or_truncated_at_its_own_decimals(Indicator indicator, decimal value, decimal numerator, decimal denominator, bool passes)
    {
        var findings = Check([Row(indicator, value, numerator, denominator)]);
        Assert.Equal(passes, findings.Count == 0);
        if (!passes) Assert.Equal(CheckRules.DisagreesWithParts, Assert.Single(findings).Rule);
    }

    [Fact]
    public void A_rate_that_disagrees_with_its_parts_is_accepted_with_a_warning_naming_both_numbers()
    {
        var finding = Assert.Single(Check([Row(NationalCriteria, 85, 26, 31)]));
        Assert.Equal((CheckSeverity.Warning, CheckRules.DisagreesWithParts), (finding.Severity, finding.Rule));
        Assert.StartsWith("“Tỷ lệ xã đạt tiêu chí quốc gia về y tế” (XA_TCQG): giá trị báo cáo 85 khác với tử số 26 / mẫu số 31 (= 84). Số liệu vẫn được nhận", finding.MessageVi);
        Assert.Contains("ghi lý do vào cột Ghi chú", finding.MessageVi);
        Assert.Contains("differs from numerator 26 / denominator 31 (= 84)", finding.MessageEn);
    }

    [Fact]
    public void A_disagreeing_official_rate_with_a_note_says_the_note_explains_it()
    {
        var noted = Row(Immunisation, 95.46m, 1_850, 2_000) with { Note = "Tỷ lệ chính thức theo mẫu số ước tính đầu năm" };
        var finding = Assert.Single(Check([noted]));
        Assert.Equal(CheckSeverity.Warning, finding.Severity);
        Assert.Contains("đã có ghi chú giải thích", finding.MessageVi);
    }

    public static TheoryData<Observation, bool> WithoutParts => new()
    {
        { Row(Stunting, 22.1m), true },
        { Row(NationalCriteria, 83.9m, 26, null), true },
        { Row(SexRatio, 112m, null, 500), true },
        { Row(BirthRate, 15m, 2_850, null), false },   // a rate's denominator is the unit's population
        { Row(NationalCriteria, 83.9m, 26, 31), false },
        { Row(Beds, 420), false },
        { Row(NationalCriteria, 103.2m), false },       // rejected for being above 100: one finding is enough
    };

    [Theory, MemberData(nameof(WithoutParts))]
    public void A_percentage_ratio_or_rate_without_its_parts_is_accepted_with_a_warning_that_the_province_cannot_include_it(Observation row, bool warned)
    {
        var findings = Check([row]);
        Assert.Equal(warned, findings.Any(f => f is { Rule: CheckRules.WithoutParts, Severity: CheckSeverity.Warning }));
        if (warned) Assert.Contains("thiếu tử số/mẫu số, nên tuyến trên không cộng được", Assert.Single(findings).MessageVi);
    }

    public static TheoryData<Observation, string> RowErrors => new()
    {
        { Row(Visits, 1250.5m), CheckRules.NotWhole },
        { Row(HospitalLevel, 2.5m), CheckRules.NotWhole },
        { Row(Beds, -3), CheckRules.Negative },
        { Row(BirthRate, null, -2, 190_000), CheckRules.Negative },
        { Row(NationalCriteria, 103.2m), CheckRules.AboveHundred },
        { Row(NationalCriteria, null, 32, 31), CheckRules.NumeratorAboveDenominator },
        { Row(BirthRate, 15, 2850, 0), CheckRules.ZeroDenominator },
        { new Observation("SD", "KHONG_CO", Year, 1), CheckRules.UnknownIndicator },
    };

    [Theory, MemberData(nameof(RowErrors))]
    public void Counts_are_whole_and_not_negative_and_percentages_stay_within_their_parts(Observation row, string rule)
    {
        var finding = Assert.Single(Check([row]));
        Assert.Equal((CheckSeverity.Error, rule), (finding.Severity, finding.Rule));
        Assert.NotEmpty(finding.MessageVi);
        Assert.NotEmpty(finding.MessageEn);
    }

    [Fact]
    public void A_percentage_above_100_passes_where_the_indicator_allows_it()
    {
        // Bed occupancy: 105,2% of bed-days used.
        Assert.Empty(Check([Row(Occupancy, 105.2m, 38_400, 36_500)]));
    }

    public static TheoryData<decimal, string?> AgainstRange => new()
    {
        { 80, null },
        { 60, null },
        { 99.5m, null },
        { 59.9m, "59,9 % nằm ngoài khoảng cho phép của chỉ tiêu (từ 60 đến 99,5)" },
        { 99.6m, "99,6 % nằm ngoài khoảng cho phép của chỉ tiêu (từ 60 đến 99,5)" },
    };

    [Theory, MemberData(nameof(AgainstRange))]
    public void A_value_outside_the_range_an_administrator_set_is_rejected_naming_the_range(decimal value, string? message)
    {
        var narrowed = Immunisation with { Minimum = 60, Maximum = 99.5m };
        var findings = SubmissionChecks.Check([Row(narrowed, value)], new Dictionary<string, Indicator> { [narrowed.Code] = narrowed }, [])
            .Where(f => f.Severity == CheckSeverity.Error).ToList();
        if (message is null) Assert.Empty(findings);
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(CheckRules.OutsideRange, finding.Rule);
            Assert.Contains(message, finding.MessageVi);
            Assert.Contains("is outside the indicator's allowed range (60 to 99.5)", finding.MessageEn);
        }
    }

    [Fact]
    public void A_value_beyond_the_kinds_own_limit_gets_that_finding_alone_not_the_range_too()
    {
        var narrowed = Beds with { Minimum = 100 };
        var finding = Assert.Single(SubmissionChecks.Check([Row(narrowed, -5)], new Dictionary<string, Indicator> { [narrowed.Code] = narrowed }, []));
        Assert.Equal(CheckRules.Negative, finding.Rule);
        Assert.Equal(CheckRules.OutsideRange, Assert.Single(SubmissionChecks.Check([Row(narrowed, 99)], new Dictionary<string, Indicator> { [narrowed.Code] = narrowed }, [])).Rule);
    }

    [Fact]
    public void The_same_row_twice_in_one_batch_is_rejected()
    {
        var finding = Assert.Single(Check([Row(Beds, 420), Row(Beds, 421)]));
        Assert.Equal(CheckRules.Duplicate, finding.Rule);
    }

    public static TheoryData<decimal, bool> AgainstHistory => new()
    {
        { 21_000, false },
        { 60_000, false },   // 2,9 × the median: unusual but within the rule
        { 70_000, true },    // more than 3 ×
        { 6_000, true },     // less than a third
        { 7_000, false },
    };

    [Theory, MemberData(nameof(AgainstHistory))]
    public void A_value_far_from_the_units_own_history_is_a_warning_not_an_error(decimal visits, bool warned)
    {
        // Monthly visits: median of the past months 20.700; a 6-month report is not compared with months.
        var history = new[] { 20_000m, 21_000m, 20_700m, 22_000m, 19_800m }
            .Select((v, i) => Row(Visits, v, period: Period.Month(2021, i + 1)))
            .Append(Row(Visits, 125_000, period: Period.FirstHalf(2020)))
            .ToList();
        var findings = Check([Row(Visits, visits, period: Period.Month(2021, 6))], history);
        Assert.Equal(warned, findings.Count == 1);
        if (warned)
        {
            var finding = findings[0];
            Assert.Equal((CheckSeverity.Warning, CheckRules.FarFromHistory), (finding.Severity, finding.Rule));
            Assert.Contains("trung vị 20.700 qua 5 kỳ trước", finding.MessageVi);
        }
    }

    [Fact]
    public void Too_little_history_gives_no_warning()
    {
        var history = new[] { Row(Visits, 20_000, period: Period.Month(2021, 1)), Row(Visits, 21_000, period: Period.Month(2021, 2)) };
        Assert.Empty(Check([Row(Visits, 90_000, period: Period.Month(2021, 3))], history));
    }

    [Fact]
    public void A_clean_plan_year_batch_from_the_seeds_has_no_findings()
    {
        var batch = new[]
        {
            Row(Beds, 420), Row(HospitalBeds, 280), Row(StationBeds, 140), Row(Visits, 260_000),
            Row(Insured, 62_424), Row(InsuredPoor, 3_534), Row(InsuredMinority, 58_890),
            Row(NationalCriteria, 83.9m, 26, 31), Row(Stunting, 22.1m, 221, 1_000), Row(Hiv, 0.38m, 76, 20_000),
            Row(BedsPer10000, 18.7m, 355, 190_000), Row(HospitalLevel, 3),
        };
        Assert.Empty(Check(batch));
    }
}
