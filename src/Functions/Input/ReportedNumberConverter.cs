using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthFuncs.Functions.Input;

/// A number the JSON reader could not take as sent: a message to show as it is.
public sealed class InputNumberException(string messageVi, string messageEn) : JsonException(messageEn)
{
    public string MessageVi { get; } = messageVi;
}

/// Reads a reported figure from its JSON text, refusing what would be stored as something else: a string
/// where a number belongs, a number beyond the decimal type (7.9·10^28 and up), or one so small it would be
/// stored as 0 (1·10^-30). Range and decimals are checked with the rest of the row (InputLimits).
public sealed class ReportedNumberConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.Number)
            throw new InputNumberException("Phải là một số (viết dạng 83.9, không trong ngoặc kép).", "Must be a number (written like 83.9, without quotes).");
        var text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approx) || !double.IsFinite(approx))
            throw new InputNumberException($"Số {text} vượt giới hạn ±10^12.", $"The number {text} is outside ±10^12.");
        // decimal rounds what it cannot hold: a non-zero figure that becomes 0 (or loses its digits) is refused.
        if (approx != 0 && (value == 0 || Math.Abs((double)value - approx) > Math.Abs(approx) * 1e-12))
            throw new InputNumberException($"Số {text} quá nhỏ để lưu chính xác (tối đa {InputLimits.MaxDecimals} chữ số thập phân).",
                $"The number {text} is too small to be stored exactly (at most {InputLimits.MaxDecimals} decimal places).");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}
