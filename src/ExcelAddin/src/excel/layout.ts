import type { Entry, Indicator, Target } from "../api/model";
import { hasParts } from "../api/model";

// The data-entry form, laid out like the result annex. Column offsets from the sheet's anchor
// (A1); the indicator code lives in the first column, hidden, so rows can be reordered or
// renamed without losing which indicator they report.
export const Column = { code: 0, number: 1, name: 2, unit: 3, plan: 4, value: 5, numerator: 6, denominator: 7, note: 8 } as const;
export const columnCount = 9;
export const inputColumns = [Column.value, Column.numerator, Column.denominator, Column.note] as const;

export type Cell = string | number;

export interface FormRow {
  kind: "group" | "indicator";
  cells: Cell[];
  /** Input column offsets this row accepts; empty for group rows. */
  inputs: number[];
  code: string | null;
}

export interface FormLayout {
  sheetName: string;
  head: Cell[][];
  /** Offset of the first body row from the anchor; the column header is the row above it. */
  bodyStart: number;
  body: FormRow[];
  foot: Cell[][];
}

export interface FormRequest {
  unitName: string; issuingBody: string; periodLabel: string; year: number; sheetName: string;
  indicators: Indicator[]; targets: Target[]; values: Entry[];
}

const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

export function buildForm(request: FormRequest): FormLayout {
  const targets = new Map(request.targets.filter((t) => t.year === request.year).map((t) => [t.indicatorCode, t.text]));
  const values = new Map(request.values.map((v) => [v.indicatorCode, v]));
  const ordered = orderIndicators(request.indicators);

  const body: FormRow[] = [];
  let group: string | null = null, groupNo = 0, itemNo = 0;
  for (const indicator of ordered) {
    if (indicator.group !== group) {
      group = indicator.group;
      body.push({
        kind: "group", code: null, inputs: [],
        cells: ["", indicator.group || roman[groupNo] || String(groupNo + 1), indicator.groupName.toUpperCase(), "", "", "", "", "", ""],
      });
      groupNo++; itemNo = 0;
    }
    const part = indicator.parentCode !== null;
    if (!part) itemNo++;
    const v = values.get(indicator.code);
    const parts = hasParts(indicator.kind);
    body.push({
      kind: "indicator", code: indicator.code,
      inputs: parts ? [Column.value, Column.numerator, Column.denominator, Column.note] : [Column.value, Column.note],
      cells: [
        indicator.code, part ? "-" : itemNo, indicator.name, indicator.unit, targets.get(indicator.code) ?? "",
        v?.value ?? "", parts ? v?.numerator ?? "" : "", parts ? v?.denominator ?? "" : "", v?.note ?? "",
      ],
    });
  }

  const head: Cell[][] = [
    ["", request.issuingBody.toUpperCase(), "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "", ""],
    ["", request.unitName.toUpperCase(), "", "", "", "Độc lập - Tự do - Hạnh phúc", "", "", ""],
    ["", "", "", "", "", "", "", "", ""],
    ["", "Biểu số 01", "", "", "", "", "", "", ""],
    ["", "", `BIỂU NHẬP SỐ LIỆU THỰC HIỆN CHỈ TIÊU Y TẾ ${request.periodLabel.toUpperCase()}`, "", "", "", "", "", ""],
    ["", "", `(Đơn vị báo cáo: ${request.unitName})`, "", "", "", "", "", ""],
    ["Mã", "TT", "Chỉ tiêu", "Đơn vị tính", `Kế hoạch năm ${request.year}`, "Thực hiện", "Tử số", "Mẫu số", "Ghi chú"],
  ];
  const foot: Cell[][] = [
    ["", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", `..., ngày ... tháng ... năm ${request.year}`, "", "", ""],
    ["", "", "", "", "", "NGƯỜI LẬP BIỂU", "", "", ""],
  ];
  return { sheetName: request.sheetName, head, bodyStart: head.length, body, foot };
}

/** Groups in order, each group's indicators by order, breakdown rows right after their parent. */
export function orderIndicators(indicators: Indicator[]): Indicator[] {
  const byOrder = [...indicators].sort((a, b) => a.group.localeCompare(b.group, "vi", { numeric: true }) || a.order - b.order);
  const children = new Map<string, Indicator[]>();
  for (const i of byOrder) if (i.parentCode) children.set(i.parentCode, [...(children.get(i.parentCode) ?? []), i]);
  const known = new Set(indicators.map((i) => i.code));
  const out: Indicator[] = [];
  const visit = (i: Indicator) => { out.push(i); for (const c of children.get(i.code) ?? []) visit(c); };
  for (const i of byOrder) if (!i.parentCode || !known.has(i.parentCode)) visit(i);
  return out;
}

/** Excel on the web refuses requests over 5 MB; a chunk's cells are kept well under it. */
export const requestBudgetBytes = 4 * 1024 * 1024;

/**
 * Splits rows into chunks whose estimated request size stays under the budget. The estimate
 * counts each cell's JSON twice (value and number format) plus the per-row formatting calls.
 */
export function chunkRows<T extends { cells: Cell[] }>(rows: T[], budgetBytes = requestBudgetBytes): T[][] {
  const perRowOverhead = 600;
  const chunks: T[][] = [];
  let current: T[] = [], size = 0;
  for (const row of rows) {
    const rowSize = 2 * JSON.stringify(row.cells).length + perRowOverhead;
    if (current.length > 0 && size + rowSize > budgetBytes) {
      chunks.push(current); current = []; size = 0;
    }
    current.push(row); size += rowSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFor(unitCode: string, period: string): string {
  return `${unitCode} ${period}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}
