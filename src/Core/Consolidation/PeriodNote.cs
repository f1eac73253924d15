using System.Globalization;
using HealthFuncs.Core.Periods;

namespace HealthFuncs.Core.Consolidation;

/// <summary>
/// The note a derived figure carries into the annexes' Ghi chú: "Cộng dồn 3 tháng: T01–T03" for a flow,
/// "Số liệu thời điểm gần nhất: T09" for a stock, then the months still missing.
/// </summary>
public static class PeriodNote
{
    /// <summary>The note for a figure formed from <paramref name="from"/> with <paramref name="missing"/> months absent.</summary>
    public static string Of(bool flow, IReadOnlyList<Period> from, IReadOnlyList<Period> missing)
    {
        var months = from.Sum(p => p.LastMonth - p.FirstMonth + 1);
        var text = flow ? $"Cộng dồn {months} tháng: {Pieces(from)}" : $"Số liệu thời điểm gần nhất: {Pieces(from)}";
        return missing.Count == 0 ? text : $"{text}; chưa có số liệu tháng {string.Join(", ", missing.Select(m => $"{m.Index}/{m.Year}"))}.";
    }

    /// <summary>Pieces as the note names them: runs of months as "T01–T03", other periods by their short name.</summary>
    public static string Pieces(IReadOnlyList<Period> pieces)
    {
        var parts = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Kind != PeriodKind.Month) { parts.Add(Short(pieces[i])); continue; }
            var first = i;
            while (i + 1 < pieces.Count && pieces[i + 1].Kind == PeriodKind.Month && pieces[i + 1].Index == pieces[i].Index + 1) i++;
            parts.Add(i == first ? Month(pieces[i]) : $"{Month(pieces[first])}–{Month(pieces[i])}");
        }
        return string.Join(", ", parts);
    }

    static string Month(Period month) => "T" + month.Index.ToString("00", CultureInfo.InvariantCulture);

    static string Short(Period period) => period.Kind switch
    {
        PeriodKind.Quarter => $"Quý {new[] { "I", "II", "III", "IV" }[period.Index - 1]}",
        PeriodKind.FirstHalf => "6 tháng",
        PeriodKind.NineMonths => "9 tháng",
        _ => PeriodLabel.Format(period),
    };
}
