using System.Globalization;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Tests.Targets;

public class TargetParserTests
{
    private static decimal? D(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("≥95", TargetForm.AtLeast, "95", null)]
    [InlineData(">= 95", TargetForm.AtLeast, "95", null)]
    [InlineData("≥ 95%", TargetForm.AtLeast, "95", "%")]
    [InlineData("≥90%", TargetForm.AtLeast, "90", "%")]                      // 004: ≥90% by 2025
    [InlineData("tối thiểu 90%", TargetForm.AtLeast, "90", "%")]             // 004: "tối thiểu 90% kỹ thuật"
    [InlineData("Tối thiểu 95%", TargetForm.AtLeast, "95", "%")]
    [InlineData("toi thieu 90%", TargetForm.AtLeast, "90", "%")]             // lost diacritics
    [InlineData("ít nhất 90%", TargetForm.AtLeast, "90", "%")]
    [InlineData("không dưới 80%", TargetForm.AtLeast, "80", "%")]
    [InlineData("đạt trên 96,1%", TargetForm.Above, "96.1", "%")]            // 002 (2): insurance above 96,1%
    [InlineData("trên 50%", TargetForm.Above, "50", "%")]                   // 002 (3): e-health records
    [InlineData("trên 20 %", TargetForm.Above, "20", "%")]                  // 004: "trên 20 % kỹ thuật của tuyến trên"
    [InlineData("Đạt trên 88%", TargetForm.Above, "88", "%")]               // 002 (9): satisfaction
    [InlineData(">90", TargetForm.Above, "90", null)]                       // 001: row 2, 2020 column
    [InlineData(">80%", TargetForm.Above, "80", "%")]                       // 004: >80% by 2020
    [InlineData("> 90", TargetForm.Above, "90", null)]
    [InlineData("trên 7,6", TargetForm.Above, "7.6", null)]                  // 002 (5): doctors per 10.000
    [InlineData("trên 78,7%", TargetForm.Above, "78.7", "%")]               // 002: births at a health facility
    [InlineData("≤14,7", TargetForm.AtMost, "14.7", null)]
    [InlineData("<= 14,7", TargetForm.AtMost, "14.7", null)]
    [InlineData("tối đa 5", TargetForm.AtMost, "5", null)]
    [InlineData("không quá 5%", TargetForm.AtMost, "5", "%")]
    [InlineData("<8,5", TargetForm.Below, "8.5", null)]
    [InlineData("dưới 35%", TargetForm.Below, "35", "%")]                   // 002 (2): out-of-pocket spending
    [InlineData("còn dưới 35%", TargetForm.Below, "35", "%")]               // 002 (2): "còn dưới 35%"
    [InlineData("dưới 17,5%", TargetForm.Below, "17.5", "%")]               // 002 (7): underweight
    [InlineData("dưới 24%", TargetForm.Below, "24", "%")]                   // 002 (7): stunting
    [InlineData("dưới 13%", TargetForm.Below, "13", "%")]                   // 000: malnutrition under 13%
    [InlineData("duoi 13%", TargetForm.Below, "13", "%")]                   // lost diacritics
    [InlineData("giảm xuống dưới 13%", TargetForm.Below, "13", "%")]
    [InlineData("Giảm xuống dưới 17,5%", TargetForm.Below, "17.5", "%")]     // 002 (7)
    [InlineData("giảm dưới 13%", TargetForm.Below, "13", "%")]              // 000: "giảm tỷ lệ ... dưới 13%"
    [InlineData("giảm còn 14,3‰", TargetForm.AtMost, "14.3", "‰")]          // 002 (8): natural growth
    [InlineData("giảm còn 14,3%o", TargetForm.AtMost, "14.3", "‰")]         // 002 (8) as the PDF wrote it
    [InlineData("giảm còn 0,38%", TargetForm.AtMost, "0.38", "%")]          // 002 (10): HIV
    [InlineData("còn 0,38%", TargetForm.AtMost, "0.38", "%")]               // 002 (10): "... giảm còn 0,38%"
    [InlineData("giảm xuống 13%", TargetForm.AtMost, "13", "%")]
    [InlineData("tăng lên 90%", TargetForm.AtLeast, "90", "%")]
    [InlineData("tăng lên trên 90%", TargetForm.Above, "90", "%")]
    [InlineData("Duy trì trên 95%", TargetForm.Above, "95", "%")]           // 000: "Duy trì tỷ lệ tiêm chủng ... trên 95%"
    public void Bounds_are_read_with_their_comparison(string text, TargetForm form, string value, string? symbol)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((form, D(value), symbol), (target.Form, target.Value, target.Symbol));
        Assert.Equal(text, target.Text);
        Assert.Null(target.Reason);
    }

    [Theory]
    [InlineData("100", "100", null)]                 // 001: row 1
    [InlineData("420", "420", null)]                 // 000: 420 beds
    [InlineData("260.000", "260000", null)]          // 000: 260.000 visits
    [InlineData("62.424", "62424", null)]            // 000: insured beneficiaries
    [InlineData("83,9%", "83.9", "%")]               // 000: 26 of 31 communes
    [InlineData("95,46%", "95.46", "%")]             // 002 (6): immunisation
    [InlineData("95.46%", "95.46", "%")]             // decimal point as PDF conversion writes it
    [InlineData("22,1%", "22.1", "%")]               // 000: stunting
    [InlineData("18,7", "18.7", null)]               // 002 (5): beds per 10.000
    [InlineData("14,3‰", "14.3", "‰")]
    [InlineData("đạt 95%", "95", "%")]
    [InlineData("  70 ", "70", null)]                // 001: row 4, 2020 column
    [InlineData("1,0", "1.0", null)]                 // 002 (5): pharmacists per 10.000
    [InlineData("01", "1", null)]
    [InlineData("25 %", "25", "%")]                  // 004: "25 % kỹ thuật của tuyến trên"
    public void Bare_numbers_are_point_targets(string text, string value, string? symbol)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((TargetForm.Point, D(value), symbol), (target.Form, target.Value, target.Symbol));
        Assert.Equal(text, target.Text);
    }

    [Theory]
    [InlineData("70 – 80", "70", "80", null)]
    [InlineData("70-80", "70", "80", null)]
    [InlineData("70 - 80", "70", "80", null)]
    [InlineData("3-5%", "3", "5", "%")]
    [InlineData("3%-5%", "3", "5", "%")]
    [InlineData("3 – 5 %", "3", "5", "%")]
    [InlineData("từ 70 đến 80", "70", "80", null)]
    [InlineData("1,5-2,5‰", "1.5", "2.5", "‰")]
    public void Two_numbers_joined_by_a_dash_are_a_band(string text, string low, string high, string? symbol)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((TargetForm.Band, D(low), D(high), symbol, (decimal?)null), (target.Form, target.Low, target.High, target.Symbol, target.Value));
    }

    [Theory]
    [InlineData("Duy trì", null, null)]              // 001: row 5, 2025 column
    [InlineData("duy trì", null, null)]
    [InlineData("Duy tri", null, null)]              // lost diacritics
    [InlineData("DUY TRÌ.", null, null)]
    [InlineData("Duy trì 100%", "100", "%")]         // 002 (4): 100% communes keep national criteria
    [InlineData("Duy trì ở mức 100%", "100", "%")]
    [InlineData("duy trì 33", "33", null)]           // 000: keep 33 facilities
    public void Duy_tri_keeps_the_baseline_or_the_value_it_names(string text, string? value, string? symbol)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((TargetForm.Maintain, D(value), symbol), (target.Form, target.Value, target.Symbol));
    }

    [Theory]
    [InlineData("giảm 0,2‰", ChangeDirection.Decrease, "0.2", null, null, "‰", false)]      // 000: "giảm sinh bình quân 0,2%o"
    [InlineData("giảm 0,2%o", ChangeDirection.Decrease, "0.2", null, null, "‰", false)]
    [InlineData("giảm 2%", ChangeDirection.Decrease, "2", null, null, "%", false)]
    [InlineData("giảm 0,5‰/năm", ChangeDirection.Decrease, "0.5", null, null, "‰", true)]   // 002 (8): birth rate
    [InlineData("giảm 0,5%o /năm", ChangeDirection.Decrease, "0.5", null, null, "‰", true)] // 002 (8) as the PDF wrote it
    [InlineData("tăng 3-5%/năm", ChangeDirection.Increase, null, "3", "5", "%", true)]      // 004: domestic medicine share
    [InlineData("tăng 3 - 5% mỗi năm", ChangeDirection.Increase, null, "3", "5", "%", true)]
    [InlineData("hàng năm tăng từ 3-5%", ChangeDirection.Increase, null, "3", "5", "%", true)] // 004 as written in prose
    [InlineData("tăng 3–5% hàng năm", ChangeDirection.Increase, null, "3", "5", "%", true)]
    [InlineData("tang 10%", ChangeDirection.Increase, "10", null, null, "%", false)]
    [InlineData("Tăng 1.000", ChangeDirection.Increase, "1000", null, null, null, false)]
    [InlineData("tăng từ 3-5%", ChangeDirection.Increase, null, "3", "5", "%", false)]
    [InlineData("nâng từ 0,05 - 0,1 điểm", ChangeDirection.Increase, null, "0.05", "0.1", null, false)] // 002: satisfaction score
    public void Tang_and_giam_are_changes_against_the_baseline(string text, ChangeDirection change, string? value, string? low, string? high, string? symbol, bool perYear)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(
            (TargetForm.Change, (ChangeDirection?)change, D(value), D(low), D(high), symbol, perYear),
            (target.Form, target.Change, target.Value, target.Low, target.High, target.Symbol, target.PerYear));
    }

    [Theory]
    [InlineData("mức 3", "3")]
    [InlineData("đạt mức 4", "4")]                   // 004: level 4 by 2030
    [InlineData("Mức 2", "2")]                       // 004: level 2 in 2017
    [InlineData("tối thiểu mức 3", "3")]             // 004: at least level 3 to 2025
    [InlineData("đạt tối thiểu mức 3", "3")]
    [InlineData("Dat muc 4", "4")]                   // lost diacritics
    [InlineData("≥ mức 3", "3")]
    public void Muc_is_an_ordinal_level(string text, string level)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((TargetForm.Level, D(level)), (target.Form, target.Value));
    }

    [Theory]
    [InlineData("", "để trống")]
    [InlineData("   ", "để trống")]
    [InlineData("Đạt chuẩn", "không có con số")]
    [InlineData("x", "không có con số")]
    [InlineData("Phấn đấu hoàn thành kế hoạch được giao", "không có con số")]
    [InlineData("mức", "không có số mức")]
    [InlineData("đạt mức cao", "không có số mức")]
    [InlineData("mức 2,5", "không phải là một số nguyên")]
    [InlineData("trên mức 3", "tối thiểu mức 3")]
    [InlineData("70 80", "không viết thành một khoảng")]
    [InlineData("100 (2020); 100 (2025)", "không viết thành một khoảng")]
    [InlineData("80 – 70", "số nhỏ trước")]
    [InlineData("5-5", "số nhỏ trước")]
    [InlineData("3%-5‰", "hai đơn vị khác nhau")]
    [InlineData("1,234,567", "không đọc được số \"1,234,567\"")]
    [InlineData("≥ 1.23.4", "không đọc được số \"1.23.4\"")]
    [InlineData("33 cơ sở trên địa bàn", "không hiểu phần chữ")]
    [InlineData("18,7 giường bệnh/10.000 dân", "không viết thành một khoảng")]
    [InlineData("3-5%/năm", "chỉ dùng cho chỉ tiêu tăng hoặc giảm")]
    [InlineData("tăng trên 5%", "không rõ là mức cần đạt hay mức thay đổi")]
    [InlineData("giảm", "không có con số")]
    [InlineData("Duy trì và nâng cao", "không có con số")]
    [InlineData("Giảm tỷ lệ mắc và tử vong các bệnh truyền nhiễm gây dịch, không để dịch lớn xảy ra", "không có con số")] // 002 (1)
    [InlineData("luôn đảm bảo duy trì giữ vững và nâng cao chất lượng Tiêu chí quốc gia về Y tế xã", "không có con số")]
    [InlineData("nâng 0,1% điểm", "là phần trăm hay điểm")]
    public void Unreadable_text_stays_text_only_with_a_reason(string text, string reasonPart)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(TargetForm.TextOnly, target.Form);
        Assert.Equal(text, target.Text);
        Assert.Null(target.Value);
        Assert.NotNull(target.Reason);
        Assert.Contains(reasonPart, target.Reason);
    }

    [Fact]
    public void The_reason_quotes_the_text_that_was_not_understood()
    {
        var target = TargetParser.Parse("Đạt chuẩn quốc gia");
        Assert.StartsWith("Không hiểu chỉ tiêu \"Đạt chuẩn quốc gia\"", target.Reason);
    }

    [Theory]
    [InlineData(" ≥95 ")]
    [InlineData("Duy trì\n")]
    [InlineData("\t70 – 80")]
    public void The_original_text_is_kept_untrimmed(string text) => Assert.Equal(text, TargetParser.Parse(text).Text);
}
