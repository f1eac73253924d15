using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

[Collection(AzuriteCollection.Name)]
public sealed class UsersWorkbookTests(AzuriteFixture azurite) : TwoProvinces(azurite)
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<RosterRow> rows, bool dryRun)
    {
        var stream = new MemoryStream();
        UserRoster.Write(stream, "Tỉnh P", rows);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "nguoi-dung-P.xlsx" } };
        return await client.PostAsync("/api/users.xlsx" + (dryRun ? "?dryRun=true" : ""), form);
    }

    private static string[] Ids(JsonElement summary, string list) =>
        [.. summary.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    private async Task<RosterRow[]> DownloadAsync(HttpClient client, string unit)
    {
        var response = await client.GetAsync($"/api/users.xlsx?unit={unit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(stream, false))
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document));
        stream.Position = 0;
        return [.. UserRoster.Read(stream).Lines.Select(l => l.User)];
    }

    [Fact]
    public async Task An_admin_downloads_a_provinces_users_previews_the_edited_file_then_applies_it_audited()
    {
        var rows = await DownloadAsync(Admin, "P");
        Assert.Equal(["d1-staff", "d2-staff", "p-staff"], rows.Select(r => r.Id).ToArray());
        RosterRow[] edited =
        [
            rows[0] with { UnitCode = "D2" },
            rows[1] with { Disabled = true },
            rows[2],
            new("d1-new", "Cán bộ mới D1", "District", "D1", false),
        ];

        var preview = await UploadAsync(Admin, edited, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var summary = await preview.ReadJsonAsync();
        Assert.Equal(["d1-new"], Ids(summary, "added"));
        Assert.Equal(["d1-staff"], Ids(summary, "changed"));
        Assert.Equal(["d2-staff"], Ids(summary, "disabled"));
        Assert.Equal(1, summary.GetProperty("unchanged").GetInt32());
        Assert.False(summary.GetProperty("applied").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientWithKey(UserKeys.D2).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/users/d1-new")).StatusCode);

        var applied = await UploadAsync(Admin, edited, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.True((await applied.ReadJsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("UserDisabled", (await (await Factory.ClientWithKey(UserKeys.D2).GetAsync("/api/me")).ReadJsonAsync()).GetProperty("reason").GetString());
        Assert.Equal("D2", (await (await D1.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("unitCode").GetString());
        Assert.Equal("Cán bộ mới D1", (await UserAsync(Admin, "d1-new")).GetProperty("name").GetString());
        var log = (await (await Admin.GetAsync("/api/audit/users")).ReadJsonAsync()).EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("subject").GetString())).Order().ToArray();
        Assert.Equal([("UserChanged", "d1-staff"), ("UserCreated", "d1-new"), ("UserDisabled", "d2-staff")], log);
        Assert.Contains((await (await Admin.GetAsync("/api/audit?unit=D1")).ReadJsonAsync()).EnumerateArray(),
            e => e.GetProperty("action").GetString() == "UserChanged" && e.GetProperty("new").GetString() == "d1-staff · District · D2");
        Assert.Equal(edited.OrderBy(r => r.UnitCode).ThenBy(r => r.Id), await DownloadAsync(Admin, "P"));
    }

    [Fact]
    public async Task A_roster_with_any_bad_row_is_refused_whole_with_each_rows_reason()
    {
        RosterRow[] rows =
        [
            new("d1-staff", "Đổi tên hợp lệ", "District", "D1", false),
            new("d2-staff", "d2-staff", "Boss", "D2", false),
            new("x-staff", "Đơn vị lạ", "District", "ZZ", false),
            new("d3-staff", "d3-staff", "District", "D3", true),
            new("d1-staff", "Lặp lại", "District", "D1", false),
        ];

        var response = await UploadAsync(PStaff, rows, dryRun: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = (await response.ReadJsonAsync()).GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString()!)).ToArray();
        Assert.Equal([(5, "role"), (6, "unitCode"), (7, "unitCode"), (8, "id")], rejected);
        Assert.Equal("d1-staff", (await UserAsync(Admin, "d1-staff")).GetProperty("name").GetString());
        Assert.False((await UserAsync(Admin, "d3-staff")).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Province_staff_get_only_their_own_provinces_roster_and_district_staff_none()
    {
        Assert.Equal(["d1-staff", "d2-staff", "p-staff"], (await DownloadAsync(PStaff, "P")).Select(r => r.Id).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await PStaff.GetAsync("/api/users.xlsx?unit=Q")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await D1.GetAsync("/api/users.xlsx?unit=D1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(D1, [], dryRun: true)).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_roster_is_a_problem_naming_the_file()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("id,name\n"u8.ToArray()), "file", "users.csv" } };
        var response = await Admin.PostAsync("/api/users.xlsx", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }
}
