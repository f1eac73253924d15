import type { Api } from "../api/client";
import type { Entry, ValuesDocument } from "../api/model";
import { saveFormState, type FormState } from "../excel/formStore";
import { Column } from "../excel/layout";
import { refreshEditMarks } from "../excel/markCells";
import { writeEntries } from "../excel/writeEntries";
import { pushForm, type PushResult } from "./push";

export type Field = "value" | "numerator" | "denominator" | "note";
export interface ConflictCell {
  code: string; name: string; field: Field; theirs: number | string | null; mine: number | string | null;
  /** Whether the user changed this cell since the pull (otherwise only the server did). */
  editedHere: boolean;
}
export interface Conflict { theirs: ValuesDocument; cells: ConflictCell[] }

export const fieldColumns: Record<Field, number> = {
  value: Column.value, numerator: Column.numerator, denominator: Column.denominator, note: Column.note,
};
const fields: Field[] = ["value", "numerator", "denominator", "note"];

/** Every input cell where the sheet and the server disagree. */
export function diffEntries(form: FormState, mine: Entry[], theirs: Entry[]): ConflictCell[] {
  const theirsBy = new Map(theirs.map((e) => [e.indicatorCode, e]));
  const mineBy = new Map(mine.map((e) => [e.indicatorCode, e]));
  const sentBy = new Map(form.sent.map((e) => [e.indicatorCode, e]));
  const cells: ConflictCell[] = [];
  for (const ref of form.rows) {
    for (const field of fields) {
      if (!ref.inputs.includes(fieldColumns[field])) continue;
      const get = (e: Entry | undefined) => (field === "note" ? e?.note || null : e?.[field] ?? null);
      const a = get(theirsBy.get(ref.code)), b = get(mineBy.get(ref.code));
      if (a === b) continue;
      cells.push({ code: ref.code, name: ref.name, field, theirs: a, mine: b, editedHere: b !== get(sentBy.get(ref.code)) });
    }
  }
  return cells;
}

/** Keep the server's values: write them into the sheet and take its version as the new base. */
export async function keepTheirs(form: FormState, theirs: ValuesDocument): Promise<FormState> {
  const byCode = new Map(theirs.values.map((e) => [e.indicatorCode, e]));
  const empty = (code: string): Entry => ({ indicatorCode: code, value: null, numerator: null, denominator: null, note: null });
  await writeEntries(form, form.rows.map((r) => byCode.get(r.code) ?? empty(r.code)));
  const next: FormState = { ...form, etag: theirs.etag || null, version: theirs.version, sent: theirs.values, pending: null };
  await saveFormState(next.sheetId, next);
  await refreshEditMarks(next);
  return next;
}

/** Overwrite with the sheet's values: push again against the version the server holds now. */
export async function overwrite(api: Api, form: FormState, theirs: ValuesDocument): Promise<PushResult> {
  const next: FormState = { ...form, etag: theirs.etag || null, version: theirs.version, sent: theirs.values, pending: null };
  await saveFormState(next.sheetId, next);
  return pushForm(api, next);
}
