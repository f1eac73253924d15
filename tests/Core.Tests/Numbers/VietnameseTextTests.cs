using HealthFuncs.Core.Numbers;

namespace HealthFuncs.Core.Tests.Numbers;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Quý I/2021", "quy i/2021")]
    [InlineData("Giai đoạn 2021 – 2025", "giai doan 2021-2025")]
    [InlineData("  ĐẠT   trên 96,1% ", "dat tren 96,1%")]
    [InlineData("giảm 0,5%o /năm", "giam 0,5‰/nam")]          // 002 (8) as the PDF wrote it
    [InlineData("tăng 3 - 5% mỗi năm", "tang 3-5% moi nam")]
    [InlineData("", "")]
    public void Folding_removes_case_diacritics_and_spacing_noise(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(text));

    [Theory]
    [InlineData("Năm 2021", "Nam 2021")]
    [InlineData("Duy trì", "Duy tri")]
    [InlineData("tối thiểu mức 3", "toi thieu muc 3")]
    [InlineData("Quý", "Quy")]
    public void Text_with_and_without_diacritics_folds_alike(string written, string lostDiacritics) =>
        Assert.Equal(VietnameseText.Fold(written), VietnameseText.Fold(lostDiacritics));

    [Fact]
    public void Precomposed_and_decomposed_spellings_fold_alike() =>
        Assert.Equal(VietnameseText.Fold("Quý".Normalize(System.Text.NormalizationForm.FormC)),
                     VietnameseText.Fold("Quý".Normalize(System.Text.NormalizationForm.FormD)));
}
