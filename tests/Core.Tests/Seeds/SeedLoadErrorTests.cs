using System.Text.Json.Nodes;
using HealthFuncs.Core.Seeds;

namespace HealthFuncs.Core.Tests.Seeds;

public class SeedLoadErrorTests
{
    private static readonly Dictionary<string, (string File, Action<JsonNode> Break)> Breakages = new()
    {
        ["unknown indicator in a target"] = ("targets/son-duong-2021.json", n => n["targets"]![0]!["indicatorCode"] = "KCB.KHONG_CO"),
        ["unknown parent unit"] = ("units.json", n => n["units"]![3]!["parents"]![0]!["parentCode"] = "XX"),
        ["duplicate indicator code"] = ("indicators.json", n => n["indicators"]![1]!["code"] = n["indicators"]![0]!["code"]!.GetValue<string>()),
        ["breakdown parent missing"] = ("indicators.json", n => n["indicators"]!.AsArray().RemoveAt(1)),
        ["unknown enum value"] = ("indicators.json", n => n["indicators"]![0]!["kind"] = "Percent"),
        ["misspelt field"] = ("units.json", n => n["units"]![0]!["parrents"] = new JsonArray()),
        ["parts above their total"] = ("targets/son-duong-2021.json", n => n["targets"]![3]!["text"] = "300"),
        ["rate without its base"] = ("indicators.json", n => n["indicators"]!.AsArray().Single(i => (string?)i!["code"] == "KCB.GIUONG_VAN_DAN")!.AsObject().Remove("ratePer")),
        ["target year outside its plan period"] = ("targets/son-duong-2018-2025.json", n => n["targets"]![0]!["year"] = 2030),
        ["milestone outside the plan period"] = ("targets/yen-lac-2017-2030.json", n => n["milestones"]![0] = 2040),
        ["district user on a province"] = ("users.json", n => n["users"]![2]!["unitCode"] = "TQ"),
    };

    [Theory]
    [InlineData("unknown indicator in a target", "targets/son-duong-2021.json: targets[0] (KCB.KHONG_CO 2021): unknown indicator code 'KCB.KHONG_CO'")]
    [InlineData("unknown parent unit", "units.json: units[3] (SD): unknown parent 'XX'")]
    [InlineData("duplicate indicator code", "indicators.json: indicators[1] (KCB.CO_SO): duplicate indicator code 'KCB.CO_SO'")]
    [InlineData("breakdown parent missing", "breakdown parent 'KCB.GIUONG_BENH' is not in the catalog")]
    [InlineData("unknown enum value", "indicators.json: The JSON value could not be converted")]
    [InlineData("misspelt field", "units.json: The JSON property 'parrents'")]
    [InlineData("parts above their total", "targets/son-duong-2021.json: the parts of KCB.GIUONG_BENH for SD 2021 add up to 440, more than the total 420")]
    [InlineData("rate without its base", "(KCB.GIUONG_VAN_DAN): a Rate needs a positive ratePer")]
    [InlineData("target year outside its plan period", "targets/son-duong-2018-2025.json: targets[0] (YTCS.TYT_DU_DK_KCB_BHYT 2030): the year lies outside the plan period 2018-2025")]
    [InlineData("milestone outside the plan period", "targets/yen-lac-2017-2030.json: milestone 2040 lies outside the plan period 2017-2030.")]
    [InlineData("district user on a province", "users.json: users[2] (sd-pyt): a District user must belong to a District unit; TQ is a Province")]
    public void A_broken_copy_fails_with_an_error_naming_the_file_and_entry(string breakage, string expected)
    {
        using var copy = new SeedCopy();
        var (file, change) = Breakages[breakage];
        copy.Edit(file, change);

        var error = Assert.Throws<SeedException>(() => SeedCatalog.Load(copy.Path));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void One_load_reports_every_problem_it_finds()
    {
        using var copy = new SeedCopy();
        copy.Edit("targets/tam-duong-2023.json", n => n["targets"]![1]!["indicatorCode"] = "BHYT.KHONG_CO");
        copy.Edit("users.json", n => n["users"]![3]!["devKey"] = "short");

        var error = Assert.Throws<SeedException>(() => SeedCatalog.Load(copy.Path));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("targets/tam-duong-2023.json: targets[1] (BHYT.KHONG_CO 2023): unknown indicator code 'BHYT.KHONG_CO'.", error.Errors);
        Assert.Contains("users.json: users[3] (td-pyt): the dev key is shorter than 32 characters.", error.Errors);
        Assert.All(error.Errors, e => Assert.Contains(e, error.Message));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var copy = new SeedCopy();
        File.Delete(Path.Combine(copy.Path, "users.json"));

        var error = Assert.Throws<SeedException>(() => SeedCatalog.Load(copy.Path));

        Assert.Equal(["users.json: the file is missing."], error.Errors);
    }

    [Fact]
    public void A_values_file_is_read_into_observations_with_its_source()
    {
        using var copy = new SeedCopy();
        Directory.CreateDirectory(Path.Combine(copy.Path, "values"));
        File.WriteAllText(Path.Combine(copy.Path, "values", "test.json"), """
            {"observations":[{"unitCode":"SD","indicatorCode":"YTCS.TY_LE_XA_DAT_TCQG","period":"2020","value":80.6,"numerator":25,"denominator":31,"source":"a sentence"}]}
            """);

        var observation = Assert.Single(SeedCatalog.Load(copy.Path).Observations);

        Assert.Equal(("SD", "2020", 25m, 31m, "a sentence"), (observation.UnitCode, observation.Period.Code, observation.Numerator, observation.Denominator, observation.Note));
    }

    [Fact]
    public void An_unknown_unit_in_a_values_file_is_named()
    {
        using var copy = new SeedCopy();
        Directory.CreateDirectory(Path.Combine(copy.Path, "values"));
        File.WriteAllText(Path.Combine(copy.Path, "values", "test.json"), """
            {"observations":[{"unitCode":"ZZ","indicatorCode":"KCB.LUOT_KHAM","period":"2021","value":1,"source":"s"}]}
            """);

        var error = Assert.Throws<SeedException>(() => SeedCatalog.Load(copy.Path));

        Assert.Contains("values/test.json: observations[0] (ZZ KCB.LUOT_KHAM 2021): unknown unit 'ZZ'.", error.Errors);
    }
}
