using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>Sơn Dương's 2021 plan (seeds/000): the indicators, targets and results the workbook tests print.</summary>
internal static class Samples
{
    public static readonly Indicator Facilities = new("CSKCB", "Số cơ sở khám, chữa bệnh trong huyện", "cơ sở", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 1);
    public static readonly Indicator Beds = new("GIUONG", "Tổng số giường bệnh trong huyện", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 2);
    public static readonly Indicator HospitalBeds = new("GIUONG_BV", "Giường bệnh viện", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 3, ParentCode: "GIUONG");
    public static readonly Indicator StationBeds = new("GIUONG_TYT", "Giường trạm Y tế", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 4, ParentCode: "GIUONG");
    public static readonly Indicator Occupancy = new("CSGB", "Công suất sử dụng giường bệnh ở các bệnh viện huyện", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Flow, "I", "Khám chữa bệnh", 5, AllowsAbove100: true);
    public static readonly Indicator Visits = new("LUOTKHAM", "Số lượt người khám, chữa bệnh", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, "I", "Khám chữa bệnh", 6);
    public static readonly Indicator Immunisation = new("TCDD", "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Flow, "II", "Y tế dự phòng", 1);
    public static readonly Indicator Stunting = new("SDD_TC", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, "II", "Y tế dự phòng", 2);
    public static readonly Indicator BedsPer10k = new("GIUONG_VAN", "Số giường bệnh trên 10.000 dân", "giường", IndicatorKind.Rate, Direction.HigherIsBetter, TimeBehaviour.Stock, "II", "Y tế dự phòng", 3, RatePer: 10000);
    public static readonly Indicator CommuneCriteria = new("XA_TCQG", "Xã đạt tiêu chí quốc gia về y tế", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, "III", "Y tế cơ sở", 1);
    public static readonly Indicator HospitalLevel = new("BV_MUC", "Bệnh viện đạt mức chất lượng", "mức", IndicatorKind.Level, Direction.HigherIsBetter, TimeBehaviour.Stock, "III", "Y tế cơ sở", 2);

    public static readonly IReadOnlyList<Indicator> Indicators =
        [Facilities, Beds, HospitalBeds, StationBeds, Occupancy, Visits, Immunisation, Stunting, BedsPer10k, CommuneCriteria, HospitalLevel];

    public static readonly Period Half = Period.FirstHalf(2021);

    public static AnnexHeader Header(string title = "Kết quả thực hiện các chỉ tiêu y tế 6 tháng đầu năm 2021") => new(
        "UBND huyện Sơn Dương", "Trung tâm Y tế", "Biểu số 01", title,
        "(Kèm theo Báo cáo số .../BC-TTYT ngày ... tháng ... năm 2021 của Trung tâm Y tế huyện Sơn Dương)",
        "Sơn Dương", new DateOnly(2021, 7, 15), "GIÁM ĐỐC", "Nguyễn Văn An");

    public static Target Target(string code, TargetExpression expression, int year = 2021, string unit = "SD") => new(unit, code, year, expression);

    public static readonly IReadOnlyList<Target> Targets2021 =
    [
        Target("CSKCB", new("Duy trì 33", TargetForm.Maintain, 33)),
        Target("GIUONG", new("420", TargetForm.Point, 420)),
        Target("GIUONG_BV", new("280", TargetForm.Point, 280)),
        Target("GIUONG_TYT", new("140", TargetForm.Point, 140)),
        Target("CSGB", new("95", TargetForm.Point, 95)),
        Target("LUOTKHAM", new("260.000", TargetForm.Point, 260000)),
        Target("TCDD", new(">95%", TargetForm.Above, 95, Symbol: "%")),
        Target("SDD_TC", new("22,1", TargetForm.Point, 22.1m)),
        Target("GIUONG_VAN", new("≥18,7", TargetForm.AtLeast, 18.7m)),
        Target("XA_TCQG", new("83,9", TargetForm.Point, 83.9m)),
        Target("BV_MUC", new("mức 3", TargetForm.Level, 3)),
    ];

    public static Observation Obs(string code, decimal? value, decimal? num = null, decimal? den = null, string? note = null, Period? period = null, string unit = "SD") =>
        new(unit, code, period ?? Half, value, num, den, note);

    public static Attainment Verdict(AttainmentStatus status, decimal? ofPlan = null) => new(status, ofPlan, null, false, Labels.Of(status));

    public static ResultAnnex Result()
    {
        var actual = new Dictionary<string, Observation>
        {
            ["CSKCB"] = Obs("CSKCB", 33), ["GIUONG"] = Obs("GIUONG", 420), ["GIUONG_BV"] = Obs("GIUONG_BV", 280), ["GIUONG_TYT"] = Obs("GIUONG_TYT", 140),
            ["CSGB"] = Obs("CSGB", 101.5m, note: "Quá tải mùa dịch"), ["LUOTKHAM"] = Obs("LUOTKHAM", 131250), ["TCDD"] = Obs("TCDD", 48.2m, 512, 1062),
            ["SDD_TC"] = Obs("SDD_TC", 22.6m), ["GIUONG_VAN"] = Obs("GIUONG_VAN", 21.3m, 420, 197000), ["XA_TCQG"] = Obs("XA_TCQG", 83.9m, 26, 31),
        };
        var baseline = new Dictionary<string, Observation>
        {
            ["GIUONG"] = Obs("GIUONG", 400), ["LUOTKHAM"] = Obs("LUOTKHAM", 125000), ["TCDD"] = Obs("TCDD", 47.5m), ["XA_TCQG"] = Obs("XA_TCQG", 80.6m),
        };
        var verdicts = new Dictionary<string, AttainmentStatus>
        {
            ["CSKCB"] = AttainmentStatus.Met, ["GIUONG"] = AttainmentStatus.Met, ["GIUONG_BV"] = AttainmentStatus.Met, ["GIUONG_TYT"] = AttainmentStatus.Met,
            ["CSGB"] = AttainmentStatus.Exceeded, ["LUOTKHAM"] = AttainmentStatus.NotMet, ["TCDD"] = AttainmentStatus.NotMet, ["SDD_TC"] = AttainmentStatus.NotMet,
            ["GIUONG_VAN"] = AttainmentStatus.Exceeded, ["XA_TCQG"] = AttainmentStatus.Met, ["BV_MUC"] = AttainmentStatus.NoData,
        };
        var targets = Targets2021.ToDictionary(t => t.IndicatorCode);
        return new ResultAnnex(Header(), "Trung tâm Y tế huyện Sơn Dương", Half,
            Indicators.Select(i => new ResultLine(i, targets.GetValueOrDefault(i.Code), actual.GetValueOrDefault(i.Code), baseline.GetValueOrDefault(i.Code), Verdict(verdicts[i.Code]))).ToList());
    }

    public static PlanAnnex Plan() => new(
        Header("Các chỉ tiêu kế hoạch y tế năm 2021") with { Attachment = "(Kèm theo Kế hoạch số 35/KH-UBND ngày 25 tháng 01 năm 2021 của UBND huyện Sơn Dương)" },
        "Huyện Sơn Dương", Period.FullYear(2021), [2021], Indicators, Targets2021);

    public static PlanAnnex PlanPeriod() => new(
        Header("Mục tiêu phát triển mạng lưới y tế cơ sở giai đoạn 2018-2025"), "Huyện Sơn Dương", Period.Plan(2018, 2025), [2020, 2025],
        [Immunisation, CommuneCriteria],
        [Target("TCDD", new(">90", TargetForm.Above, 90), 2020), Target("TCDD", new("100", TargetForm.Point, 100), 2025),
         Target("XA_TCQG", new("100", TargetForm.Point, 100), 2020), Target("XA_TCQG", new("Duy trì", TargetForm.Maintain), 2025)]);

    public static DataEntryForm Form(string version = "3", IReadOnlyList<Indicator>? indicators = null)
    {
        var targets = Targets2021.ToDictionary(t => t.IndicatorCode);
        return new DataEntryForm(Header("Biểu nhập số liệu 6 tháng đầu năm 2021"), "SD", "Trung tâm Y tế huyện Sơn Dương", Half, version,
            new DateTimeOffset(2021, 7, 1, 8, 0, 0, TimeSpan.FromHours(7)),
            (indicators ?? Indicators).Select(i => new FormLine(i, targets.GetValueOrDefault(i.Code), i.Code == "GIUONG" ? Obs("GIUONG", 400) : null,
                i.Code == "CSKCB" ? Obs("CSKCB", 33) : null)).ToList());
    }

    public static readonly OrgUnit Province = new("TQ", "Sở Y tế tỉnh Tuyên Quang", UnitLevel.Province, [new(2000, null)]);
    public static OrgUnit District(string code, string name) => new(code, name, UnitLevel.District, [new(2000, "TQ")]);

    public static ProvinceWorkbook Consolidated()
    {
        var result = Result();
        var sonDuong = new DistrictReport(District("SD", "Huyện Sơn Dương"), result.Lines);
        var yenSon = new DistrictReport(District("YS", "Huyện Yên Sơn"), result.Lines.Select(l => l with
        {
            Actual = l.Actual is null ? null : l.Actual with { UnitCode = "YS", Value = l.Actual.Value * 0.9m },
            Attainment = Verdict(l.Attainment.Status == AttainmentStatus.Met ? AttainmentStatus.NotMet : l.Attainment.Status),
        }).ToList());
        var summary = result.Lines.Select(l => new ProvinceFigure(l.Indicator, l.Target, l.Actual?.Value * 1.9m, l.Actual?.Numerator, l.Actual?.Denominator, 2, [], l.Attainment)
        { Baseline = l.Baseline?.Value * 1.9m }).ToList();
        summary[^1] = summary[^1] with { Value = null, IncludedUnits = 0, MissingUnits = ["SD", "YS", "LB"] };
        return new ProvinceWorkbook(Header("Tổng hợp kết quả thực hiện chỉ tiêu y tế 6 tháng đầu năm 2021") with
        { GoverningBody = "UBND tỉnh Tuyên Quang", IssuingBody = "Sở Y tế", Place = "Tuyên Quang" },
            "Tỉnh Tuyên Quang", Half, summary, [sonDuong, yenSon], [District("LB", "Huyện Lâm Bình")]);
    }
}
