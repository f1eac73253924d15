import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../src/api/client";
import { chartReport, redrawChart } from "../src/forms/charts";
import { pullAttainment, pullConsolidated } from "../src/forms/reports";
import type { FakeWorkbook } from "./support/fakeWorkbook";
import { freshBench, sonDuongQ1 } from "./support/formBench";
import type { MemoryServer } from "./support/memoryServer";

// The native Excel charts over pulled reports. Report body rows start at Excel row 4: group I (4),
// GIUONG (5), GIUONG_BV (6), group II (7), XA_CHUAN (8), BV_MUC (9). The matrix's districts are
// Sơn Dương (D) and Yên Sơn (E), the province total in F.

let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => ({ wb, server, api } = freshBench()));

const entry = (indicatorCode: string, value: number) => ({ indicatorCode, value, numerator: null, denominator: null, note: null });
const province = { code: "TQ", name: "Sở Y tế Tuyên Quang", level: "Province", parentCode: null };

describe("attainment chart", () => {
  it("The_chart_plots_percent_of_plan_per_indicator_from_the_pulled_table_cells", async () => {
    server.change(entry("GIUONG", 441));
    const report = await pullAttainment(api, sonDuongQ1.unit, sonDuongQ1.period);
    await chartReport(api, report);
    const sheet = wb.sheet(report.sheetName);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({ name: "HealthFuncs", type: "BarClustered", source: "G5:G9", seriesBy: "Columns", reversedCategories: true, legend: "Bottom" });
    expect(chart!.title).toContain("% so với kế hoạch");
    expect(chart!.series).toEqual([{ name: "% so với KH", values: "G5:G9", categories: "B5:B9", type: null }]);
    expect(sheet.at("G3").value).toBe("% so với KH");
    expect(sheet.plotted("B5:B9")).toEqual(["Tổng số giường bệnh", "Trong đó: giường bệnh viện", "Y TẾ DỰ PHÒNG", "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "Bệnh viện đạt mức chất lượng"]);
    expect(sheet.plotted("G5:G9")[0]).toBe(105);
  });

  it("Inserting_again_replaces_the_chart_instead_of_adding_a_second_one", async () => {
    const report = await pullAttainment(api, sonDuongQ1.unit, sonDuongQ1.period);
    await chartReport(api, report);
    await chartReport(api, report);
    expect(wb.sheet(report.sheetName).charts.map((c) => c.name)).toEqual(["HealthFuncs"]);
  });

  it("Pulling_the_report_again_rewrites_its_sheet_in_place_and_the_chart_shows_the_new_figures", async () => {
    server.change(entry("GIUONG", 420));
    const first = await pullAttainment(api, sonDuongQ1.unit, sonDuongQ1.period);
    await chartReport(api, first);
    const sheetId = wb.sheet(first.sheetName).id;
    server.change(entry("GIUONG", 462));
    const again = await pullAttainment(api, sonDuongQ1.unit, sonDuongQ1.period);
    await redrawChart(api, again);
    const sheet = wb.sheet(again.sheetName);
    expect(sheet.id).toBe(sheetId);
    expect(wb.sheets.filter((s) => s.name.startsWith("Đánh giá"))).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.plotted(sheet.charts[0]!.series[0]!.values)[0]).toBe(110);
    expect(sheet.frozenRows).toBe(3);
  });
});

describe("matrix chart", () => {
  it("The_chosen_indicator_is_plotted_across_districts_from_its_matrix_row_against_each_district_target", async () => {
    server.change(entry("GIUONG", 430));
    server.yenSon.set("GIUONG", entry("GIUONG", 280));
    const report = await pullConsolidated(api, province, sonDuongQ1.period, 2021);
    expect(report.children.map((c) => c.code)).toEqual(["SD", "YS"]);
    const plan = await chartReport(api, report, "GIUONG");
    const sheet = wb.sheet(report.sheetName);
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({ name: "HealthFuncs GIUONG", type: "ColumnClustered", source: "D5:E5", seriesBy: "Rows" });
    expect(chart!.series).toEqual([
      { name: "Thực hiện", values: "D5:E5", categories: "D3:E3", type: null },
      { name: "Kế hoạch năm 2021", values: "D11:E11", categories: "D3:E3", type: "LineMarkers" },
    ]);
    expect(sheet.plotted("D3:E3")).toEqual(["Huyện Sơn Dương", "Huyện Yên Sơn"]);
    expect(sheet.plotted("D5:E5")).toEqual([430, 280]);
    expect(sheet.plotted("B11:E11")).toEqual(["Kế hoạch năm 2021: Tổng số giường bệnh", "giường", 420, 300]);
    expect(plan.position[0]).toBe("H3");
  });

  it("Choosing_another_indicator_replaces_the_chart_and_its_target_row", async () => {
    server.change(entry("XA_CHUAN", 80));
    const report = await pullConsolidated(api, province, sonDuongQ1.period, 2021);
    await chartReport(api, report, "GIUONG");
    await chartReport(api, report, "XA_CHUAN");
    const sheet = wb.sheet(report.sheetName);
    expect(sheet.charts.map((c) => [c.name, c.series[0]!.values])).toEqual([["HealthFuncs XA_CHUAN", "D8:E8"]]);
    // Neither district has a target for it: the row says so by staying empty.
    expect(sheet.plotted("B11:E11")).toEqual(["Kế hoạch năm 2021: Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "%", "", ""]);
  });

  it("A_refreshed_matrix_draws_the_same_indicator_again_over_the_new_figures_and_targets", async () => {
    server.change(entry("GIUONG", 430));
    await chartReport(api, await pullConsolidated(api, province, sonDuongQ1.period, 2021), "GIUONG");
    server.change(entry("GIUONG", 445));
    server.targetsOf.YS = { GIUONG: 310 };
    const again = await pullConsolidated(api, province, sonDuongQ1.period, 2021);
    const sheet = wb.sheet(again.sheetName);
    expect(sheet.plotted("D11:E11")).toEqual(["", ""]);
    const plan = await redrawChart(api, again);
    expect(plan?.name).toBe("HealthFuncs GIUONG");
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.plotted(sheet.charts[0]!.series[0]!.values)).toEqual([445, ""]);
    expect(sheet.plotted(sheet.charts[0]!.series[1]!.values)).toEqual([420, 310]);
  });

  it("A_report_without_a_chart_is_not_given_one_by_a_refresh", async () => {
    const report = await pullConsolidated(api, province, sonDuongQ1.period, 2021);
    expect(await redrawChart(api, report)).toBeNull();
    expect(wb.sheet(report.sheetName).charts).toEqual([]);
  });
});
