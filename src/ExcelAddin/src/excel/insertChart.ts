import { parseAddress } from "./address";

// A native Excel chart over cells the add-in wrote. Its series reference those cells, so figures
// written there again (a refreshed report) show in the chart without redrawing it.

/** The add-in's charts are named with this prefix; one per sheet, replaced on the next insert. */
export const chartPrefix = "HealthFuncs";

/** The chart types the add-in draws (Excel's names). */
export type ChartKind = "BarClustered" | "ColumnClustered" | "LineMarkers";

export interface ChartPlan {
  sheetName: string;
  /** `chartPrefix`, then what the chart shows (the matrix's indicator code), so a refresh can draw it again. */
  name: string;
  title: string;
  type: ChartKind;
  /** Sheet-local addresses: one row or one column each. */
  categories: string;
  series: { name: string; values: string; type?: ChartKind }[];
  /** Cells the chart needs that no report holds (the districts' targets), written first. */
  write?: { address: string; values: (string | number)[][] };
  /** Top-left and bottom-right cells the chart covers. */
  position: [string, string];
}

/** Inserts the chart, replacing the add-in's earlier chart on the sheet rather than stacking another. */
export async function insertChart(plan: ChartPlan): Promise<void> {
  const [first, ...rest] = plan.series;
  if (!first) throw new Error("A chart needs at least one series.");
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(plan.sheetName);
    const charts = sheet.charts;
    charts.load("items/name");
    await context.sync();
    for (const old of charts.items) if (old.name.startsWith(chartPrefix)) old.delete();
    if (plan.write) sheet.getRange(plan.write.address).values = plan.write.values;
    const range = sheet.getRange(first.values);
    // One row (the matrix's indicator across districts) or one column (an attainment column): one series.
    const block = parseAddress(first.values);
    const chart = sheet.charts.add(plan.type, range, block.firstRow === block.lastRow ? "Rows" : "Columns");
    chart.name = plan.name;
    chart.title.text = plan.title;
    chart.legend.position = "Bottom";
    const categories = sheet.getRange(plan.categories);
    const head = chart.series.getItemAt(0);
    head.name = first.name;
    head.setXAxisValues(categories);
    if (first.type) head.chartType = first.type;
    for (const more of rest) {
      const series = chart.series.add(more.name);
      series.setValues(sheet.getRange(more.values));
      series.setXAxisValues(categories);
      if (more.type) series.chartType = more.type;
    }
    // A bar chart lists its first category at the bottom; reversed, it reads top-down like the table.
    if (plan.type.startsWith("Bar")) chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(plan.position[0], plan.position[1]);
    await context.sync();
  });
}

/** The name of the add-in's chart on a sheet, or null when it has none (or the sheet is gone). */
export async function chartOn(sheetName: string): Promise<string | null> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return null;
    const charts = sheet.charts;
    charts.load("items/name");
    await context.sync();
    return charts.items.map((c) => c.name).find((name) => name.startsWith(chartPrefix)) ?? null;
  });
}
