import type { Entry } from "../api/model";
import { Column } from "./layout";
import type { FormRowRef } from "./formStore";

export interface InvalidCell { code: string; row: number; column: number; text: string }

/**
 * Reads a number as a cell holds it: a number, or text typed the Vietnamese way
 * ("83,9", "260.000", "1.234,5") when the cell was formatted as text. Null for an empty cell.
 */
export function parseCellNumber(cell: unknown): number | null | "invalid" {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "invalid";
  if (typeof cell === "boolean") return "invalid";
  const text = String(cell).trim().replace(/\s/g, "");
  if (text === "") return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normal = text.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+(,\d+)?$/.test(text)) normal = text.replace(",", ".");
  else if (/^-?\d*\.\d+$/.test(text)) normal = text;
  else return "invalid";
  const n = Number(normal);
  return Number.isFinite(n) ? n : "invalid";
}

/** Turns one body row's cells into the entry it reports, collecting cells that are not numbers. */
export function entryFromRow(ref: FormRowRef, cells: unknown[], invalid: InvalidCell[]): Entry {
  const read = (column: number): number | null => {
    if (!ref.inputs.includes(column)) return null;
    const parsed = parseCellNumber(cells[column]);
    if (parsed === "invalid") {
      invalid.push({ code: ref.code, row: ref.offset, column, text: String(cells[column]) });
      return null;
    }
    return parsed;
  };
  const note = String(cells[Column.note] ?? "").trim();
  return {
    indicatorCode: ref.code,
    value: read(Column.value), numerator: read(Column.numerator), denominator: read(Column.denominator),
    note: note === "" ? null : note,
  };
}

/** The cells of an entry in the order of the input columns (value .. note). */
export function rowFromEntry(ref: FormRowRef, entry: Entry | undefined): (number | string)[] {
  const has = (column: number) => ref.inputs.includes(column);
  return [
    entry?.value ?? "",
    has(Column.numerator) ? entry?.numerator ?? "" : "",
    has(Column.denominator) ? entry?.denominator ?? "" : "",
    entry?.note ?? "",
  ];
}
