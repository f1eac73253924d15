using HealthFuncs.Core.Indicators;
using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Tests.Infrastructure;

/// A small tree and catalog for tests of the submission mechanics: province P with districts D1 and D2,
/// commune C1 under D1; beds with a hospital-beds breakdown, a coverage percentage, and many plain counts.
public static class TestCatalog
{
    public static readonly OrgUnit[] Units =
    [
        new("P", "Tỉnh P", UnitLevel.Province, [new ParentLink(2000, null)]),
        new("D1", "Huyện D1", UnitLevel.District, [new ParentLink(2000, "P")]),
        new("D2", "Huyện D2", UnitLevel.District, [new ParentLink(2000, "P")]),
        new("C1", "Xã C1", UnitLevel.Commune, [new ParentLink(2000, "D1")]),
    ];

    public static readonly Indicator[] Indicators =
    [
        new("BEDS", "Tổng số giường bệnh", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 1),
        new("BEDS.HOSP", "Giường bệnh viện", "giường", IndicatorKind.Count, Direction.HigherIsBetter, TimeBehaviour.Stock, "I", "Khám chữa bệnh", 2, "BEDS"),
        new("COVER", "Tỷ lệ bao phủ BHYT", "%", IndicatorKind.Percentage, Direction.HigherIsBetter, TimeBehaviour.Stock, "II", "Bảo hiểm y tế", 1),
        .. Enumerable.Range(1, 300).Select(n => new Indicator($"X{n:000}", $"Chỉ tiêu thử {n}", "lượt", IndicatorKind.Count,
            Direction.HigherIsBetter, TimeBehaviour.Flow, "III", "Khác", n)),
    ];

    /// Loads the catalog and one user per role; returns the API keys by user id.
    public static async Task<Keys> SeedAsync(HealthFuncsFactory factory)
    {
        factory.StartServer();
        await factory.Get<UnitStore>().UpsertAsync(Units);
        await factory.Get<IndicatorStore>().UpsertAsync(Indicators);
        return new Keys(
            await factory.AddUserAsync("admin", UserRole.Admin, null),
            await factory.AddUserAsync("p-staff", UserRole.Province, "P"),
            await factory.AddUserAsync("d1-staff", UserRole.District, "D1"),
            await factory.AddUserAsync("d2-staff", UserRole.District, "D2"));
    }

    public sealed record Keys(string Admin, string Province, string D1, string D2);
}
