import type { Api } from "../api/client";
import type { Indicator, PeriodChoice, Unit } from "../api/model";
import { orderIndicators, sheetNameFor, type Cell } from "../excel/layout";
import { reportBodyStart, writeReport, type ReportTable } from "../excel/writeReport";
import { valuesOrEmpty } from "./pull";

/** Indicator rows grouped under their annex headings, numbered as the annex numbers them. */
function annexRows(indicators: Indicator[], cells: (indicator: Indicator) => Cell[], width: number): ReportTable["rows"] {
  const rows: ReportTable["rows"] = [];
  let group: string | null = null, number = 0;
  for (const indicator of orderIndicators(indicators)) {
    if (indicator.group !== group) {
      group = indicator.group; number = 0;
      rows.push({ bold: true, cells: [indicator.group, indicator.groupName.toUpperCase(), ...Array<Cell>(width - 2).fill("")] });
    }
    if (!indicator.parentCode) number++;
    rows.push({ code: indicator.code, cells: [indicator.parentCode ? "-" : number, indicator.name, indicator.unit, ...cells(indicator)] });
  }
  return rows;
}

/** A report as written: its sheet, the range it fills, and the sheet row (zero-based) of each indicator. */
export interface ReportSheet {
  sheetName: string; range: string; period: PeriodChoice;
  /** The first and last body rows (zero-based), group rows included. */
  firstRow: number; lastRow: number;
  rows: { code: string; name: string; unit: string; row: number }[];
}

function reportSheet(table: ReportTable, range: string, period: PeriodChoice, indicators: Indicator[]): ReportSheet {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const rows = table.rows.flatMap((r, i) => {
    const indicator = r.code ? byCode.get(r.code) : undefined;
    return indicator ? [{ code: indicator.code, name: indicator.name, unit: indicator.unit, row: reportBodyStart + i }] : [];
  });
  return { sheetName: table.sheetName, range, period, firstRow: reportBodyStart, lastRow: reportBodyStart + table.rows.length - 1, rows };
}

export interface AttainmentPull extends ReportSheet { kind: "attainment"; unit: Unit }
export interface ConsolidatedPull extends ReportSheet { kind: "matrix"; province: Unit; year: number; missing: Unit[]; children: Unit[] }

/**
 * The province's matrix: one column per direct child unit and the consolidated value the server
 * computes (sums of parts, never averaged percentages), plus who has not reported.
 */
export async function pullConsolidated(api: Api, province: Unit, period: PeriodChoice, year: number): Promise<ConsolidatedPull> {
  const units = await api.units(year);
  const children = units.filter((u) => u.parentCode === province.code);
  const [indicators, consolidated, ...childValues] = await Promise.all([
    api.indicators(), api.consolidated(province.code, period.code),
    ...children.map((c) => valuesOrEmpty(api, c.code, period.code)),
  ]);
  const value = new Map(children.map((c, i) => [c.code, new Map((childValues[i]?.values ?? []).map((v) => [v.indicatorCode, v.value]))]));
  const total = new Map(consolidated.rows.map((r) => [r.indicatorCode, r.value]));
  const header = ["TT", "Chỉ tiêu", "Đơn vị tính", ...children.map((c) => c.name), "Tổng hợp"];
  const table: ReportTable = {
    sheetName: sheetNameFor(`Tổng hợp ${province.code}`, period.code),
    title: `TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU Y TẾ ${period.label.toUpperCase()}`,
    subtitle: `(${province.name}: ${children.length} đơn vị, ${consolidated.missingUnits.length} đơn vị chưa báo cáo)`,
    header,
    rows: annexRows(indicators, (i) => [...children.map((c) => value.get(c.code)?.get(i.code) ?? ""), total.get(i.code) ?? ""], header.length),
    widths: [5, 50, 10, ...children.map(() => 14), 16],
  };
  const range = await writeReport(table);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const missing = consolidated.missingUnits.map((code) => byCode.get(code) ?? { code, name: code, level: "", parentCode: province.code });
  return { kind: "matrix", ...reportSheet(table, range, period, indicators), province, year, missing, children };
}

/** The attainment table for a unit and period, as the result annex shows it. */
export async function pullAttainment(api: Api, unit: Unit, period: PeriodChoice): Promise<AttainmentPull> {
  const [indicators, report] = await Promise.all([api.indicators(), api.attainment(unit.code, period.code)]);
  const rows = new Map(report.map((r) => [r.indicatorCode, r]));
  const header = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "% so với KH", "So với cùng kỳ", "Đánh giá", "Ghi chú"];
  const table: ReportTable = {
    sheetName: sheetNameFor(`Đánh giá ${unit.code}`, period.code),
    title: `ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHỈ TIÊU Y TẾ ${period.label.toUpperCase()}`,
    subtitle: `(Đơn vị: ${unit.name})`,
    header,
    rows: annexRows(indicators.filter((i) => rows.has(i.code)), (i) => {
      const r = rows.get(i.code);
      return [r?.target ?? "", r?.actual ?? "", r?.baseline ?? "", r?.percentOfPlan ?? "",
        r?.changeFromBaseline ?? "", r?.label ?? "", r?.reason ?? ""];
    }, header.length),
    widths: [5, 50, 10, 14, 12, 12, 12, 12, 14, 30],
  };
  const range = await writeReport(table);
  return { kind: "attainment", ...reportSheet(table, range, period, indicators), unit };
}

/** Zero-based column of the attainment table's "% so với KH". */
export const percentOfPlanColumn = 6;
