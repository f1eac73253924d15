using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace HealthFuncs.Core.Workbooks;

/// <summary>
/// The flat export: one row per unit × indicator × period, with codes and names, for pivot tables.
/// Written with SpreadCheetah, a streaming writer made for large sheets: each row goes to the output stream
/// (which may be non-seekable, like an HTTP response) as it comes, so memory stays flat however many rows come.
/// </summary>
public static class FlatExport
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Dữ liệu";
    /// <summary>The header row, in column order.</summary>
    public static readonly string[] Headers =
        ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mã kỳ", "Kỳ", "Năm", "Giá trị", "Tử số", "Mẫu số", "Ghi chú"];
    // Wide enough for the longest codes ("BHYT.DOI_TUONG_CHINH_SACH.NGHEO") and names of the catalog.
    private static readonly double[] Widths = [12, 28, 34, 50, 11, 10, 22, 7, 13, 13, 13, 30];

    /// <summary>Writes the rows as an .xlsx to <paramref name="output"/>, which is left open; returns how many rows were written.</summary>
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<FlatRow> rows, CancellationToken cancellationToken = default)
    {
        await using var sheet = await Sheet.StartAsync(output, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken)) await sheet.AddAsync(row, cancellationToken);
        return await sheet.FinishAsync(cancellationToken);
    }

    /// <inheritdoc cref="WriteAsync(Stream, IAsyncEnumerable{FlatRow}, CancellationToken)"/>
    public static async Task<long> WriteAsync(Stream output, IEnumerable<FlatRow> rows, CancellationToken cancellationToken = default)
    {
        await using var sheet = await Sheet.StartAsync(output, cancellationToken);
        foreach (var row in rows) await sheet.AddAsync(row, cancellationToken);
        return await sheet.FinishAsync(cancellationToken);
    }

    private sealed class Sheet(Spreadsheet book, StyleId text) : IAsyncDisposable
    {
        private readonly Cell[] _cells = new Cell[Headers.Length];
        private long _count;

        public static async Task<Sheet> StartAsync(Stream output, CancellationToken cancellationToken)
        {
            var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
            var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{(char)('A' + Headers.Length - 1)}1") };
            for (var i = 0; i < Widths.Length; i++) options.Column(i + 1).Width = Widths[i];
            await book.StartWorksheetAsync(SheetName, options, cancellationToken);
            var thin = new EdgeBorder { BorderStyle = BorderStyle.Thin, Color = System.Drawing.Color.Black };
            var head = book.AddStyle(new Style
            {
                Font = { Bold = true },
                Fill = { Color = System.Drawing.Color.FromArgb(0xD9, 0xE1, 0xF2) },
                Border = { Left = thin, Right = thin, Top = thin, Bottom = thin },
                Alignment = { Horizontal = HorizontalAlignment.Center, Vertical = VerticalAlignment.Center, WrapText = true },
            });
            await book.AddHeaderRowAsync(Headers, head, cancellationToken);
            // Text that starts like a formula stays text even when someone edits the cell: the inline string is never
            // evaluated on opening, and the Text format keeps a re-typed "=…" from becoming a formula (OWASP formula injection).
            var text = book.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
            return new Sheet(book, text);
        }

        public ValueTask AddAsync(FlatRow row, CancellationToken cancellationToken)
        {
            _cells[0] = Text(row.UnitCode);
            _cells[1] = Text(row.UnitName);
            _cells[2] = Text(row.IndicatorCode);
            _cells[3] = Text(row.IndicatorName);
            _cells[4] = Text(row.UnitOfMeasure);
            _cells[5] = Text(row.Period.Code);
            _cells[6] = Text(AnnexFrame.PeriodText(row.Period));
            _cells[7] = new Cell(row.Period.Year);
            // General format: a count shows as 420 and a percentage as 96.2, each with the digits it has.
            _cells[8] = new Cell(row.Value);
            _cells[9] = new Cell(row.Numerator);
            _cells[10] = new Cell(row.Denominator);
            _cells[11] = Text(row.Note);
            _count++;
            return book.AddRowAsync(_cells, cancellationToken);
        }

        public async Task<long> FinishAsync(CancellationToken cancellationToken)
        {
            await book.FinishAsync(cancellationToken);
            return _count;
        }

        public ValueTask DisposeAsync() => book.DisposeAsync();

        private Cell Text(string? value) => value is { Length: > 0 } && Looks.NeedsQuote(value) ? new Cell(value, text) : new Cell(value);
    }
}
