using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Tests.Attainments;

/// <summary>Indicators and targets as the seed plans write them.</summary>
internal static class Plans
{
    public static readonly Indicator Beds = new("GIUONG", "Tổng số giường bệnh", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 1);
    public static readonly Indicator HospitalBeds = Beds with { Code = "GIUONG_BV", Name = "Giường bệnh viện", Order = 2, ParentCode = "GIUONG" };
    public static readonly Indicator StationBeds = Beds with { Code = "GIUONG_TYT", Name = "Giường trạm Y tế", Order = 3, ParentCode = "GIUONG" };
    public static readonly Indicator Visits = new("KCB", "Số lượt người khám, chữa bệnh", "lượt", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Flow, "I", "Khám chữa bệnh", 4);
    public static readonly Indicator Facilities = new("CSKCB", "Cơ sở khám, chữa bệnh", "cơ sở", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 5);
    public static readonly Indicator NationalCriteria = new("XA_TCQG", "Tỷ lệ xã đạt tiêu chí quốc gia về y tế", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, "II", "Y tế cơ sở", 1);
    public static readonly Indicator Stunting = new("SDD_TC", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, "III", "Y tế dự phòng", 1);
    public static readonly Indicator Underweight = Stunting with { Code = "SDD_NC", Name = "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân" };
    public static readonly Indicator Hiv = new("HIV", "Tỷ lệ người nhiễm HIV/AIDS", "%", IndicatorKind.Percentage, Direction.LowerIsBetter, TimeBehaviour.Stock, "III", "Y tế dự phòng", 3);
    public static readonly Indicator Immunisation = new("TCMR", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Flow, "III", "Y tế dự phòng", 2);
    public static readonly Indicator Occupancy = new("CSGB", "Công suất sử dụng giường bệnh", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Flow, "I", "Khám chữa bệnh", 6, AllowsAbove100: true);
    public static readonly Indicator BedsPer10000 = new("GIUONG_VAN", "Số giường bệnh/10.000 dân", "giường/10.000 dân", IndicatorKind.Rate, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 7, RatePer: 10000);
    public static readonly Indicator BirthRate = new("TSUAT_SINH", "Tỷ suất sinh thô", "‰", IndicatorKind.Rate, Direction.LowerIsBetter, TimeBehaviour.Flow, "IV", "Dân số", 1, RatePer: 1000);
    public static readonly Indicator NaturalGrowth = BirthRate with { Code = "TANG_DS", Name = "Tỷ suất tăng dân số tự nhiên", Direction = Direction.Band };
    public static readonly Indicator SexRatio = new("TSGT", "Tỷ số giới tính khi sinh", "bé trai/100 bé gái", IndicatorKind.Ratio, Direction.LowerIsBetter, TimeBehaviour.Flow, "IV", "Dân số", 3, RatePer: 100);
    public static readonly Indicator Insured = new("BHYT_CS", "Số người thuộc đối tượng chính sách được cấp thẻ BHYT", "người", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "V", "Bảo hiểm y tế", 1);
    public static readonly Indicator InsuredPoor = Insured with { Code = "BHYT_NGHEO", Name = "Người nghèo", Order = 2, ParentCode = "BHYT_CS" };
    public static readonly Indicator InsuredMinority = Insured with { Code = "BHYT_DTTS", Name = "Người dân tộc thiểu số xã khó khăn", Order = 3, ParentCode = "BHYT_CS" };
    public static readonly Indicator HospitalLevel = new("MUC_BV", "Mức chất lượng bệnh viện", "mức", IndicatorKind.Level, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 8);
    public static readonly Indicator PoisoningCases = new("NDTP", "Số ca ngộ độc thực phẩm", "ca", IndicatorKind.Count, Direction.LowerIsBetter, TimeBehaviour.Flow, "III", "Y tế dự phòng", 4);

    public static TargetExpression Point(string text, decimal value) => new(text, TargetForm.Point, value);
    public static TargetExpression AtLeast(string text, decimal value) => new(text, TargetForm.AtLeast, value);
    public static TargetExpression AtMost(string text, decimal value) => new(text, TargetForm.AtMost, value);
    public static TargetExpression Above(string text, decimal value) => new(text, TargetForm.Above, value);
    public static TargetExpression Below(string text, decimal value) => new(text, TargetForm.Below, value);
    public static TargetExpression Band(string text, decimal low, decimal high) => new(text, TargetForm.Band, Low: low, High: high);
    public static TargetExpression Maintain(string text, decimal? value = null) => new(text, TargetForm.Maintain, value);
    public static TargetExpression Level(string text, decimal value) => new(text, TargetForm.Level, value);
    public static TargetExpression Decrease(string text, decimal value, string? symbol, bool perYear = false) =>
        new(text, TargetForm.Change, value, Change: ChangeDirection.Decrease, Symbol: symbol, PerYear: perYear);
    public static TargetExpression Increase(string text, decimal low, decimal high, string? symbol, bool perYear = false) =>
        new(text, TargetForm.Change, Low: low, High: high, Change: ChangeDirection.Increase, Symbol: symbol, PerYear: perYear);
}
