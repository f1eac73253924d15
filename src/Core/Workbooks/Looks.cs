using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HealthFuncs.Core.Workbooks;

/// <summary>The cell looks every workbook uses; each is one cell format in the stylesheet.</summary>
public enum Look
{
    /// <summary>Times New Roman 12, no border.</summary>
    Plain,
    /// <summary>The governing body: capitals, centred.</summary>
    GoverningBody,
    /// <summary>The issuing body and the national name: bold, centred.</summary>
    HeadingBold,
    /// <summary>"Biểu số 01": bold, centred.</summary>
    AnnexNumber,
    /// <summary>The title: bold 14, centred, wrapped.</summary>
    Title,
    /// <summary>"(Kèm theo ...)" and the place and date: italic, centred.</summary>
    Italic,
    /// <summary>Table header: bold, centred, wrapped, bordered, grey.</summary>
    Head,
    /// <summary>Column numbering under the header: italic, centred, bordered.</summary>
    HeadNumber,
    /// <summary>Group numeral and name: bold, bordered.</summary>
    Group,
    /// <summary>A group's Roman numeral: bold, centred, bordered.</summary>
    GroupNumber,
    /// <summary>Row number (TT): centred, bordered.</summary>
    RowNumber,
    /// <summary>An indicator name: wrapped, bordered.</summary>
    Name,
    /// <summary>A "Trong đó" breakdown name: italic, indented.</summary>
    BreakdownName,
    /// <summary>Centred text in the table (unit of measure, written targets, verdicts).</summary>
    Centred,
    /// <summary>Whole numbers: #,##0.</summary>
    Count,
    /// <summary>Decimals: #,##0.0#.</summary>
    Decimal,
    /// <summary>Ordinal levels: 0.</summary>
    Level,
    /// <summary>Shares computed in the sheet, stored as fractions: 0.00%.</summary>
    Percent,
    /// <summary>Changes in points: +0,00 điểm.</summary>
    Points,
    /// <summary>Left-aligned wrapped text in the table (notes).</summary>
    Text,
    /// <summary>An input cell for whole numbers: unlocked, pale yellow.</summary>
    InputCount,
    /// <summary>An input cell for decimals: unlocked, pale yellow.</summary>
    InputDecimal,
    /// <summary>An input cell for text: unlocked, pale yellow, wrapped.</summary>
    InputText,
    /// <summary>The signer's title and name: bold, centred.</summary>
    Signer,
    /// <summary>Bold left-aligned text (notes under the table).</summary>
    BoldLeft,
    /// <summary>A change in % of last year, stored as a fraction: +2,44%.</summary>
    Growth,
    /// <summary>A target's number in the plan column: centred like the written targets beside it.</summary>
    PlanNumber,
    /// <summary>A date: dd/mm/yyyy, centred, bordered.</summary>
    Date,
}

/// <summary>
/// The stylesheet behind <see cref="Look"/>. Every look has a twin with quotePrefix set, used for text that
/// starts with = + - @: the cell stays text even when a user edits it, so no formula travels in a string; and both
/// have an unlocked twin, for the cells a reader may correct on a protected sheet without the form's yellow.
/// Differential formats 0-4 colour attainment: exceeded, met, not met, no data, not assessed.
/// </summary>
public static class Looks
{
    private const uint DecimalFormat = 164, PercentFormat = 165, PointsFormat = 166, GrowthFormat = 167, DateFormat = 168, FirstOwnFormat = 170;
    private static readonly int Count = Enum.GetValues<Look>().Length;

    /// <summary>The cell format index of a look, or of its quote-prefixed or unlocked twins.</summary>
    public static uint Index(Look look, bool quoted = false, bool unlocked = false) =>
        (uint)((int)look + (quoted ? Count : 0) + (unlocked ? 2 * Count : 0));

