using DocumentFormat.OpenXml.Spreadsheet;
using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;
using HealthFuncs.Core.Workflow;
using static HealthFuncs.Core.Tests.Workflow.WorkflowTestTree;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>The consolidated workbook tells one story about who reported, and stays navigable for a large province.</summary>
public class ConsolidatedConsistencyTests
{
    private static CompletenessReport Nobody(string at) =>
        Completeness.For(Tree, Rules, "TQ", Period.Quarter(2021, 1), new Dictionary<string, WorkflowState>(), At(at));

    [Fact]
    public void Before_any_district_reported_both_sheets_say_who_has_not_and_the_shares_are_percentages()
    {
        var report = Nobody("2021-04-20T00:00:00Z");
        var book = Samples.Consolidated() with { Period = Period.Quarter(2021, 1), Reporting = report };
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(book, s));
        Assert.Equal(CompletenessSheet.SheetName, opened.SheetNames[^1]);
        var missing = report.Rows.Select(r => r.UnitName).ToList();
        Assert.NotEmpty(missing);
        Assert.Equal(missing, missing.Select((_, i) => opened.Text(ProvinceWorkbookWriter.MissingSheet, $"C{4 + i}")));
        Assert.All(missing.Select((_, i) => opened.Text(ProvinceWorkbookWriter.MissingSheet, $"E{4 + i}")), s => Assert.Equal("Chưa nộp (quá hạn)", s));
        Assert.Equal("dd/mm/yyyy", opened.NumberFormat(ProvinceWorkbookWriter.MissingSheet, "D4"));
        Assert.Equal(0m, opened.Number(CompletenessSheet.SheetName, "D4"));
        Assert.Equal("0.00%", opened.NumberFormat(CompletenessSheet.SheetName, "D4"));
        Assert.Equal($"'{CompletenessSheet.SheetName}'!$9:$9", opened.Names[$"_xlnm.Print_Titles#{opened.SheetNames.Count - 1}"].Text);
    }

    [Fact]
    public void One_of_one_received_is_a_hundred_percent()
    {
        var q1 = Period.Quarter(2021, 1);
        var forms = Tree.ChildrenOf("TQ", 2021).ToDictionary(c => c.Code, c => WorkflowState.New(c.Code, q1) with
        { Status = WorkflowStatus.Submitted, Version = 1, FirstSubmittedAt = At("2021-04-02T02:00:00Z") });
        var book = Samples.Consolidated() with { Period = q1, Reporting = Completeness.For(Tree, Rules, "TQ", q1, forms, At("2021-04-20T00:00:00Z")) };
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(book, s));
        Assert.Equal(1m, opened.Number(CompletenessSheet.SheetName, "D4"));
        Assert.Equal("Tất cả đơn vị đã báo cáo.", opened.Text(ProvinceWorkbookWriter.MissingSheet, "A4"));
    }

    [Fact]
    public void The_legend_names_every_verdict_the_matrix_colours()
    {
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated(), s));
        var legend = opened.Sheet(ProvinceWorkbookWriter.MatrixSheet).Descendants<Cell>().Select(c => c.InlineString?.InnerText).ToList();
        Assert.Contains("Không đánh giá", legend);
    }

    [Fact]
    public void A_province_with_many_communes_keeps_the_matrix_first_and_its_children_in_one_filterable_table_linked_from_the_matrix()
    {
        var sample = Samples.Consolidated();
        var children = Enumerable.Range(1, ProvinceWorkbookWriter.MaxChildSheets + 1)
            .Select(i => sample.Districts[0] with { Unit = Samples.District($"X{i:000}", $"Xã số {i}") }).ToList();
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(sample with { Districts = children }, s));
        Assert.Equal(["Tổng hợp", "Ma trận", ChartSheets.SheetName, ChildrenTable.SheetName, "Chưa báo cáo", "Cảnh báo sớm"], opened.SheetNames);
        var table = opened.Sheet(ChildrenTable.SheetName);
        Assert.StartsWith("A3:L", table.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
        var links = opened.Sheet(ProvinceWorkbookWriter.MatrixSheet).Descendants<Hyperlink>().ToList();
        Assert.Equal(children.Count, links.Count);
        var perChild = sample.Districts[0].Lines.Count;
        Assert.Equal(("F4", $"'{ChildrenTable.SheetName}'!A4"), (links[0].Reference!.Value, links[0].Location!.Value));
        Assert.Equal($"'{ChildrenTable.SheetName}'!A{4 + perChild}", links[1].Location!.Value);
        Assert.Equal("Xã số 2", opened.Text(ChildrenTable.SheetName, $"B{4 + perChild}"));
        Assert.NotNull(opened.Cell(ChildrenTable.SheetName, $"K{4 + perChild}")!.CellFormula);
    }

    [Fact]
    public void A_few_districts_get_a_sheet_each_linked_from_the_matrix()
    {
        using var opened = Opened.Build(s => ProvinceWorkbookWriter.Write(Samples.Consolidated(), s));
        var links = opened.Sheet(ProvinceWorkbookWriter.MatrixSheet).Descendants<Hyperlink>().Select(l => l.Location!.Value).ToList();
        Assert.Equal(["'Huyện Sơn Dương'!A11", "'Huyện Yên Sơn'!A11"], links);
    }
}
