import { OfficeMockObject } from "office-addin-mock";
import { parseAddress } from "../../src/excel/address";

// A sheet's charts in the fake workbook, as office-addin-mock objects: what the add-in gave
// `charts.add` and each series' ranges are recorded for the tests to read.

/** A chart as the add-in built it: what `charts.add` was given, then each series' ranges (sheet-local addresses). */
export interface FakeChart {
  name: string; type: string; source: string; seriesBy: string; title: string; legend: string | null;
  reversedCategories: boolean; position: [string, string] | null; series: FakeSeries[];
}
export interface FakeSeries { name: string; values: string; categories: string | null; type: string | null }

/** What the charts need from their workbook: a range's address on the sheet, and its mock plumbing. */
export interface ChartHost {
  address: (range: unknown) => string;
  watch: <T extends object>(target: T, onSet: (prop: string, value: unknown) => void, nested?: Record<string, (value: object) => object>) => T;
  track: (mock: OfficeMockObject, fresh: Record<string, () => unknown>) => void;
}

/**
 * A sheet's chart collection. `add` takes what Excel takes; like Excel given one row or column of
 * figures, it makes one series over it (a wider block, whose split into series Excel guesses, is refused).
 */
export function chartCollection(charts: FakeChart[], host: ChartHost): unknown {
  const remove = (chart: FakeChart) => { charts.splice(charts.indexOf(chart), 1); };
  const items = () => charts.map((chart) => ({ name: chart.name, delete: () => remove(chart) }));
  const collection = new OfficeMockObject({
    items: items(),
    add: (type: string, source: unknown, seriesBy = "Auto") => {
      const address = host.address(source);
      const block = parseAddress(address);
      if (block.firstRow !== block.lastRow && block.firstColumn !== block.lastColumn) throw new Error(`A chart over ${address}: the fake models one row or column.`);
      const chart: FakeChart = { name: `Chart ${charts.length + 1}`, type, source: address, seriesBy, title: "", legend: null,
        reversedCategories: false, position: null, series: [{ name: "Series1", values: address, categories: null, type: null }] };
      charts.push(chart);
      return chartMock(chart, () => remove(chart), host);
    },
  });
  // The mock cannot navigate into an array; "items/name" loads the items as a whole.
  const load = OfficeMockObject.prototype.load;
  (collection as unknown as { load: (p: string) => unknown }).load = (p: string) =>
    load.call(collection, p.split(",").map((x) => x.trim().split("/")[0]).join(","));
  host.track(collection, { items });
  return collection;
}

function chartMock(chart: FakeChart, remove: () => void, host: ChartHost): unknown {
  const { watch } = host;
  const series = (item: FakeSeries) => watch(new OfficeMockObject({
    name: item.name, chartType: "",
    setValues: (range: unknown) => { item.values = host.address(range); },
    setXAxisValues: (range: unknown) => { item.categories = host.address(range); },
  }), (prop, value) => {
    if (prop === "name") item.name = String(value);
    if (prop === "chartType") item.type = String(value);
  });
  const mock = new OfficeMockObject({
    name: chart.name,
    title: { text: "" }, legend: { position: "" }, axes: { categoryAxis: { reversePlotOrder: false } },
    setPosition: (from: string, to: string) => { chart.position = [from, to]; },
    delete: remove,
    series: {
      getItemAt: (i: number) => {
        const item = chart.series[i];
        if (!item) throw new Error(`ItemNotFound: series ${i}`);
        return series(item);
      },
      add: (name: string) => {
        const item: FakeSeries = { name, values: "", categories: null, type: null };
        chart.series.push(item);
        return series(item);
      },
    },
  });
  return watch(mock, (prop, value) => { if (prop === "name") chart.name = String(value); }, {
    title: (title) => watch(title, (prop, value) => { if (prop === "text") chart.title = String(value); }),
    legend: (legend) => watch(legend, (prop, value) => { if (prop === "position") chart.legend = String(value); }),
    axes: (axes) => watch(axes, () => undefined, {
      categoryAxis: (axis) => watch(axis, (prop, value) => { if (prop === "reversePlotOrder") chart.reversedCategories = Boolean(value); }),
    }),
  });
}
