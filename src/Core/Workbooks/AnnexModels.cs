using HealthFuncs.Core.Attainments;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The Decree 30 heading and closing of an annex (biểu / phụ lục): who issues it, its number, title,
/// the "(Kèm theo ...)" line, and the place and date above the signature.
/// </summary>
/// <param name="GoverningBody">The governing body, printed in capitals: "UBND HUYỆN SƠN DƯƠNG".</param>
/// <param name="IssuingBody">The issuing body, printed in capitals and bold: "TRUNG TÂM Y TẾ".</param>
/// <param name="AnnexNumber">"Biểu số 01" or "Phụ lục 1".</param>
/// <param name="Title">The table's title; printed in capitals and bold.</param>
/// <param name="Attachment">"(Kèm theo Kế hoạch số .../KH-UBND ngày ... của ...)", printed in italics.</param>
/// <param name="Place">The place written before the date: "Sơn Dương".</param>
/// <param name="Date">The signing date; null prints "ngày ... tháng ... năm" for a hand-written date.</param>
/// <param name="SignerTitle">The title above the signature: "GIÁM ĐỐC", "THỦ TRƯỞNG ĐƠN VỊ".</param>
/// <param name="SignerName">The signer's name, if known.</param>
public sealed record AnnexHeader(
    string GoverningBody,
    string IssuingBody,
    string AnnexNumber,
    string Title,
    string Attachment,
    string Place,
    DateOnly? Date,
    string SignerTitle = "THỦ TRƯỞNG ĐƠN VỊ",
    string? SignerName = null);

/// <summary>
/// A plan annex: TT | Chỉ tiêu | Đơn vị tính | one column per year (one year, or the milestone years of a plan period).
/// </summary>
/// <param name="Header">Heading and signature.</param>
/// <param name="UnitName">The unit the plan is for.</param>
/// <param name="Period">A year or a plan period ("2021-2025").</param>
/// <param name="Years">The target columns, in order: the year itself, or the milestone years (2020, 2025, 2030).</param>
/// <param name="Indicators">The indicators to list; breakdown rows follow their parent.</param>
/// <param name="Targets">The unit's targets; matched by indicator code and year.</param>
public sealed record PlanAnnex(
    AnnexHeader Header,
    string UnitName,
    Period Period,
    IReadOnlyList<int> Years,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Target> Targets);

/// <summary>One indicator line of a result annex.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Target">The year's target, if one was assigned.</param>
/// <param name="Actual">Thực hiện for the period.</param>
/// <param name="Baseline">Thực hiện cùng kỳ năm trước.</param>
/// <param name="Attainment">The verdict, as Core's attainment rules gave it.</param>
/// <param name="Projection">For a sub-year period with a target: the projected year-end value and its verdict.</param>
/// <param name="Provenance">For an actual formed from other periods: how ("Cộng dồn 3 tháng: T01–T03"); null when reported.</param>
public sealed record ResultLine(Indicator Indicator, Target? Target, Observation? Actual, Observation? Baseline, Attainment Attainment, Projection? Projection = null,
    string? Provenance = null);

/// <summary>A result annex for a unit and period.</summary>
public sealed record ResultAnnex(AnnexHeader Header, string UnitName, Period Period, IReadOnlyList<ResultLine> Lines);

/// <summary>One indicator line of a data-entry form.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Target">The year's target, shown for reference.</param>
/// <param name="Baseline">The same period last year, shown for reference.</param>
/// <param name="Current">What is already stored for the period; pre-fills the input cells.</param>
public sealed record FormLine(Indicator Indicator, Target? Target, Observation? Baseline, Observation? Current);

/// <summary>
/// A data-entry form (biểu nhập liệu) for a unit and period. <paramref name="Version"/> is the stored form's
/// version (the ETag the values API returns), so an upload can be checked against later edits.
/// </summary>
public sealed record DataEntryForm(
    AnnexHeader Header,
    string UnitCode,
    string UnitName,
    Period Period,
    string Version,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<FormLine> Lines);

/// <summary>The province figure of one indicator, consolidated across its districts by Core's rules.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Target">The province's target, if any.</param>
/// <param name="Value">The consolidated value (null when nothing can be formed, e.g. levels).</param>
/// <param name="Numerator">Summed numerators, for indicators with parts.</param>
/// <param name="Denominator">Summed denominators or populations.</param>
/// <param name="IncludedUnits">How many units contributed.</param>
/// <param name="MissingUnits">Codes of units with no value.</param>
/// <param name="Attainment">The province's verdict.</param>
public sealed record ProvinceFigure(
    Indicator Indicator,
    Target? Target,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    int IncludedUnits,
    IReadOnlyList<string> MissingUnits,
    Attainment Attainment)
{
    /// <summary>Those of <see cref="MissingUnits"/> that reported a rate without its parts (thiếu tử số/mẫu số).</summary>
    public IReadOnlyList<string> WithoutPartsUnits { get; init; } = [];

    /// <summary>The province's figure for the same period last year (cùng kỳ), consolidated the same way.</summary>
    public decimal? Baseline { get; init; }

    /// <summary>The periods the children's figures were formed from (months summed, or the latest taken), in order; empty when all were reported for the period.</summary>
    public IReadOnlyList<Period> DerivedFrom { get; init; } = [];

    /// <summary>The months some child's figure lacks, in order.</summary>
    public IReadOnlyList<Period> MissingPeriods { get; init; } = [];

    /// <summary>Codes of the children whose figure lacks months of the period.</summary>
    public IReadOnlyList<string> PartialUnits { get; init; } = [];
}

/// <summary>One district's results, for its own sheet and its column of the matrix.</summary>
public sealed record DistrictReport(OrgUnit Unit, IReadOnlyList<ResultLine> Lines);

/// <summary>
/// The province's consolidated workbook for a period: a summary, one sheet per district, the matrix of
/// indicators × districts, and the districts that have not reported.
/// </summary>
public sealed record ProvinceWorkbook(
    AnnexHeader Header,
    string UnitName,
    Period Period,
    IReadOnlyList<ProvinceFigure> Summary,
    IReadOnlyList<DistrictReport> Districts,
    IReadOnlyList<OrgUnit> NotReported)
{
    /// <summary>
    /// Who sent the period's form, when, against which deadline (the server's completeness report). When given,
    /// "Chưa báo cáo" lists the forms not received by it and "Tình hình báo cáo" closes the workbook, so both
    /// sheets tell the same story; without it "Chưa báo cáo" lists the children with no figures.
    /// </summary>
    public HealthFuncs.Core.Workflow.CompletenessReport? Reporting { get; init; }
}

/// <summary>One row of the flat export: one unit × indicator × period, with codes and names for pivot tables.</summary>
public sealed record FlatRow(
    string UnitCode,
    string UnitName,
    string IndicatorCode,
    string IndicatorName,
    string UnitOfMeasure,
    Period Period,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? Note);
