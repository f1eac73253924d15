using System.Text.Json.Nodes;

namespace HealthFuncs.Core.Tests.Seeds;

public class SeedSourceTests
{
    // The two birth-rate reductions are condensed from "tỷ lệ giảm sinh bình quân 0,2‰" and
    // "mức giảm tỷ lệ sinh 0,5‰ /năm" (seeds/README.md); every other text is copied from its source.
    private static readonly HashSet<(string, string)> Condensed = [("DS.TY_LE_SINH", "giảm 0,2‰"), ("DS.TY_LE_SINH", "giảm 0,5‰/năm")];

    public static TheoryData<string> PlanFiles() =>
        new(Directory.GetFiles(Path.Combine(SeedFolder.Path, "targets"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(PlanFiles))]
    public void Every_target_text_is_copied_from_its_source_sentence(string planFile)
    {
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(SeedFolder.Path, "targets", planFile)))!;
        Assert.All(plan["targets"]!.AsArray(), t =>
        {
            var (code, text, source) = ((string)t!["indicatorCode"]!, (string)t["text"]!, (string)t["source"]!);
            if (Condensed.Contains((code, text))) return;
            Assert.Contains(text, source, StringComparison.Ordinal);
        });
    }
}
