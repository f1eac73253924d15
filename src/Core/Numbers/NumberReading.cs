namespace HealthFuncs.Core.Numbers;

/// <summary>What a number must be for the indicator it belongs to: a whole count, or a fraction with an upper limit.</summary>
/// <param name="Whole">True for counts and levels: a count has no fraction, so "4,080" and "4.080" both group thousands.</param>
/// <param name="Maximum">The largest value the indicator can take (100 for a percentage that cannot exceed it), or null.</param>
public sealed record NumberSense(bool Whole, decimal? Maximum = null);

/// <summary>
/// A number read with its <see cref="NumberSense"/>: the value, or why it was refused. A number with one
/// separator followed by exactly three digits ("4,080", "1.234") has two readings, thousands and decimal;
/// <see cref="Readings"/> holds both when the sense cannot decide between them.
/// </summary>
public sealed record NumberReading(decimal? Value, IReadOnlyList<decimal> Readings)
{
    /// <summary>True when the text is a number with two possible values and nothing decides which.</summary>
    public bool IsAmbiguous => Value is null && Readings.Count == 2;

    /// <summary>The Vietnamese refusal naming both readings, for an ambiguous number.</summary>
    public string AmbiguityVi(string written) =>
        $"số \"{written}\" có hai cách đọc: {VietnameseNumber.Format(Readings[0], 0)} (dấu ngăn hàng nghìn) hoặc {Printed(Readings[1])} (dấu thập phân). "
        + $"Viết lại rõ ràng, ví dụ \"{VietnameseNumber.Format(Readings[0], 0)}\" hoặc \"{Printed(Readings[1])}\" với dấu phẩy thập phân.";

    /// <summary>The same in English.</summary>
    public string AmbiguityEn(string written) =>
        $"the number \"{written}\" reads two ways: {Readings[0]:0} (thousands separator) or {Readings[1]} (decimal separator). Write it unambiguously.";

    static string Printed(decimal value) => VietnameseNumber.Format(value, (value / 1.000000000000000000000000000000000m).Scale);
}
