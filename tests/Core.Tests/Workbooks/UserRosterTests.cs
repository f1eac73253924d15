using System.Text;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

public sealed class UserRosterTests
{
    private static readonly RosterRow[] Users =
    [
        new("tq-syt", "Sở Y tế Tuyên Quang", "Province", "TQ", false),
        new("sd-pyt", "Phòng Y tế huyện Sơn Dương", "District", "SD", true),
        new("=HYPERLINK(\"x\")", "Tên bắt đầu bằng dấu bằng", "District", "SD", false),
    ];

    private static MemoryStream Written(IEnumerable<RosterRow> users)
    {
        var stream = new MemoryStream();
        UserRoster.Write(stream, "Tuyên Quang", users);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void The_roster_passes_the_schema_and_reads_back_as_written()
    {
        var stream = Written(Users);
        using (var opened = new Opened(stream))
        {
            Assert.Equal([UserRoster.SheetName], opened.SheetNames);
            Assert.Equal("Mã người dùng", opened.Text(UserRoster.SheetName, "A3"));
            Assert.Equal("x", opened.Text(UserRoster.SheetName, "E5"));
        }
        stream.Position = 0;

        var read = UserRoster.Read(stream);

        Assert.Null(read.Refusal);
        Assert.Empty(read.Rejected);
        Assert.Equal(Users, read.Lines.Select(l => l.User));
        Assert.Equal([4, 5, 6], read.Lines.Select(l => l.Row));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_quoted_text_not_a_formula()
    {
        using var opened = new Opened(Written(Users));
        var cell = opened.Cell(UserRoster.SheetName, "A6")!;
        Assert.Null(cell.CellFormula);
        Assert.True(opened.Format(UserRoster.SheetName, "A6").QuotePrefix?.Value);
    }

    [Fact]
    public void A_hand_made_table_is_found_by_its_titles_with_columns_moved_and_bad_rows_named()
    {
        var sheet = new AnnexSheet("Sheet1");
        string[] header = ["Vai trò", "Mã đơn vị", "Mã người dùng", "Họ tên", "Vô hiệu hóa"];
        for (var c = 0; c < header.Length; c++) sheet.Text((uint)c + 1, 5, header[c], Look.Head);
        string?[][] rows =
        [
            ["District", "SD", "sd-pyt", "Sơn Dương", "có"],
            ["District", "TD", null, "Không có mã", null],
            ["District", "TD", "td-pyt", "Tam Đường", "có lẽ"],
            [null, null, null, null, null],
            ["Province", "TQ", "tq-syt", "Tuyên Quang", null],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < header.Length; c++) sheet.Text((uint)c + 1, (uint)r + 6, rows[r][c], Look.Text);
        var stream = new MemoryStream();
        AnnexBook.Write(stream, [sheet]);
        stream.Position = 0;

        var read = UserRoster.Read(stream);

        Assert.Equal([new RosterRow("sd-pyt", "Sơn Dương", "District", "SD", true), new RosterRow("tq-syt", "Tuyên Quang", "Province", "TQ", false)],
            read.Lines.Select(l => l.User));
        Assert.Equal([(7, "id"), (8, "disabled")], read.Rejected.Select(r => (r.Row, r.Field)));
        Assert.Contains("dòng 8", read.Rejected[1].MessageVi);
        Assert.Contains("row 8", read.Rejected[1].MessageEn);
    }

    [Fact]
    public async Task A_workbook_without_the_roster_header_or_not_a_workbook_is_refused_whole()
    {
        var annex = new MemoryStream();
        await FlatExport.WriteAsync(annex, []);
        annex.Position = 0;

        Assert.Equal(UploadProblem.NotOurForm, UserRoster.Read(annex).Refusal?.Problem);
        Assert.Equal(UploadProblem.NotAWorkbook, UserRoster.Read(new MemoryStream(Encoding.UTF8.GetBytes("id,name\nx,y"))).Refusal?.Problem);
    }
}
