using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Seeds;

namespace HealthFuncs.Core.Tests.Seeds;

public class SeedUnitsAndUsersTests
{
    private static readonly OrgTree Tree = new(SeedFolder.Catalog.Units);

    [Theory]
    [InlineData("SD-TTSONDUONG", 2021, "SD")]
    [InlineData("SD-TTSONDUONG", 2026, "TQ")]
    [InlineData("SD-TTYT", 2021, "SD")]
    [InlineData("SD-TTYT", 2026, "TQ")]
    [InlineData("TD-TTYT", 2023, "TD")]
    [InlineData("YL-TTYT", 2017, "YL")]
    [InlineData("SD", 2021, "TQ")]
    [InlineData("TD", 2023, "LC")]
    [InlineData("YL", 2017, "VP")]
    public void A_unit_sits_under_the_parent_it_had_that_year(string unit, int year, string parent)
    {
        Assert.Equal(parent, Tree.Find(unit)!.ParentIn(year));
    }

    [Fact]
    public void The_district_consolidates_its_units_in_2021_and_none_once_districts_are_abolished()
    {
        Assert.Equal(["SD-KIMXUYEN", "SD-TTSONDUONG", "SD-TTYT"], Tree.ChildrenOf("SD", 2021).Select(u => u.Code));
        Assert.Empty(Tree.ChildrenOf("SD", 2026));
        Assert.True(Tree.IsWithin("SD-TTSONDUONG", "TQ", 2026));
    }

    [Fact]
    public void No_population_is_seeded_because_no_document_states_one()
    {
        Assert.Empty(SeedFolder.Catalog.Populations);
    }

    [Fact]
    public void Each_role_has_a_development_user_with_a_long_distinct_key()
    {
        var users = SeedFolder.Catalog.Users;
        Assert.Contains(users, u => u.Role == UserRole.Admin && u.UnitCode is null);
        Assert.Contains(users, u => u.Role == UserRole.Province && u.UnitCode == "TQ");
        Assert.Contains(users, u => u.Role == UserRole.District && u.UnitCode == "SD");
        Assert.Contains(users, u => u.Role == UserRole.District && u.UnitCode == "TD");
        Assert.All(users, u => Assert.True(u.DevKey.Length >= 32));
        Assert.Equal(users.Count, users.Select(u => u.DevKey).Distinct().Count());
    }
}
