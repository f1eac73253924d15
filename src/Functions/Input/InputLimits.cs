using System.Globalization;

namespace HealthFuncs.Functions.Input;

/// The stated bounds of everything a client sends, checked before anything reaches storage (a table
/// property holds at most 32 K characters; a number the catalog cannot hold breaks every sum built on it).
public static class InputLimits
{
    /// Reported figures, numerators and denominators: at most 10^12 in size (a province's yearly count of
    /// anything is far below), with at most <see cref="MaxDecimals"/> decimal places.
    public const decimal MaxMagnitude = 1_000_000_000_000m;
    public const int MaxDecimals = 6;

    public const int MaxCodeLength = 50;
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 1000;
    public const int MaxNameLength = 200;
    public const int MaxTargetTextLength = 500;

    /// The refusal of a figure outside the range, or null when it is within.
    public static (string Vi, string En)? CheckNumber(decimal value) =>
        Math.Abs(value) > MaxMagnitude
            ? ($"Số {value.ToString(CultureInfo.InvariantCulture)} vượt giới hạn ±10^12.", $"The number {value.ToString(CultureInfo.InvariantCulture)} is outside ±10^12.")
            : value.Scale > MaxDecimals && decimal.Round(value, MaxDecimals) != value
                ? ($"Số có quá {MaxDecimals} chữ số thập phân.", $"The number has more than {MaxDecimals} decimal places.")
                : null;

    /// The refusal of a text longer than <paramref name="max"/>, naming what it is.
    public static (string Vi, string En)? CheckLength(string? text, int max, string whatVi, string whatEn) =>
        text is { Length: var n } && n > max ? ($"{whatVi} dài {n} ký tự; tối đa {max}.", $"The {whatEn} is {n} characters long; at most {max}.") : null;
}
