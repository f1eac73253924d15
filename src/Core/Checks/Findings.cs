using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using static HealthFuncs.Core.Attainments.Figures;

namespace HealthFuncs.Core.Checks;

/// <summary>The messages: each names the indicator and the numbers, and says what to do, in Vietnamese and English.</summary>
internal static class Findings
{
    static string Named(Indicator i) => $"“{i.Name}” ({i.Code})";

    static CheckFinding Error(Indicator i, string rule, string vi, string en) => new(CheckSeverity.Error, i.Code, rule, vi, en);

    public static CheckFinding UnknownIndicator(Observation o) => new(CheckSeverity.Error, o.IndicatorCode, CheckRules.UnknownIndicator,
        $"Mã chỉ tiêu “{o.IndicatorCode}” không có trong danh mục chỉ tiêu. Kiểm tra lại mã hoặc tải lại biểu mẫu.",
        $"Indicator code “{o.IndicatorCode}” is not in the catalogue. Check the code or download the form again.");

    public static CheckFinding Duplicate(Indicator i, Observation o) => Error(i, CheckRules.Duplicate,
        $"{Named(i)} của đơn vị {o.UnitCode}, kỳ {o.Period.Code} được nhập hai lần. Chỉ giữ lại một dòng.",
        $"{Named(i)} for unit {o.UnitCode}, period {o.Period.Code} is entered twice. Keep one row only.");

    public static CheckFinding Negative(Indicator i, string field, decimal number) => Error(i, CheckRules.Negative,
        $"{Named(i)}: {FieldVi(field)} {Vi(number)} là số âm. Nhập số không âm.",
        $"{Named(i)}: {field} {En(number)} is negative. Enter a number of zero or more.");

    public static CheckFinding NotWhole(Indicator i, decimal value) => Error(i, CheckRules.NotWhole,
        $"{Named(i)}: {Vi(value)} {i.Unit} không phải số nguyên. Nhập số nguyên ({i.Unit}).",
        $"{Named(i)}: {En(value)} {i.Unit} is not a whole number. Enter a whole number ({i.Unit}).");

    public static CheckFinding AboveHundred(Indicator i, decimal value) => Error(i, CheckRules.AboveHundred,
        $"{Named(i)}: tỷ lệ {Vi(value)}% lớn hơn 100%. Kiểm tra lại tử số và mẫu số.",
        $"{Named(i)}: {En(value)}% is above 100%. Check the numerator and denominator.");

    public static CheckFinding OutsideRange(Indicator i, decimal value) => Error(i, CheckRules.OutsideRange,
        $"{Named(i)}: {Vi(value)} {i.Unit} nằm ngoài khoảng cho phép của chỉ tiêu ({RangeVi(i)}). Kiểm tra lại số liệu.",
        $"{Named(i)}: {En(value)} {i.Unit} is outside the indicator's allowed range ({RangeEn(i)}). Check the number.");

    static string RangeVi(Indicator i) => (i.Minimum, i.Maximum) switch
    {
        ({ } min, { } max) => $"từ {Vi(min)} đến {Vi(max)}",
        ({ } min, null) => $"tối thiểu {Vi(min)}",
        (null, { } max) => $"tối đa {Vi(max)}",
        _ => "không giới hạn",
    };

    static string RangeEn(Indicator i) => (i.Minimum, i.Maximum) switch
    {
        ({ } min, { } max) => $"{En(min)} to {En(max)}",
        ({ } min, null) => $"at least {En(min)}",
        (null, { } max) => $"at most {En(max)}",
        _ => "unlimited",
    };

    public static CheckFinding NumeratorAboveDenominator(Indicator i, decimal numerator, decimal denominator) => Error(i, CheckRules.NumeratorAboveDenominator,
        $"{Named(i)}: tử số {Vi(numerator)} lớn hơn mẫu số {Vi(denominator)}. Kiểm tra lại hai số này.",
        $"{Named(i)}: numerator {En(numerator)} is greater than denominator {En(denominator)}. Check both numbers.");

    public static CheckFinding ZeroDenominator(Indicator i, decimal numerator) => Error(i, CheckRules.ZeroDenominator,
        $"{Named(i)}: mẫu số bằng 0 (tử số {Vi(numerator)}) nên không tính được tỷ lệ. Nhập mẫu số hoặc bỏ trống cả dòng.",
        $"{Named(i)}: the denominator is 0 (numerator {En(numerator)}), so no rate can be formed. Enter the denominator or leave the row empty.");

    public static CheckFinding DisagreesWithParts(Indicator i, decimal reported, decimal numerator, decimal denominator, decimal expected, bool noted) => new(
        CheckSeverity.Warning, i.Code, CheckRules.DisagreesWithParts,
        $"{Named(i)}: giá trị báo cáo {Vi(reported)} khác với tử số {Vi(numerator)} / mẫu số {Vi(denominator)} (= {Vi(expected)}). Số liệu vẫn được nhận như đã báo cáo; "
        + (noted ? "đã có ghi chú giải thích." : "nếu đây là số chính thức (ví dụ mẫu số ước tính đầu năm), ghi lý do vào cột Ghi chú, nếu không thì sửa giá trị hoặc tử số, mẫu số."),
        $"{Named(i)}: the reported value {En(reported)} differs from numerator {En(numerator)} / denominator {En(denominator)} (= {En(expected)}). It is accepted as reported; "
        + (noted ? "a note explains it." : "if it is the official figure (e.g. a denominator estimated at the start of the year), say why in the note; otherwise correct the value or the parts."));

    public static CheckFinding WithoutParts(Indicator i, decimal reported) => new(
        CheckSeverity.Warning, i.Code, CheckRules.WithoutParts,
        $"{Named(i)}: {Vi(reported)} được nhận nhưng thiếu tử số/mẫu số, nên tuyến trên không cộng được đơn vị này vào số tổng hợp. Nhập tử số và mẫu số để được tính.",
        $"{Named(i)}: {En(reported)} is accepted without its numerator/denominator, so the level above cannot include this unit in its total. Enter both to be counted.");

    public static CheckFinding BreakdownExceedsTotal(Indicator total, decimal totalValue, IReadOnlyList<(Indicator Part, decimal Value)> parts, decimal sum)
    {
        var vi = string.Join(" + ", parts.Select(p => $"{p.Part.Name} {Vi(p.Value)}"));
        var en = string.Join(" + ", parts.Select(p => $"{p.Part.Code} {En(p.Value)}"));
        return Error(total, CheckRules.BreakdownExceedsTotal,
            $"{Named(total)}: các dòng “Trong đó” cộng lại {vi} = {Vi(sum)}, lớn hơn tổng số {Vi(totalValue)}. Sửa tổng số hoặc các dòng thành phần.",
            $"{Named(total)}: the breakdown rows add up to {en} = {En(sum)}, more than the total {En(totalValue)}. Correct the total or the parts.");
    }

    public static CheckFinding FarFromHistory(Indicator i, decimal value, decimal median, int periods) => new(CheckSeverity.Warning, i.Code, CheckRules.FarFromHistory,
        $"{Named(i)}: {Vi(value)} khác xa mức thường thấy của đơn vị (trung vị {Vi(median)} qua {periods} kỳ trước). Kiểm tra lại số liệu; nếu đúng, ghi chú lý do.",
        $"{Named(i)}: {En(value)} is far from this unit's usual level (median {En(median)} over {periods} earlier periods). Check the number; if it is right, add a note saying why.");

    static string FieldVi(string field) => field switch
    {
        "numerator" => "tử số",
        "denominator" => "mẫu số",
        _ => "giá trị",
    };
}
