using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Core.Workbooks;

/// <summary>The names a Decree 30 heading needs: the governing body over the issuing agency, and the place of signing.</summary>
/// <param name="Governing">"UBND tỉnh Tuyên Quang"; empty when nothing governs the unit.</param>
/// <param name="Issuing">"Sở Y tế", "UBND huyện Sơn Dương".</param>
/// <param name="Place">"Tuyên Quang", written before the date.</param>
public sealed record DocumentBodies(string Governing, string Issuing, string Place)
{
    private static readonly string[] Agencies = ["Sở Y tế", "Trung tâm Y tế", "Phòng Y tế", "Trạm Y tế", "Bệnh viện đa khoa", "Bệnh viện"];
    private static readonly string[] Places = ["Tỉnh", "Thành phố", "Huyện", "Thị xã", "Quận", "Xã", "Phường", "Thị trấn"];

    /// <summary>
    /// The names read from the unit's and its parent's names, until units carry their own: "Sở Y tế tỉnh Tuyên Quang"
    /// is the Sở Y tế under UBND tỉnh Tuyên Quang; a place ("Huyện Sơn Dương") issues as its People's Committee
    /// ("UBND huyện Sơn Dương") under its parent's.
    /// </summary>
    public static DocumentBodies Of(OrgUnit unit, OrgUnit? parent)
    {
        var (agency, place) = Split(unit.Name);
        if (agency is not null && place is not null) return new($"UBND {place}", agency, PlaceName(place));
        var governing = parent is null ? "" : Split(parent.Name) is (null, { } parentPlace) ? $"UBND {parentPlace}" : parent.Name;
        return place is not null ? new(governing, $"UBND {place}", PlaceName(place)) : new(governing, unit.Name, unit.Name);
    }

    // "Sở Y tế tỉnh Tuyên Quang" → ("Sở Y tế", "tỉnh Tuyên Quang"); "Huyện Sơn Dương" → (null, "huyện Sơn Dương").
    private static (string? Agency, string? Place) Split(string name)
    {
        foreach (var agency in Agencies)
            if (name.StartsWith(agency + " ", StringComparison.OrdinalIgnoreCase))
            {
                var rest = name[(agency.Length + 1)..];
                return Places.Any(p => rest.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase)) ? (name[..agency.Length], Lower(rest)) : (null, null);
            }
        return Places.Any(p => name.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase)) ? (null, Lower(name)) : (null, null);
    }

    private static string Lower(string place) => char.ToLower(place[0], AnnexFrame.Vietnamese) + place[1..];

    // "huyện Sơn Dương" → "Sơn Dương".
    private static string PlaceName(string place) =>
        Places.FirstOrDefault(p => place.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase)) is { } kind ? place[(kind.Length + 1)..] : place;
}
