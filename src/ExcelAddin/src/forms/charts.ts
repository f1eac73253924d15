import type { Api } from "../api/client";
import { cellAddress } from "../excel/address";
import { chartOn, chartPrefix, insertChart, type ChartPlan } from "../excel/insertChart";
import { reportBodyStart } from "../excel/writeReport";
import { percentOfPlanColumn, type AttainmentPull, type ConsolidatedPull, type ReportSheet } from "./reports";

// The charts the pane inserts over a pulled report: % of plan per indicator for a result, one
// indicator across the districts against their targets for the province's matrix.

const nameColumn = 1;
/** The matrix's first district column (after TT, Chỉ tiêu, Đơn vị tính). */
const firstUnitColumn = 3;
const headerRow = reportBodyStart - 1;

const span = (fromRow: number, fromColumn: number, toRow: number, toColumn: number) =>
  `${cellAddress(fromRow, fromColumn)}:${cellAddress(toRow, toColumn)}`;

/** % of plan per indicator, from the attainment table's own "% so với KH" and "Chỉ tiêu" cells. */
export function attainmentChart(report: AttainmentPull): ChartPlan {
  const first = report.rows[0]?.row, last = report.rows.at(-1)?.row;
  if (first === undefined || last === undefined) throw new Error("Bảng đánh giá không có chỉ tiêu nào để vẽ.");
  return {
    sheetName: report.sheetName,
    name: chartPrefix,
    title: `% so với kế hoạch · ${report.unit.name} · ${report.period.label}`,
    type: "BarClustered",
    categories: span(first, nameColumn, last, nameColumn),
    series: [{ name: "% so với KH", values: span(first, percentOfPlanColumn, last, percentOfPlanColumn) }],
    position: [cellAddress(headerRow, 11), cellAddress(Math.max(last, headerRow + 24), 19)],
  };
}

/**
 * One indicator across the districts: the matrix's row of that indicator against each district's
 * target for the year, written in a row under the matrix (the matrix itself holds no targets).
 */
export async function matrixChart(api: Api, report: ConsolidatedPull, indicatorCode: string): Promise<ChartPlan> {
  const indicator = report.rows.find((r) => r.code === indicatorCode);
  if (!indicator) throw new Error(`Bảng tổng hợp không có chỉ tiêu ${indicatorCode}.`);
  if (report.children.length === 0) throw new Error("Bảng tổng hợp không có đơn vị trực thuộc nào để so sánh.");
  const targets = await Promise.all(report.children.map((c) => api.targets(c.code, report.year)));
  const planned = targets.map((list) => list.find((t) => t.indicatorCode === indicatorCode && t.year === report.year)?.value ?? "");
  const lastUnit = firstUnitColumn + report.children.length - 1;
  const targetRow = report.lastRow + 2;
  const plan = `Kế hoạch năm ${report.year}`;
  return {
    sheetName: report.sheetName,
    name: `${chartPrefix} ${indicatorCode}`,
    title: `${indicator.name} (${indicator.unit}) · ${report.period.label}`,
    type: "ColumnClustered",
    categories: span(headerRow, firstUnitColumn, headerRow, lastUnit),
    series: [
      { name: "Thực hiện", values: span(indicator.row, firstUnitColumn, indicator.row, lastUnit) },
      { name: plan, values: span(targetRow, firstUnitColumn, targetRow, lastUnit), type: "LineMarkers" },
    ],
    write: { address: span(targetRow, nameColumn, targetRow, lastUnit), values: [[`${plan}: ${indicator.name}`, indicator.unit, ...planned]] },
    position: [cellAddress(headerRow, lastUnit + 3), cellAddress(headerRow + 20, lastUnit + 10)],
  };
}

/** The indicators a matrix chart can show, in the matrix's order. */
export const chartableIndicators = (report: ReportSheet) => report.rows.map((r) => ({ code: r.code, name: r.name }));

/** Inserts the report's chart (replacing the earlier one); `indicatorCode` chooses the matrix's row. */
export async function chartReport(api: Api, report: AttainmentPull | ConsolidatedPull, indicatorCode?: string): Promise<ChartPlan> {
  const plan = report.kind === "attainment" ? attainmentChart(report) : await matrixChart(api, report, indicatorCode ?? report.rows[0]?.code ?? "");
  await insertChart(plan);
  return plan;
}

/**
 * After a report is pulled again: a chart the add-in drew on its sheet is drawn again over the
 * rewritten cells (rows may have moved; the matrix's target row was cleared with the sheet).
 */
export async function redrawChart(api: Api, report: AttainmentPull | ConsolidatedPull): Promise<ChartPlan | null> {
  const existing = await chartOn(report.sheetName);
  if (!existing) return null;
  const code = existing.slice(chartPrefix.length).trim();
  if (report.kind === "matrix" && !report.rows.some((r) => r.code === code)) return null;
  return chartReport(api, report, code || undefined);
}
