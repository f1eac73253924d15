using System.Globalization;

namespace HealthFuncs.Functions.Storage;

/// Table Storage has no decimal type and a double would turn 83,9 into 83.900000000000006;
/// numbers are stored as invariant-culture decimal strings so they come back exactly as sent.
internal static class StoredNumber
{
    public static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static decimal? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
