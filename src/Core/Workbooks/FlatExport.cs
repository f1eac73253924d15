using HealthFuncs.Core.Periods;
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
        // Almost every row is plain: it goes out as bare data cells, SpreadCheetah's cheapest path. Only a row with
        // a text that starts like a formula takes the styled cells, so that text gets the Text format.
        private readonly DataCell[] _plain = new DataCell[Headers.Length];
        private readonly StyledCell[] _styled = new StyledCell[Headers.Length];
        // Rows come period by period: the code and label of the last period are reused instead of formatted again per row.
        private Period _period;
        private string _periodCode = "", _periodText = "";
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
            if (_count == 0 || row.Period != _period) (_period, _periodCode, _periodText) = (row.Period, row.Period.Code, AnnexFrame.PeriodText(row.Period));
            _count++;
            var plain = _plain;
            plain[0] = new DataCell(row.UnitCode);
            plain[1] = new DataCell(row.UnitName);
            plain[2] = new DataCell(row.IndicatorCode);
            plain[3] = new DataCell(row.IndicatorName);
            plain[4] = new DataCell(row.UnitOfMeasure);
            plain[5] = new DataCell(_periodCode);
            plain[6] = new DataCell(_periodText);
            plain[7] = new DataCell(row.Period.Year);
            // General format: a count shows as 420 and a percentage as 96.2, each with the digits it has.
            plain[8] = new DataCell(row.Value);
            plain[9] = new DataCell(row.Numerator);
            plain[10] = new DataCell(row.Denominator);
            plain[11] = new DataCell(row.Note);
            if (!NeedsQuote(row)) return book.AddRowAsync(plain, cancellationToken);
            for (var i = 0; i < plain.Length; i++) _styled[i] = new StyledCell(plain[i], null);
            foreach (var column in TextColumns)
                if (Text(column, row) is { Length: > 0 } value && Looks.NeedsQuote(value)) _styled[column] = new StyledCell(plain[column], text);
            return book.AddRowAsync(_styled, cancellationToken);
        }

        public async Task<long> FinishAsync(CancellationToken cancellationToken)
        {
            await book.FinishAsync(cancellationToken);
            return _count;
        }

        public ValueTask DisposeAsync() => book.DisposeAsync();

        private static readonly int[] TextColumns = [0, 1, 2, 3, 4, 5, 6, 11];

        private string? Text(int column, FlatRow row) => column switch
        {
            0 => row.UnitCode, 1 => row.UnitName, 2 => row.IndicatorCode, 3 => row.IndicatorName, 4 => row.UnitOfMeasure,
            5 => _periodCode, 6 => _periodText, _ => row.Note,
        };

        private bool NeedsQuote(FlatRow row) =>
            Quoted(row.UnitCode) || Quoted(row.UnitName) || Quoted(row.IndicatorCode) || Quoted(row.IndicatorName)
            || Quoted(row.UnitOfMeasure) || Quoted(_periodCode) || Quoted(_periodText) || Quoted(row.Note);

        private static bool Quoted(string? value) => value is { Length: > 0 } && Looks.NeedsQuote(value);
    }
}
