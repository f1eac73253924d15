import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { api, choose, openPane, page, sheetShot, shot, shotPath } from "./session";

// The chart, theme and accessibility steps: native charts inserted over pulled reports, the
// pane in Office's light and dark themes, and axe-core run over the pane in each.

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const sheetOf = (prefix: string) => page.evaluate((p) => window.workbook.sheets.find((s) => s.name.startsWith(p))!.name, prefix);
const chartsOn = (sheet: string) => page.evaluate((s) => window.workbook.sheet(s).charts, sheet);
const plotted = (sheet: string, address: string) => page.evaluate(([s, a]) => window.workbook.sheet(s!).plotted(a!), [sheet, address]);

export async function attainmentChart(): Promise<void> {
  await page.waitForSelector("#chart:not([hidden])");
  expect(await page.isHidden("#chartIndicatorBox")).toBe(true);
  await page.click("#chartButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã chèn biểu đồ");
  const sheet = await sheetOf("Đánh giá SD");
  const [chart, ...more] = await chartsOn(sheet);
  expect(more).toEqual([]);
  expect(chart).toMatchObject({ name: "HealthFuncs", type: "BarClustered", seriesBy: "Columns" });
  expect(chart!.series).toHaveLength(1);
  const [series] = chart!.series;
  expect(series!.name).toBe("% so với KH");
  expect(series!.values).toMatch(/^G\d+:G\d+$/);
  expect(series!.categories).toBe(series!.values.replace(/G/g, "B"));
  // Sơn Dương's 430 beds of the 420 planned: the bar reads the table's own "% so với KH" cell.
  const names = await plotted(sheet, series!.categories!);
  const percents = await plotted(sheet, series!.values);
  const beds = names.indexOf("Tổng số giường bệnh trong huyện");
  expect(beds).toBeGreaterThanOrEqual(0);
  expect(Number(percents[beds])).toBeCloseTo((430 / 420) * 100, 0);
  await shot("7c-attainment-chart.png");

  // Pulled again: the sheet is rewritten in place and the one chart drawn again over it.
  await page.click("#chartButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã chèn biểu đồ");
  await choose("#formKind", "attainment");
  await page.click("#pullButton");
  await expect.poll(() => page.textContent("#message")).toContain("Biểu đồ trên trang tính đã được vẽ lại");
  expect((await chartsOn(sheet)).map((c) => [c.name, c.series[0]!.values])).toEqual([["HealthFuncs", series!.values]]);
  await choose("#formKind", "entry");
}

export async function matrixChart(): Promise<void> {
  await page.waitForSelector("#chartIndicatorBox:not([hidden])");
  await choose("#chartIndicator", "KCB.GIUONG_BENH");
  await page.click("#chartButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã chèn biểu đồ");
  const sheet = await sheetOf("Tổng hợp TQ");
  const charts = await chartsOn(sheet);
  expect(charts).toHaveLength(1);
  const [chart] = charts;
  expect(chart).toMatchObject({ name: "HealthFuncs KCB.GIUONG_BENH", type: "ColumnClustered", seriesBy: "Rows" });
  const [actual, target] = chart!.series;
  expect([actual!.name, target!.name, target!.type]).toEqual(["Thực hiện", "Kế hoạch năm 2021", "LineMarkers"]);
  // Sơn Dương, Tuyên Quang's one district in 2021: its column of the matrix against its plan of 420 beds.
  expect(await plotted(sheet, actual!.categories!)).toEqual(["Huyện Sơn Dương"]);
  expect(await plotted(sheet, actual!.values)).toEqual([430]);
  expect((await plotted(sheet, target!.values)).map(Number)).toEqual([420]);
  await shot("7d-matrix-chart.png");
  await sheetShot(sheet, "7e-matrix-chart-sheet.png", 80);

  // Another indicator replaces the chart; pulling the matrix again draws that one again.
  await choose("#chartIndicator", "KCB.LUOT_KHAM");
  await page.click("#chartButton");
  await expect.poll(() => page.textContent("#message")).toContain("Số lượt người khám");
  await page.click("#consolidatedButton");
  await expect.poll(() => page.textContent("#message")).toContain("Biểu đồ trên trang tính đã được vẽ lại");
  const again = await chartsOn(sheet);
  expect(again.map((c) => c.name)).toEqual(["HealthFuncs KCB.LUOT_KHAM"]);
  const stored = ((await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string; value: number }[])
    .find((v) => v.indicatorCode === "KCB.LUOT_KHAM")!.value;
  expect((await plotted(sheet, again[0]!.series[0]!.values)).map(Number)).toEqual([Number(stored)]);
}

interface Violation { id: string; impact: string | null; help: string; nodes: string[] }

/** axe-core run in the page; the serious and critical violations, each with the elements it names. */
async function seriousViolations(on: Page): Promise<Violation[]> {
  if (!(await on.evaluate(() => "axe" in window))) await on.addScriptTag({ content: axeSource });
  const violations = await on.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const background = (on: Page) => on.evaluate(() => [document.body.dataset.theme, getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);

export async function themesAndAccessibility(): Promise<void> {
  // The check itself is live: an input without a label is reported.
  await page.evaluate(() => document.querySelector("main")!.append(Object.assign(document.createElement("input"), { id: "unlabelled" })));
  expect((await seriousViolations(page)).map((v) => [v.id, v.nodes])).toContainEqual(["label", ['["#unlabelled"]']]);
  await page.evaluate(() => document.getElementById("unlabelled")!.remove());

  // The host switches to its dark theme and back, announcing each change: the pane follows, and passes axe in both.
  for (const [theme, colours] of [["dark", ["rgb(41, 41, 41)", "rgb(255, 255, 255)"]], ["light", ["rgb(255, 255, 255)", "rgb(36, 36, 36)"]]] as const) {
    await page.evaluate((name) => window.setOfficeTheme(name), theme);
    await expect.poll(() => background(page)).toEqual([theme, ...colours]);
    await shot(`15-pane-${theme}.png`);
    expect(await seriousViolations(page), `axe in the ${theme} theme`).toEqual([]);
  }

  // A pane opened while Office is dark starts dark, from Office.context.officeTheme.
  const dark = await openPane("?officeTheme=dark");
  try {
    await dark.waitForSelector("#choose:not([hidden])");
    expect(await background(dark)).toEqual(["dark", "rgb(41, 41, 41)", "rgb(255, 255, 255)"]);
    // No form in this workbook yet: the list of its forms is not shown.
    expect(await dark.isHidden("#formSelect")).toBe(true);
    await dark.screenshot({ path: shotPath("15-pane-dark-at-start.png"), fullPage: true });
    expect(await seriousViolations(dark), "axe in a pane started dark").toEqual([]);
  } finally {
    await dark.close();
  }
}