    /// <summary>The cell format index of the <paramref name="position"/>-th look with its own number format, or of its unlocked twin.</summary>
    public static uint OwnIndex(int position, bool unlocked = false) => (uint)(4 * Count + 2 * position + (unlocked ? 1 : 0));

    /// <summary>The look behind the cell format index of a look or its twins (not of a look with its own format).</summary>
    public static Look Of(uint index) => (Look)(int)(index % (uint)Count);

    /// <summary>The unlocked twin of a cell format index given by <see cref="Index"/> or <see cref="OwnIndex"/>.</summary>
    public static uint Unlocked(uint index) =>
        index < 2 * Count ? index + 2 * (uint)Count : index < 4 * Count ? index : index | 1u;

    /// <summary>True when the look wraps text, so the row must be tall enough for its lines.</summary>
    public static bool Wraps(Look look) => SpecOf(look).Wrap;

    /// <summary>True when text must be kept from being read as a formula (OWASP CSV/formula injection).</summary>
    public static bool NeedsQuote(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    private sealed record Spec(int Font, int Fill, bool Border, uint NumberFormat, HorizontalAlignmentValues Align, bool Wrap, uint Indent = 0, bool Unlocked = false);

    private static Spec SpecOf(Look look) => look switch
    {
        Look.Plain => new(0, 0, false, 0, HorizontalAlignmentValues.General, false),
        Look.GoverningBody => new(0, 0, false, 0, HorizontalAlignmentValues.Center, true),
        Look.HeadingBold => new(1, 0, false, 0, HorizontalAlignmentValues.Center, true),
        Look.AnnexNumber => new(1, 0, false, 0, HorizontalAlignmentValues.Center, false),
        Look.Title => new(3, 0, false, 0, HorizontalAlignmentValues.Center, true),
        Look.Italic => new(2, 0, false, 0, HorizontalAlignmentValues.Center, true),
        Look.Head => new(1, 2, true, 0, HorizontalAlignmentValues.Center, true),
        Look.HeadNumber => new(2, 0, true, 0, HorizontalAlignmentValues.Center, false),
        Look.Group => new(1, 0, true, 0, HorizontalAlignmentValues.Left, true),
        Look.GroupNumber => new(1, 0, true, 0, HorizontalAlignmentValues.Center, false),
        Look.RowNumber => new(0, 0, true, 0, HorizontalAlignmentValues.Center, false),
        Look.Name => new(0, 0, true, 0, HorizontalAlignmentValues.Left, true),
        Look.BreakdownName => new(2, 0, true, 0, HorizontalAlignmentValues.Left, true, 2),
        Look.Centred => new(0, 0, true, 0, HorizontalAlignmentValues.Center, true),
        Look.Count => new(0, 0, true, 3, HorizontalAlignmentValues.Right, false),
        Look.Decimal => new(0, 0, true, DecimalFormat, HorizontalAlignmentValues.Right, false),
        Look.Level => new(0, 0, true, 1, HorizontalAlignmentValues.Center, false),
        Look.Percent => new(0, 0, true, PercentFormat, HorizontalAlignmentValues.Right, false),
        Look.Points => new(0, 0, true, PointsFormat, HorizontalAlignmentValues.Right, false),
        Look.Text => new(0, 0, true, 0, HorizontalAlignmentValues.Left, true),
        Look.InputCount => new(0, 3, true, 3, HorizontalAlignmentValues.Right, false, 0, true),
        Look.InputDecimal => new(0, 3, true, DecimalFormat, HorizontalAlignmentValues.Right, false, 0, true),
        Look.InputText => new(0, 3, true, 0, HorizontalAlignmentValues.Left, true, 0, true),
        Look.Signer => new(1, 0, false, 0, HorizontalAlignmentValues.Center, false),
        Look.BoldLeft => new(1, 0, false, 0, HorizontalAlignmentValues.Left, false),
        Look.Growth => new(0, 0, true, GrowthFormat, HorizontalAlignmentValues.Right, false),
        Look.PlanNumber => new(0, 0, true, 3, HorizontalAlignmentValues.Center, false),
        Look.Date => new(0, 0, true, DateFormat, HorizontalAlignmentValues.Center, false),
        _ => throw new ArgumentOutOfRangeException(nameof(look)),
    };

    /// <summary>
    /// Builds the stylesheet; cell format i is look i, Count + i its quote-prefixed twin, 2 × Count + i and 3 × Count + i
    /// the unlocked twins of both. Each of <paramref name="own"/> (a look with its own number format) follows as cell
    /// format 4 × Count + 2 × its position, its unlocked twin right after it.
    /// </summary>
    public static Stylesheet Build(IReadOnlyList<(Look Look, string Format)>? own = null)
    {
        own ??= [];
        var formats = new CellFormats();
        foreach (var unlocked in new[] { false, true })
            foreach (var quoted in new[] { false, true })
                foreach (var look in Enum.GetValues<Look>())
                    formats.Append(Format(SpecOf(look) with { Unlocked = unlocked || SpecOf(look).Unlocked }, quoted));
        var numbering = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.0#" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.00%" },
            new NumberingFormat { NumberFormatId = PointsFormat, FormatCode = "+#,##0.00\" điểm\";-#,##0.00\" điểm\";0.00\" điểm\"" },
            new NumberingFormat { NumberFormatId = GrowthFormat, FormatCode = "+0.00%;-0.00%;0.00%" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" });
        for (var i = 0; i < own.Count; i++)
        {
            numbering.Append(new NumberingFormat { NumberFormatId = FirstOwnFormat + (uint)i, FormatCode = own[i].Format });
            var spec = SpecOf(own[i].Look) with { NumberFormat = FirstOwnFormat + (uint)i };
            formats.Append(Format(spec, false));
            formats.Append(Format(spec with { Unlocked = true }, false));
        }
        numbering.Count = (uint)numbering.ChildElements.Count;
        formats.Count = (uint)formats.ChildElements.Count;

        return new Stylesheet(
            numbering,
            new Fonts(
                Font(12, bold: false, italic: false),
                Font(12, bold: true, italic: false),
                Font(12, bold: false, italic: true),
                Font(14, bold: true, italic: false)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"),
                Solid("FFFFF2CC")) { Count = 4 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats(
                Highlight("FFC6EFCE", "FF006100"),
                Highlight("FFDDEBF7", "FF1F4E78"),
                Highlight("FFFFC7CE", "FF9C0006"),
                Highlight("FFEDEDED", "FF595959"),
                Highlight("FFE4DFEC", "FF5B4B8A")) { Count = 5 });
    }

    private static CellFormat Format(Spec spec, bool quoted)
    {
        var format = new CellFormat(
            new Alignment { Horizontal = spec.Align, Vertical = VerticalAlignmentValues.Center, WrapText = spec.Wrap ? true : null, Indent = spec.Indent > 0 ? spec.Indent : null },
            new Protection { Locked = !spec.Unlocked })
        {
            NumberFormatId = spec.NumberFormat,
            FontId = (uint)spec.Font,
            FillId = (uint)spec.Fill,
            BorderId = spec.Border ? 1u : 0u,
            FormatId = 0,
            ApplyNumberFormat = spec.NumberFormat != 0,
            ApplyFont = true,
            ApplyFill = spec.Fill != 0,
            ApplyBorder = spec.Border,
            ApplyAlignment = true,
            ApplyProtection = spec.Unlocked,
        };
        if (quoted) format.QuotePrefix = true;
        return format;
    }

    private static Font Font(double size, bool bold, bool italic)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 }, new FontCharSet { Val = 163 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Thin<T>() where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    private static DifferentialFormat Highlight(string fill, string font) =>
        new(new Font(new Color { Rgb = font }),
            new Fill(new PatternFill(new BackgroundColor { Rgb = fill }) { PatternType = PatternValues.Solid }));
}
