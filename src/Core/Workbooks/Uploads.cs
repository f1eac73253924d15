using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.Observations;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Workbooks;

/// <summary>Why an uploaded file was refused before any row was read.</summary>
public enum UploadProblem
{
    /// <summary>Larger than the size limit.</summary>
    TooLarge,
    /// <summary>Not an .xlsx package at all.</summary>
    NotAWorkbook,
    /// <summary>A legacy .xls (OLE compound) file.</summary>
    LegacyXls,
    /// <summary>A password-encrypted workbook (OLE compound holding EncryptionInfo).</summary>
    Encrypted,
    /// <summary>A macro-enabled workbook (.xlsm content type or vbaProject.bin).</summary>
    MacroEnabled,
    /// <summary>The package is cut short or damaged.</summary>
    Truncated,
    /// <summary>More zip entries than a workbook needs.</summary>
    TooManyEntries,
    /// <summary>Decompresses to far more than it weighs: a zip bomb.</summary>
    ZipBomb,
    /// <summary>An XML part declares a DTD or entities.</summary>
    Dtd,
    /// <summary>More shared strings, characters, rows or cells than an upload may hold.</summary>
    TooBigToRead,
    /// <summary>Neither one of our forms nor a table with the "Chỉ tiêu" and "Thực hiện" columns.</summary>
    NotOurForm,
    /// <summary>One of our forms, made for another unit.</summary>
    WrongUnit,
    /// <summary>One of our forms, made for another period.</summary>
    WrongPeriod,
}

/// <summary>A refused upload, with the message users read in Vietnamese and English.</summary>
public sealed record UploadRefusal(UploadProblem Problem, string MessageVi, string MessageEn);

/// <summary>A row that could not be imported; the same shape as the values API's rejected rows, plus where it is.</summary>
/// <param name="Row">The sheet row (1-based).</param>
/// <param name="IndicatorCode">The indicator, when the row was matched to one.</param>
/// <param name="Field">"value", "numerator", "denominator", "note" or "indicator".</param>
/// <param name="MessageVi">What is wrong, naming the sheet and cell, in Vietnamese.</param>
/// <param name="MessageEn">The same in English.</param>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Cell">The cell's A1 reference.</param>
public sealed record RejectedRow(int Row, string? IndicatorCode, string Field, string MessageVi, string MessageEn, string Sheet, string Cell);

/// <summary>How the rows were found.</summary>
public enum UploadSource
{
    /// <summary>Nothing was read (the file was refused).</summary>
    None,
    /// <summary>One of our data-entry forms, read by its hidden codes.</summary>
    Form,
    /// <summary>A hand-typed table, found by its header row and matched by code or exact name.</summary>
    Table,
}

/// <summary>
/// What an upload yielded: observations ready for the values API, rejected rows, and the count of rows left empty.
/// A refused file yields a <see cref="Refusal"/> and nothing else.
/// </summary>
/// <param name="Observations">The rows read, for the unit and period of the upload.</param>
/// <param name="Rejected">Rows that could not be read.</param>
/// <param name="Ignored">Matched rows left empty.</param>
/// <param name="Refusal">Why the whole file was refused, if it was.</param>
/// <param name="Source">How the rows were found.</param>
/// <param name="FormVersion">For one of our forms: the stored version (ETag) it was generated from.</param>
/// <param name="Rows">Where each observation came from: indicator code → sheet row, so later checks can name it.</param>
/// <param name="Sheet">The sheet the rows came from.</param>
public sealed record WorkbookImport(
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<RejectedRow> Rejected,
    int Ignored,
    UploadRefusal? Refusal,
    UploadSource Source,
    string? FormVersion,
    IReadOnlyDictionary<string, int>? Rows = null,
    string? Sheet = null)
{
    /// <summary>A refused upload.</summary>
    public static WorkbookImport Refused(UploadProblem problem, string vi, string en) => new([], [], 0, new UploadRefusal(problem, vi, en), UploadSource.None, null);
}

/// <summary>What an upload is for: the unit and period from the request, and the indicators it may hold.</summary>
public sealed record UploadTarget(string UnitCode, Period Period, IReadOnlyList<Indicator> Indicators);

