using System.Globalization;
using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The parts every annex shares (Decree 30/2020/NĐ-CP): the two-column heading, the annex number, the title
/// in capitals, the "(Kèm theo ...)" line, and below the table the place and date in italics over the signer.
/// </summary>
public static class AnnexFrame
{
    /// <summary>Writes the heading across columns 1..<paramref name="lastColumn"/>; returns the first free row.</summary>
    public static uint WriteHeading(AnnexSheet sheet, AnnexHeader header, uint lastColumn, string subtitle)
    {
        // The issuing body takes roughly the left third, the national name the right half, as on paper.
        var leftEnd = Math.Max(2u, lastColumn / 3);
        var rightStart = Math.Max(leftEnd + 1, lastColumn - lastColumn / 2);
        sheet.Merge(1, 1, leftEnd, 1, header.GoverningBody.ToUpper(Vietnamese), Look.GoverningBody);
        sheet.Merge(rightStart, 1, lastColumn, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Look.HeadingBold);
        sheet.Merge(1, 2, leftEnd, 2, header.IssuingBody.ToUpper(Vietnamese), Look.HeadingBold);
        sheet.Merge(rightStart, 2, lastColumn, 2, "Độc lập - Tự do - Hạnh phúc", Look.HeadingBold);
        sheet.Merge(1, 4, lastColumn, 4, header.AnnexNumber, Look.AnnexNumber);
        sheet.Merge(1, 5, lastColumn, 5, header.Title.ToUpper(Vietnamese), Look.Title);
        sheet.Height(5, 40);
        sheet.Merge(1, 6, lastColumn, 6, header.Attachment, Look.Italic);
        sheet.Height(6, 33);
        sheet.Merge(1, 7, lastColumn, 7, subtitle, Look.Italic);
        return 9;
    }

    /// <summary>Writes place, date and signer under the table, starting at <paramref name="row"/>.</summary>
    public static void WriteSignature(AnnexSheet sheet, AnnexHeader header, uint row, uint lastColumn, int year)
    {
        var from = Math.Max(3u, lastColumn - lastColumn / 2);
        var date = header.Date is { } d
            ? $"{header.Place}, ngày {d.Day} tháng {d.Month} năm {d.Year}"
            : $"{header.Place}, ngày ... tháng ... năm {year}";
        sheet.Merge(from, row, lastColumn, row, date, Look.Italic);
        sheet.Merge(1, row + 1, Math.Min(from - 1, 3u), row + 1, "NGƯỜI LẬP BIỂU", Look.Signer);
        sheet.Merge(from, row + 1, lastColumn, row + 1, header.SignerTitle.ToUpper(Vietnamese), Look.Signer);
        if (header.SignerName is { } name) sheet.Merge(from, row + 6, lastColumn, row + 6, name, Look.Signer);
    }

    /// <summary>Vietnamese casing, so "đ" becomes "Đ" and tone marks stay on their letters.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The look of an indicator's value: whole numbers, decimals or levels.</summary>
    public static Look ValueLook(Indicator indicator) => indicator.Kind switch
    {
        IndicatorKind.Count => Look.Count,
        IndicatorKind.Level => Look.Level,
        _ => Look.Decimal,
    };

    /// <summary>
    /// The look of one value: counts and levels as their kind; a rate or percentage with decimals only when the
    /// value has them, so a whole 84 or 415 is never printed "84,0".
    /// </summary>
    public static Look ValueLook(Indicator indicator, decimal? value) =>
        ValueLook(indicator) == Look.Decimal && value is { } v && v == decimal.Truncate(v) ? Look.Count : ValueLook(indicator);

    /// <summary>The period as the annexes print it: "Quý I/2021", "6 tháng đầu năm 2021", "Giai đoạn 2021-2025".</summary>
    public static string PeriodText(Period period) => PeriodLabel.Format(period);

    /// <summary>
    /// The period inside a sentence or title: its first letter lower case only, so "Quý I/2021" reads "quý I/2021"
    /// (not "quý i/2021") in a document's properties and anywhere the title is not printed in capitals.
    /// </summary>
    public static string PeriodInSentence(Period period) =>
        PeriodText(period) is { Length: > 0 } text ? char.ToLower(text[0], Vietnamese) + text[1..] : "";

    /// <summary>1 → I, 4 → IV, 9 → IX: group and quarter numerals.</summary>
    public static string Roman(int number)
    {
        (int Value, string Text)[] steps = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = "";
        foreach (var (value, letters) in steps)
            for (; number >= value; number -= value) text += letters;
        return text;
    }

    /// <summary>The value of a Roman numeral, or null when the text is not one.</summary>
    public static int? RomanValue(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length == 0) return null;
        for (var n = 1; n < 400; n++) if (Roman(n) == upper) return n;
        return null;
    }
}
