using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Seeds;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Tests.Seeds;

public class SeedCatalogTests
{
    private static SeedCatalog Catalog => SeedFolder.Catalog;

    private static Target TargetOf(string unit, string indicator, int year) =>
        Assert.Single(Catalog.Targets, t => t.UnitCode == unit && t.IndicatorCode == indicator && t.Year == year);

    [Fact]
    public void The_seed_folder_loads_with_all_four_plans()
    {
        Assert.Equal(
            ["000_5ebde2c27071b307.txt", "001_5de9f92741211fb0.txt", "002_7126ef3c1f2cf1c6.txt", "004_ca09afea0b59ac62.txt"],
            Catalog.Plans.Select(p => p.SourceFile).Order());
        Assert.All(Catalog.Plans, p => Assert.NotEmpty(p.Targets));
        Assert.NotEmpty(Catalog.Indicators);
        Assert.Contains(Catalog.Units, u => u.Code == "SD" && u.Name == "Huyện Sơn Dương" && u.Level == UnitLevel.District);
    }

    [Fact]
    public void Every_target_parses_or_states_why_it_stays_text()
    {
        Assert.All(Catalog.Targets, t =>
            Assert.True(t.Expression.Form != TargetForm.TextOnly || !string.IsNullOrWhiteSpace(t.Expression.Reason),
                $"{t.UnitCode} {t.IndicatorCode} {t.Year}: '{t.Expression.Text}' is text-only without a reason."));
    }

    [Theory]
    [InlineData("SD", "KCB.GIUONG_BENH", 2021, "420", TargetForm.Point, 420)]
    [InlineData("SD", "KCB.LUOT_KHAM", 2021, "260.000", TargetForm.Point, 260000)]
    [InlineData("SD", "BHYT.DOI_TUONG_CHINH_SACH", 2021, "62.424", TargetForm.Point, 62424)]
    [InlineData("SD", "YTCS.TY_LE_XA_DAT_TCQG", 2021, "83,9%", TargetForm.Point, 83.9)]
    [InlineData("SD", "DP.TIEM_CHUNG_DAY_DU", 2021, "trên 95%", TargetForm.Above, 95)]
    [InlineData("SD", "SDD.NHE_CAN", 2021, "dưới 13%", TargetForm.Below, 13)]
    [InlineData("SD", "SDD.THAP_COI", 2021, "22,1%", TargetForm.Point, 22.1)]
    [InlineData("SD", "YTCS.TYT_70_DVKT", 2020, ">90", TargetForm.Above, 90)]
    [InlineData("SD", "YTCS.DAN_SO_QUAN_LY_SK", 2020, "70", TargetForm.Point, 70)]
    [InlineData("SD", "YTCS.DAN_SO_QUAN_LY_SK", 2025, ">90", TargetForm.Above, 90)]
    [InlineData("SD", "YTCS.TYT_KHO_KHAN_DAU_TU", 2020, "100", TargetForm.Point, 100)]
    [InlineData("TD", "BHYT.BAO_PHU", 2023, "đạt trên 96,1%", TargetForm.Above, 96.1)]
    [InlineData("TD", "BHYT.CHI_TIEN_TUI", 2023, "dưới 35%", TargetForm.Below, 35)]
    [InlineData("TD", "KCB.GIUONG_VAN_DAN", 2023, "18,7", TargetForm.Point, 18.7)]
    [InlineData("TD", "NL.BAC_SI_VAN_DAN", 2023, "trên 7,6", TargetForm.Above, 7.6)]
    [InlineData("TD", "DP.TIEM_CHUNG_DAY_DU", 2023, "95,46%", TargetForm.Point, 95.46)]
    [InlineData("YL-TTYT", "KCB.TTYT_KT_PHAN_TUYEN", 2020, "trên 80%", TargetForm.Above, 80)]
    [InlineData("YL-TTYT", "KCB.TTYT_KT_PHAN_TUYEN", 2025, "tối thiểu 90%", TargetForm.AtLeast, 90)]
    [InlineData("YL-TTYT", "KCB.MUC_CLBV", 2017, "đạt mức 2", TargetForm.Level, 2)]
    [InlineData("YL-TTYT", "KCB.MUC_CLBV", 2030, "đạt mức 4", TargetForm.Level, 4)]
    [InlineData("YL", "DUOC.THUOC_SX_VN", 2020, "đạt 75%", TargetForm.Point, 75)]
    public void Targets_read_as_the_plan_means_them(string unit, string indicator, int year, string text, TargetForm form, double value)
    {
        var expression = TargetOf(unit, indicator, year).Expression;
        Assert.Equal(text, expression.Text);
        Assert.Equal(form, expression.Form);
        Assert.Equal((decimal)value, expression.Value);
    }

    [Fact]
    public void Duy_tri_in_the_2025_column_keeps_the_level_reached()
    {
        var expression = TargetOf("SD", "YTCS.TYT_KHO_KHAN_DAU_TU", 2025).Expression;
        Assert.Equal("Duy trì", expression.Text);
        Assert.Equal(TargetForm.Maintain, expression.Form);
        Assert.Null(expression.Value);
    }

    [Fact]
    public void A_band_of_inspected_private_practices_reads_as_60_to_70()
    {
        var expression = TargetOf("YL", "NCL.CO_SO_THANH_KIEM_TRA", 2020).Expression;
        Assert.Equal((TargetForm.Band, 60m, 70m), (expression.Form, expression.Low, expression.High));
    }