/// <summary>Limits checked before parsing (the first four) and while reading (the rest, counted as they grow).</summary>
/// <param name="MaxBytes">Largest accepted file.</param>
/// <param name="MaxEntries">Most zip entries.</param>
/// <param name="MaxUncompressedBytes">Most bytes all entries may expand to, counted while decompressing.</param>
/// <param name="MaxRatio">Largest expansion of one entry over its compressed size (checked for entries above 1 MB).</param>
/// <param name="MaxSharedStrings">Most shared strings.</param>
/// <param name="MaxSharedStringChars">Most characters of the shared-strings part's XML.</param>
/// <param name="MaxRows">Most non-empty rows read over all sheets.</param>
/// <param name="MaxCells">Most cells read over all sheets.</param>
/// <param name="MaxReadSeconds">Longest time reading the shared strings and sheets may take, checked per string and per row.</param>
public sealed record UploadLimits(long MaxBytes = 10 * 1024 * 1024, int MaxEntries = 1000, long MaxUncompressedBytes = 200L * 1024 * 1024, int MaxRatio = 200,
    int MaxSharedStrings = 100_000, long MaxSharedStringChars = 8_000_000, long MaxRows = 200_000, long MaxCells = 2_000_000, double MaxReadSeconds = 20)
{
    /// <summary>The limits used when none are given.</summary>
    public static readonly UploadLimits Default = new();
}

/// <summary>A read limit reached while reading: the file is refused with these messages.</summary>
public sealed class UploadLimitException(string messageVi, string messageEn, UploadProblem problem = UploadProblem.TooBigToRead) : Exception(messageEn)
{
    /// <summary>The message in Vietnamese.</summary>
    public string MessageVi { get; } = messageVi;

    /// <summary>Why the file is refused: too big to read, or a bomb or a DTD found while streaming a part.</summary>
    public UploadProblem Problem { get; } = problem;

    /// <summary>The parts read expand to more than the upload may (a zip bomb, perhaps behind a lying size header).</summary>
    public static UploadLimitException Bomb() => new("Tệp giải nén ra quá lớn so với kích thước (nghi là tệp nén độc hại).",
        "The file expands to far more than its size (a suspected zip bomb).", UploadProblem.ZipBomb);

    /// <summary>A part declares a DTD or entities.</summary>
    public static UploadLimitException Dtd(string part) => new($"Tệp chứa khai báo DTD trong '{part}', không được chấp nhận.",
        $"The file declares a DTD in '{part}', which is not accepted.", UploadProblem.Dtd);

    /// <summary>Too many shared strings.</summary>
    public static UploadLimitException SharedStrings(int max) => new($"Tệp có hơn {max:N0} chuỗi dùng chung; quá lớn để đọc.", $"The file has more than {max:N0} shared strings; too large to read.");

    /// <summary>A shared-strings part too long.</summary>
    public static UploadLimitException SharedStringChars(long max) => new($"Phần chuỗi dùng chung dài hơn {max:N0} ký tự; quá lớn để đọc.", $"The shared strings are longer than {max:N0} characters; too large to read.");

    /// <summary>Too many rows.</summary>
    public static UploadLimitException Rows(long max) => new($"Tệp có hơn {max:N0} dòng; quá lớn để đọc.", $"The file has more than {max:N0} rows; too large to read.");

    /// <summary>Too many cells.</summary>
    public static UploadLimitException Cells(long max) => new($"Tệp có hơn {max:N0} ô; quá lớn để đọc.", $"The file has more than {max:N0} cells; too large to read.");

    /// <summary>Reading took longer than allowed.</summary>
    public static UploadLimitException Time(double seconds) => new($"Đọc tệp mất hơn {seconds:N0} giây; tệp quá lớn hoặc quá phức tạp để đọc.",
        $"Reading the file took more than {seconds:N0} seconds; it is too large or too complex to read.");
}

/// <summary>The time a read may still take, from when it started (<see cref="UploadLimits.MaxReadSeconds"/>).</summary>
public sealed class ReadDeadline(UploadLimits limits)
{
    private readonly long _end = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(limits.MaxReadSeconds * System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Throws <see cref="UploadLimitException"/> once the time is up.</summary>
    public void Check()
    {
        if (System.Diagnostics.Stopwatch.GetTimestamp() > _end) throw UploadLimitException.Time(limits.MaxReadSeconds);
    }
}
