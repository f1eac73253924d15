using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Result lines judged by Core's own rules (not written by hand): one per target form the plans use, with the
/// cases that once disagreed with the API ("giảm 0,2‰", 26/31 = 83,87… of 83,9, growth of a count).
/// </summary>
internal static class LiveSamples
{
    private static Indicator I(string code, string name, string unit, IndicatorKind kind, Direction direction, TimeBehaviour time, int order, int? per = null) =>
        new(code, name, unit, kind, direction, time, "I", "Các chỉ tiêu", order, RatePer: per);

    // (indicator, target text, actual, baseline, baseline of the named year)
    private static readonly (Indicator Indicator, string? Target, decimal? Actual, decimal? Baseline, decimal? NamedYear)[] Rows =
    [
        (I("GIUONG", "Tổng số giường bệnh", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, 1), "420", 415, 400, null),
        (I("LUOTKHAM", "Số lượt người khám, chữa bệnh", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, 2), "260.000", 131250, 128125, null),
        (I("XA_TCQG", "Xã đạt tiêu chí quốc gia về y tế", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, 3), "83,9", 26m / 31m * 100m, 80.6m, null),
        (I("TSTDS", "Tỷ suất tăng dân số tự nhiên", "‰", IndicatorKind.Rate, Direction.LowerIsBetter, TimeBehaviour.Stock, 4, 1000), "giảm 0,2‰", 14.2m, 14.5m, null),
        (I("TSSINH", "Tỷ suất sinh thô", "‰", IndicatorKind.Rate, Direction.LowerIsBetter, TimeBehaviour.Stock, 5, 1000), "giảm 0,2‰", 14.4m, 14.5m, null),
        (I("GIUONG_VAN", "Số giường bệnh trên 10.000 dân", "giường", IndicatorKind.Rate, Direction.HigherIsBetter, TimeBehaviour.Stock, 6, 10000), "≥18,7", 18.7m, 18.1m, null),
        (I("TCDD", "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Flow, 7), ">95%", 96.2m, 95.4m, null),
        (I("SDD_CN", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, 8), "dưới 13%", 12.96m, 13.4m, null),
        (I("SDD_TC", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, 9), "22,1", 21.5m, 22.9m, null),
        (I("BHYT", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, 10), "70 – 80", 80.1m, 76m, null),
        (I("CSKCB", "Số cơ sở khám, chữa bệnh", "cơ sở", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, 11), "Duy trì 33 cơ sở", 34, 33, null),
        (I("XA_BS", "Tỷ lệ trạm y tế xã có bác sĩ", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, 12), "Duy trì", 96.8m, 100m, null),
        (I("BV_MUC", "Bệnh viện đạt mức chất lượng", "mức", IndicatorKind.Level, Direction.HigherIsBetter, TimeBehaviour.Stock, 13), "đạt tối thiểu mức 3", 4, 3, null),
        (I("SOCA", "Số ca mắc sốt xuất huyết", "ca", IndicatorKind.Count, Direction.LowerIsBetter, TimeBehaviour.Flow, 14), "tăng 3-5%/năm", 1040, 1000, null),
        (I("SDD_TE", "Tỷ lệ trẻ suy dinh dưỡng cấp tính", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, 15), "giảm 10%", 7.2m, 8m, null),
        (I("NGODOC", "Số ca ngộ độc thực phẩm", "ca", IndicatorKind.Count, Direction.LowerIsBetter, TimeBehaviour.Flow, 16), "giảm 5% so với năm 2020", 95, 97, 100),
        (I("CLKCB", "Chất lượng khám chữa bệnh", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, 17), "Phấn đấu nâng cao chất lượng", 90, null, null),
        (I("KHAMTH", "Số lượt khám tại trạm y tế", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, 18), "61.250", null, 60000, null),
        (I("TIEMUV", "Số phụ nữ có thai tiêm uốn ván", "người", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, 19), null, 1443, 1400, null),
    ];

    /// <summary>The lines of Sơn Dương's result annex for <paramref name="period"/>, judged as the API judges them.</summary>
    public static IReadOnlyList<ResultLine> Lines(Period period) =>
        Rows.Select(r => Line(r.Indicator, r.Target, r.Actual, r.Baseline, r.NamedYear, period)).ToList();

    public static ResultLine Line(Indicator indicator, string? text, decimal? actual, decimal? baseline, decimal? namedYear, Period period)
    {
        var target = text is null ? null : new Target("SD", indicator.Code, period.Year, TargetParser.Parse(text, indicator));
        var against = target?.Expression.BaselineYear is null ? baseline : namedYear;
        Observation? Obs(decimal? v, Period p) => v is null ? null : new Observation("SD", indicator.Code, p, v);
        return new ResultLine(indicator, target, Obs(actual, period), Obs(baseline, period.SamePeriodLastYear()),
            AttainmentRules.Evaluate(indicator, period, target?.Expression, actual, against),
            Provenance: indicator.Time == TimeBehaviour.Flow && actual is not null && period.Kind != PeriodKind.Month ? $"Cộng dồn {period.LastMonth - period.FirstMonth + 1} tháng: T{period.FirstMonth:00}–T{period.LastMonth:00}" : null);
    }

    public static ResultAnnex Annex(Period period) =>
        new(Samples.Header() with { AnnexNumber = "Biểu số 01" }, "Trung tâm Y tế huyện Sơn Dương", period, Lines(period));
}

/// <summary>A consolidated workbook whose figures and verdicts come from Core's rules.</summary>
internal static class LiveProvince
{
    public static ProvinceWorkbook Book(Period period)
    {
        var sonDuong = LiveSamples.Lines(period);
        // Yên Sơn: a tenth fewer of everything, judged again by the rules.
        var yenSon = sonDuong.Select(l => LiveSamples.Line(l.Indicator, l.Target?.Expression.Text, l.Actual?.Value * 0.9m, l.Baseline?.Value, null, period)).ToList();
        // Counts summed; the other kinds take Sơn Dương's figure (only a number to judge here, not a consolidation).
        var summary = sonDuong.Zip(yenSon, (a, b) =>
        {
            var value = a.Actual?.Value is { } x && b.Actual?.Value is { } y ? (a.Indicator.Kind == IndicatorKind.Count ? x + y : x) : (decimal?)null;
            var baseline = a.Baseline?.Value is { } p && b.Baseline?.Value is { } q ? (a.Indicator.Kind == IndicatorKind.Count ? p + q : p) : (decimal?)null;
            var line = LiveSamples.Line(a.Indicator, a.Target?.Expression.Text, value, baseline, 190, period);
            return new ProvinceFigure(a.Indicator, line.Target, value, null, null, value is null ? 0 : 2, value is null ? ["SD", "YS"] : [], line.Attainment) { Baseline = baseline };
        }).ToList();
        return new ProvinceWorkbook(Samples.Header("Tổng hợp kết quả thực hiện chỉ tiêu y tế") with { GoverningBody = "UBND tỉnh Tuyên Quang", IssuingBody = "Sở Y tế" },
            "Tỉnh Tuyên Quang", period,
            summary, [new DistrictReport(Samples.District("SD", "Huyện Sơn Dương"), sonDuong), new DistrictReport(Samples.District("YS", "Huyện Yên Sơn"), yenSon)],
            [Samples.District("LB", "Huyện Lâm Bình")]);
    }
}
