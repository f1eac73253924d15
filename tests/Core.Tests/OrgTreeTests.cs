using HealthFuncs.Core.OrgUnits;

namespace HealthFuncs.Core.Tests;

public class OrgTreeTests
{
    // A commune that moves from a district to the province directly when districts are abolished (July 2025).
    private static readonly OrgTree Tree = new([
        new OrgUnit("TQ", "Tỉnh Tuyên Quang", UnitLevel.Province, [new ParentLink(2000, null)]),
        new OrgUnit("SD", "Huyện Sơn Dương", UnitLevel.District, [new ParentLink(2000, "TQ")]),
        new OrgUnit("SD-X1", "Xã Tân Trào", UnitLevel.Commune, [new ParentLink(2000, "SD"), new ParentLink(2026, "TQ")]),
    ]);

    [Fact]
    public void A_past_year_keeps_the_parent_the_unit_had_then()
    {
        Assert.Equal("SD", Tree.Find("SD-X1")!.ParentIn(2021));
        Assert.Contains(Tree.ChildrenOf("SD", 2021), u => u.Code == "SD-X1");
    }

    [Fact]
    public void From_the_year_of_the_move_the_unit_sits_under_its_new_parent()
    {
        Assert.DoesNotContain(Tree.ChildrenOf("SD", 2026), u => u.Code == "SD-X1");
        Assert.Contains(Tree.ChildrenOf("TQ", 2026), u => u.Code == "SD-X1");
        Assert.False(Tree.IsWithin("SD-X1", "SD", 2026));
        Assert.True(Tree.IsWithin("SD-X1", "TQ", 2026));
    }

    [Fact]
    public void Subtree_lists_parents_before_children() =>
        Assert.Equal(["TQ", "SD", "SD-X1"], Tree.SubtreeOf("TQ", 2021).Select(u => u.Code));
}
