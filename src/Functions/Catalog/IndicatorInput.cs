using System.Text.RegularExpressions;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Functions.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Catalog;

/// An indicator as an administrator sends it. RetiredFrom: the first year it is no longer planned or
/// reported (it stays in the catalog for the years that have its figures).
public sealed record IndicatorInput(
    string? Code, string? Name, string? Unit, IndicatorKind? Kind, Direction? Direction, TimeBehaviour? Time,
    string? Group, string? GroupName, int? Order, string? ParentCode = null, int? RatePer = null, bool? AllowsAbove100 = null,
    int? RetiredFrom = null, decimal? Minimum = null, decimal? Maximum = null)
{
    private static readonly Regex CodeShape = new(@"^[A-Z0-9_]+(\.[A-Z0-9_]+)*$", RegexOptions.CultureInvariant);

    /// The indicator, or the 400 naming the first wrong field. <paramref name="catalog"/> is the catalog
    /// without this indicator's stored version, so a parent chain that comes back to it is a cycle.
    public (Indicator? Indicator, ValidationProblem? Problem) Check(string code, IReadOnlyDictionary<string, Indicator> catalog)
    {
        if (!CodeShape.IsMatch(code))
            return (null, Problems.Invalid("code", $"Mã '{code}' chỉ gồm chữ in hoa, số, '_' và '.' (ví dụ KCB.GIUONG_BENH).",
                $"Code '{code}' may contain only capitals, digits, '_' and '.' (e.g. KCB.GIUONG_BENH)."));
        if (string.IsNullOrWhiteSpace(Name)) return Missing("name", "tên chỉ tiêu", "the indicator's name");
        if (string.IsNullOrWhiteSpace(Unit)) return Missing("unit", "đơn vị tính", "the unit of measure");
        if (Kind is not { } kind) return Missing("kind", "loại chỉ tiêu (Count, Percentage, Rate, Ratio, Level)", "the kind (Count, Percentage, Rate, Ratio, Level)");
        if (Direction is not { } direction) return Missing("direction", "chiều đánh giá", "the direction");
        if (Time is not { } time) return Missing("time", "tính chất theo thời gian (Flow, Stock)", "the time behaviour (Flow, Stock)");
        if (string.IsNullOrWhiteSpace(Group) || string.IsNullOrWhiteSpace(GroupName)) return Missing("group", "nhóm và tên nhóm", "the group and its name");
        if (Order is not { } order || order < 0) return Missing("order", "số thứ tự trong nhóm (0 trở lên)", "the order in the group (0 or more)");
        if (kind is IndicatorKind.Rate or IndicatorKind.Ratio && RatePer is not > 0)
            return (null, Problems.Invalid("ratePer", $"Chỉ tiêu loại {kind} cần ratePer (ví dụ 10000 cho \"/10.000 dân\").",
                $"A {kind} indicator needs ratePer (e.g. 10000 for \"per 10,000 people\")."));
        if (kind is not (IndicatorKind.Rate or IndicatorKind.Ratio) && RatePer is not null)
            return (null, Problems.Invalid("ratePer", $"Chỉ tiêu loại {kind} không có ratePer.", $"A {kind} indicator has no ratePer."));
        if (RangeProblem(kind) is { } range) return (null, range);
        if (ParentCode is { } parent)
        {
            if (!catalog.ContainsKey(parent) && parent != code)
                return (null, Problems.Invalid("parentCode", $"Không có chỉ tiêu mã '{parent}' để làm chỉ tiêu tổng.", $"There is no indicator '{parent}' to be the total."));
            for (var p = parent; p is not null; p = catalog.GetValueOrDefault(p)?.ParentCode)
                if (p == code)
                    return (null, Problems.Invalid("parentCode", $"'{parent}' nằm trong phần \"Trong đó\" của '{code}': không thể làm chỉ tiêu tổng của nó.",
                        $"'{parent}' is a breakdown part of '{code}': it cannot be its total."));
        }
        return (new Indicator(code, Name.Trim(), Unit.Trim(), kind, direction, time, Group.Trim(), GroupName.Trim(), order, ParentCode, RatePer,
            AllowsAbove100 ?? false, Minimum, Maximum), null);
    }

    /// An administrator may narrow the kind's own range (no figure below 0, a percentage not above 100 unless
    /// allowed), never widen it: a wider one would promise figures the submission checks refuse anyway.
    private ValidationProblem? RangeProblem(IndicatorKind kind)
    {
        var kindMaximum = Indicator.KindMaximumOf(kind, AllowsAbove100 ?? false);
        if (Minimum < Indicator.KindMinimum)
            return Problems.Invalid("minimum", $"Giá trị nhỏ nhất {Minimum} không được âm: không số liệu nào được âm.",
                $"The minimum {Minimum} must not be negative: no figure may be.");
        if (Maximum < Indicator.KindMinimum)
            return Problems.Invalid("maximum", $"Giá trị lớn nhất {Maximum} không được âm: không số liệu nào được âm.",
                $"The maximum {Maximum} must not be negative: no figure may be.");
        if (Maximum > kindMaximum || Minimum > kindMaximum)
            return Problems.Invalid(Maximum > kindMaximum ? "maximum" : "minimum",
                $"Tỷ lệ phần trăm không vượt quá {kindMaximum}: giá trị lớn nhất, nhỏ nhất phải trong khoảng 0–100 (hoặc cho phép trên 100% bằng allowsAbove100).",
                $"A percentage does not exceed {kindMaximum}: the minimum and maximum must be within 0–100 (or allow above 100% with allowsAbove100).");
        if (Minimum > Maximum)
            return Problems.Invalid("minimum", $"Giá trị nhỏ nhất {Minimum} lớn hơn giá trị lớn nhất {Maximum}.",
                $"The minimum {Minimum} is greater than the maximum {Maximum}.");
        return null;
    }

    private static (Indicator?, ValidationProblem?) Missing(string field, string vi, string en) =>
        (null, Problems.Invalid(field, $"Thiếu hoặc sai {vi}.", $"Missing or wrong: {en}."));
}
