using System.Globalization;

namespace HealthFuncs.Core.Attainments;

/// <summary>
/// Numbers as users read them in messages: Vietnamese separators ("62.424", "83,9") for Vietnamese
/// text, invariant ("62,424", "83.9") for English. Decimals are shown as far as the number has them.
/// </summary>
internal static class Figures
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Vi(decimal value) => Normalize(value).ToString("#,##0.############", Vietnamese);

    public static string En(decimal value) => Normalize(value).ToString("#,##0.############", CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros, so 84,0 and 84 are the same number with the same decimals.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>The number of significant decimals a number is written with (83,9 → 1; 84,0 → 0).</summary>
    public static int Decimals(decimal value) => Normalize(value).Scale;
}
