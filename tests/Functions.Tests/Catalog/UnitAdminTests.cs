using System.Net;
using HealthFuncs.Functions.Catalog;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;
using HealthFuncs.Functions.Units;

namespace HealthFuncs.Functions.Tests.Catalog;

[Collection(AzuriteCollection.Name)]
public sealed class UnitAdminTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private HttpClient Admin => Factory.ClientWithKey(UserKeys.Admin);

    private static object District(string code, string parent, string? governingBody = null) => new
    {
        code, name = $"Huyện {code}", level = "District", parents = new[] { new { fromYear = 2000, parentCode = parent } },
        governingBody, issuingAgency = "PHÒNG Y TẾ",
    };

    [Fact]
    public async Task An_admin_adds_a_unit_with_its_annex_header_names_seen_in_the_tree_at_once_and_audited()
    {
        var created = await Admin.SendJsonAsync(HttpMethod.Post, "/api/units", District("D3", "P", "UBND HUYỆN D3"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var units = await (await D1.GetAsync("/api/units?year=2021")).ReadAsync<List<UnitItem>>();
        Assert.Equal("P", units.Single(u => u.Code == "D3").ParentCode);
        var record = await (await D1.GetAsync("/api/units/D3")).ReadAsync<UnitRecord>();
        Assert.Equal(("UBND HUYỆN D3", "PHÒNG Y TẾ"), (record.GoverningBody, record.IssuingAgency));
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync("D3", 5)).Single();
        Assert.Equal((AuditAction.UnitAdded, null), (audit.Action, audit.Old));
        Assert.Contains("UBND HUYỆN D3", audit.New);

        // The names stored are the ones the unit's annexes are headed with (Decree 30: governing body over issuing agency).
        var annex = await (await Admin.GetAsync("/api/units/D3/periods/2021/result.xlsx")).Content.ReadAsByteArrayAsync();
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(annex), false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>())
            .Select(t => t.InnerText).Concat(document.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>()
                .Select(i => i.InnerText) ?? []).ToList();
        Assert.Contains(texts, t => t.Equals("UBND HUYỆN D3", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(texts, t => t.Contains("PHÒNG Y TẾ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_parent_an_existing_code_and_a_non_admin_are_refused_with_the_reason()
    {
        var unknown = await Admin.SendJsonAsync(HttpMethod.Post, "/api/units", District("D3", "KHONGCO"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var body = await unknown.ReadJsonAsync();
        Assert.Equal("There is no parent unit with code 'KHONGCO'.", body.GetProperty("en").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("parents[0].parentCode", out _));

        Assert.Equal(HttpStatusCode.Conflict, (await Admin.SendJsonAsync(HttpMethod.Post, "/api/units", District("D1", "P"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.SendJsonAsync(HttpMethod.Post, "/api/units", District("D3", "P"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await D1.GetAsync("/api/units/D3")).StatusCode);
    }

    [Fact]
    public async Task A_parent_history_that_would_put_a_unit_under_itself_is_refused_naming_the_year()
    {
        // From 2026 P would sit under C1, which sits under D1, under P.
        var cycle = new { name = "Tỉnh P", level = "Province", parents = new object[] { new { fromYear = 2000, parentCode = (string?)null }, new { fromYear = 2026, parentCode = "C1" } } };
        var refused = await Admin.SendJsonAsync(HttpMethod.Put, "/api/units/P", cycle, await Admin.EtagAsync("/api/units/P"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("From 2026 'P' would sit under itself", (await refused.ReadJsonAsync()).GetProperty("en").GetString());
    }

    [Fact]
    public async Task A_commune_moves_under_the_province_from_2026_and_a_stale_or_missing_version_is_refused()
    {
        var move = new
        {
            name = "Xã C1", level = "Commune", governingBody = "UBND XÃ C1", issuingAgency = "TRẠM Y TẾ",
            parents = new object[] { new { fromYear = 2000, parentCode = "D1" }, new { fromYear = 2026, parentCode = "P" } },
        };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Admin.SendJsonAsync(HttpMethod.Put, "/api/units/C1", move)).StatusCode);
        var etag = await Admin.EtagAsync("/api/units/C1");
        Assert.Equal(HttpStatusCode.OK, (await Admin.SendJsonAsync(HttpMethod.Put, "/api/units/C1", move, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.SendJsonAsync(HttpMethod.Put, "/api/units/C1", move, etag)).StatusCode);

        var in2025 = await (await D1.GetAsync("/api/units?year=2025")).ReadAsync<List<UnitItem>>();
        var in2026 = await (await D1.GetAsync("/api/units?year=2026")).ReadAsync<List<UnitItem>>();
        Assert.Equal(("D1", "P"), (in2025.Single(u => u.Code == "C1").ParentCode, in2026.Single(u => u.Code == "C1").ParentCode));
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync("C1", 5)).Single(a => a.Action == AuditAction.UnitChanged);
        Assert.DoesNotContain("2026", audit.Old);
        Assert.Contains("{\"FromYear\":2026,\"ParentCode\":\"P\"}", audit.New);
    }

    [Fact]
    public async Task A_population_is_set_with_if_match_audited_and_bad_values_are_refused()
    {
        var url = "/api/units/D1/populations/2021";
        Assert.Equal(Preconditions.Missing, await Admin.EtagAsync(url));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Admin.SendJsonAsync(HttpMethod.Put, url, new { people = 120_000 })).StatusCode);
        var first = await Admin.SendJsonAsync(HttpMethod.Put, url, new { people = 120_000 }, Preconditions.Missing);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.SendJsonAsync(HttpMethod.Put, url, new { people = 121_000 }, Preconditions.Missing)).StatusCode);
        var second = await Admin.SendJsonAsync(HttpMethod.Put, url, new { people = 121_000 }, first.Headers.GetValues("ETag").Single());
        Assert.Equal(121_000, (await second.ReadAsync<PopulationItem>()).People);
        Assert.Equal(121_000, (await Factory.Get<PopulationStore>().GetYearAsync(2021))["D1"]);

        var negative = await Admin.SendJsonAsync(HttpMethod.Put, url, new { people = -5 }, await Admin.EtagAsync(url));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.True((await negative.ReadJsonAsync()).GetProperty("errors").TryGetProperty("people", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.SendJsonAsync(HttpMethod.Put, url, new { people = 1 }, await Admin.EtagAsync(url))).StatusCode);
        var audit = (await Factory.Get<AuditStore>().GetLatestAsync("D1", 10)).Where(a => a.Action == AuditAction.PopulationSet).ToList();
        Assert.Equal([("120000", "121000"), (null, "120000")], audit.Select(a => (a.Old, a.New)));
    }
}
