import { chartableIndicators, chartReport, redrawChart } from "../forms/charts";
import type { AttainmentPull, ConsolidatedPull } from "../forms/reports";
import { t } from "./i18n";
import { pane, requireApi } from "./state";
import { $, fillSelect, say } from "./view";

// The pane's chart part: after a report is pulled, one button draws it as a native Excel chart
// (the matrix: the indicator chosen in the list, across the districts against their targets).

/** Shows the chart choice for a report just pulled; a chart already on its sheet is drawn again over the new cells. */
export async function reportPulled(report: AttainmentPull | ConsolidatedPull): Promise<boolean> {
  pane.report = report;
  renderChartChoice();
  return (await redrawChart(requireApi(), report)) !== null;
}

export function renderChartChoice(): void {
  const report = pane.report;
  $("chart").hidden = !report;
  if (!report) return;
  $("chartFor").textContent = t(report.kind === "attainment" ? "chartForAttainment" : "chartForMatrix", { sheet: report.sheetName });
  $("chartIndicatorBox").hidden = report.kind !== "matrix";
  if (report.kind === "matrix") {
    const list = $<HTMLSelectElement>("chartIndicator");
    fillSelect(list, chartableIndicators(report).map((i) => ({ value: i.code, label: i.name })), list.value);
  }
}

export async function insertReportChart(): Promise<void> {
  const report = pane.report;
  if (!report) return;
  const plan = await chartReport(requireApi(), report, report.kind === "matrix" ? $<HTMLSelectElement>("chartIndicator").value : undefined);
  say(t("chartInserted", { title: plan.title, sheet: plan.sheetName }), "ok");
}