    [Theory]
    [InlineData("SD", "DS.TY_LE_SINH", 2021, "giảm 0,2‰", ChangeDirection.Decrease, 0.2, 0.2, false)]
    [InlineData("TD", "DS.TY_LE_SINH", 2023, "giảm 0,5‰/năm", ChangeDirection.Decrease, 0.5, 0.5, true)]
    [InlineData("YL", "DUOC.THUOC_SX_VN", 2018, "hàng năm tăng từ 3-5%", ChangeDirection.Increase, 3, 5, true)]
    [InlineData("TD", "KCB.DIEM_CLBV", 2023, "nâng từ 0,05 - 0,1 điểm", ChangeDirection.Increase, 0.05, 0.1, false)]
    public void Change_targets_keep_their_sign_size_and_yearly_pace(string unit, string indicator, int year, string text, ChangeDirection change, double low, double high, bool perYear)
    {
        var e = TargetOf(unit, indicator, year).Expression;
        Assert.Equal((text, TargetForm.Change, change, perYear), (e.Text, e.Form, e.Change, e.PerYear));
        Assert.Equal(((decimal)low, (decimal)high), (e.Low ?? e.Value, e.High ?? e.Value));
    }

    [Theory]
    [InlineData("TD", "DP.BENH_TRUYEN_NHIEM", 2023)]
    [InlineData("YL", "YTCS.TY_LE_XA_DAT_TCQG", 2017)]
    public void Targets_without_a_readable_number_stay_text_with_a_reason(string unit, string indicator, int year)
    {
        var e = TargetOf(unit, indicator, year).Expression;
        Assert.Equal(TargetForm.TextOnly, e.Form);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
    }

    [Theory]
    [InlineData("KCB.GIUONG_BENH", 420, new[] { "KCB.GIUONG_BENH.BV", "KCB.GIUONG_BENH.TYT" })]
    [InlineData("BHYT.DOI_TUONG_CHINH_SACH", 62424, new[] { "BHYT.DOI_TUONG_CHINH_SACH.NGHEO", "BHYT.DOI_TUONG_CHINH_SACH.DTTS" })]
    public void Breakdowns_add_up_to_their_total_as_the_2021_plan_writes_them(string total, int expected, string[] parts)
    {
        Assert.Equal(parts.Order(), Catalog.Indicators.Where(i => i.ParentCode == total).Select(i => i.Code).Order());
        Assert.Equal(expected, TargetOf("SD", total, 2021).Expression.Value);
        Assert.Equal(expected, parts.Sum(p => TargetOf("SD", p, 2021).Expression.Value));
    }

    [Fact]
    public void Twenty_six_of_thirty_one_communes_is_the_planned_83_9_percent()
    {
        var communes = TargetOf("SD", "YTCS.XA_CO_BAC_SY", 2021).Expression.Value!.Value;
        var meeting = TargetOf("SD", "YTCS.XA_DAT_TCQG", 2021).Expression.Value!.Value;
        Assert.Equal((31m, 26m), (communes, meeting));
        Assert.Equal(TargetOf("SD", "YTCS.TY_LE_XA_DAT_TCQG", 2021).Expression.Value, Math.Round(meeting / communes * 100, 1));
    }

    [Fact]
    public void Every_target_references_a_known_indicator_and_unit()
    {
        var indicators = Catalog.Indicators.Select(i => i.Code).ToHashSet();
        var units = Catalog.Units.Select(u => u.Code).ToHashSet();
        Assert.All(Catalog.Targets, t =>
        {
            Assert.Contains(t.IndicatorCode, indicators);
            Assert.Contains(t.UnitCode, units);
        });
    }

    [Fact]
    public void An_indicator_shared_by_several_plans_appears_once_in_the_catalog()
    {
        Assert.Equal(Catalog.Indicators.Count, Catalog.Indicators.Select(i => i.Code).Distinct().Count());
        var plansSettingCoverage = Catalog.Plans.Count(p => p.Targets.Any(t => t.IndicatorCode == "YTCS.TY_LE_XA_DAT_TCQG"));
        Assert.True(plansSettingCoverage >= 3, "the share of communes meeting the national criteria is set by the 2018, 2021 and 2023 plans");
    }

    [Theory]
    [InlineData("KCB.GIUONG_VAN_DAN", IndicatorKind.Rate, 10000)]
    [InlineData("NL.BAC_SI_VAN_DAN", IndicatorKind.Rate, 10000)]
    [InlineData("DS.TANG_DAN_SO_TU_NHIEN", IndicatorKind.Rate, 1000)]
    [InlineData("DS.TY_LE_SINH", IndicatorKind.Rate, 1000)]
    public void Per_10000_and_per_mille_indicators_carry_their_base(string code, IndicatorKind kind, int ratePer)
    {
        var indicator = Assert.Single(Catalog.Indicators, i => i.Code == code);
        Assert.Equal((kind, ratePer), (indicator.Kind, indicator.RatePer));
    }

    [Fact]
    public void Only_bed_occupancy_may_exceed_100_percent()
    {
        Assert.Equal(["KCB.CONG_SUAT_GIUONG"], Catalog.Indicators.Where(i => i.AllowsAbove100).Select(i => i.Code));
    }

    [Theory]
    [InlineData("SDD.NHE_CAN", Direction.LowerIsBetter)]
    [InlineData("BHYT.CHI_TIEN_TUI", Direction.LowerIsBetter)]
    [InlineData("KCB.GIUONG_BENH", Direction.HigherIsBetter)]
    public void Direction_says_which_way_is_better(string code, Direction direction)
    {
        Assert.Equal(direction, Assert.Single(Catalog.Indicators, i => i.Code == code).Direction);
    }
}
