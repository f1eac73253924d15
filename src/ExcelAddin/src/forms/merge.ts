import type { Api } from "../api/client";
import type { Entry, ValuesDocument } from "../api/model";
import { cellAddress } from "../excel/address";
import { readFormStore, saveFormState, type FormState } from "../excel/formStore";
import { Column } from "../excel/layout";
import { locateForm, type FormMap } from "../excel/locate";
import { refreshEditMarks } from "../excel/markCells";
import { readEntries } from "../excel/readEntries";
import { writeEntries } from "../excel/writeEntries";
import { pullForm, valuesOrEmpty, type FormChoice } from "./pull";

export type Field = "value" | "numerator" | "denominator" | "note";
export const fieldColumns: Record<Field, number> = {
  value: Column.value, numerator: Column.numerator, denominator: Column.denominator, note: Column.note,
};
const fields: Field[] = ["value", "numerator", "denominator", "note"];
type FieldValue = number | string | null;

/** A cell both the user and the server changed since the form's base (the last pull or push), to different values. */
export interface BothChanged {
  code: string; name: string; field: Field; address: string;
  base: FieldValue; theirs: FieldValue; mine: FieldValue;
}

export interface MergePlan {
  /** Entries to write into the sheet: the user's rows with the server's changes to cells the user did not touch. */
  writes: Entry[];
  /** How many cells take the server's value silently. */
  taken: number;
  both: BothChanged[];
}

export const fieldOf = (e: Entry | undefined, field: Field): FieldValue =>
  field === "note" ? e?.note || null : e?.[field] ?? null;
const emptyEntry = (code: string): Entry => ({ indicatorCode: code, value: null, numerator: null, denominator: null, note: null });

/**
 * Three-way merge of one form: base (what the server held at the last pull or push), mine (the
 * sheet), theirs (the server now). A cell only the server changed takes its value; a cell only
 * the user changed keeps it; a cell both changed to different values is listed for the user.
 */
export function planMerge(form: FormState, mine: Entry[], theirs: Entry[], map?: FormMap): MergePlan {
  const baseBy = new Map(form.sent.map((e) => [e.indicatorCode, e]));
  const mineBy = new Map(mine.map((e) => [e.indicatorCode, e]));
  const theirsBy = new Map(theirs.map((e) => [e.indicatorCode, e]));
  const writes: Entry[] = [], both: BothChanged[] = [];
  let taken = 0;
  for (const ref of form.rows) {
    const my = mineBy.get(ref.code);
    if (!my) continue;
    const merged: Entry = { ...emptyEntry(ref.code), ...my };
    let changed = false;
    for (const field of fields) {
      if (!ref.inputs.includes(fieldColumns[field])) continue;
      const b = fieldOf(baseBy.get(ref.code), field), m = fieldOf(my, field), t = fieldOf(theirsBy.get(ref.code), field);
      if (m === t || t === b) continue;
      if (m === b) {
        (merged as unknown as Record<Field, FieldValue>)[field] = t;
        changed = true; taken++;
      } else {
        const at = map?.at(ref.code, fieldColumns[field]) ?? { row: form.bodyStart + ref.offset, column: fieldColumns[field] };
        both.push({ code: ref.code, name: ref.name, field, base: b, theirs: t, mine: m, address: cellAddress(at.row, at.column) });
      }
    }
    if (changed) writes.push(merged);
  }
  return { writes, taken, both };
}

/**
 * Takes the server's current version as the form's base: its changes to cells the user did not
 * touch are written into the sheet, the user's own edits stay and are marked unsent, and cells
 * both changed are returned for the user to decide. Used by Refresh and after a 409.
 */
export async function adoptServerVersion(form: FormState, theirs: ValuesDocument): Promise<{ form: FormState; plan: MergePlan }> {
  const reading = await readEntries(form);
  const plan = planMerge(form, reading.entries, theirs.values, await locateForm(form));
  if (plan.writes.length > 0) await writeEntries(form, plan.writes);
  const next: FormState = { ...form, etag: theirs.etag || null, version: theirs.version, sent: theirs.values, pending: null };
  await saveFormState(next.sheetId, next);
  await refreshEditMarks(next);
  return { form: next, plan };
}

/** Refresh in place: re-reads the form from the server into its own sheet, keeping unsent edits. */
export async function refreshForm(api: Api, form: FormState): Promise<{ form: FormState; plan: MergePlan }> {
  return adoptServerVersion(form, await valuesOrEmpty(api, form.unitCode, form.period));
}

/** Writes the server's value into the listed cells (the user chose theirs for them). */
export async function takeTheirs(form: FormState, cells: BothChanged[]): Promise<void> {
  if (cells.length === 0) return;
  const reading = await readEntries(form);
  const rows = new Map(reading.entries.map((e) => [e.indicatorCode, { ...e }]));
  for (const c of cells) {
    const row = rows.get(c.code);
    if (row) (row as unknown as Record<Field, FieldValue>)[c.field] = c.theirs;
  }
  await writeEntries(form, cells.map((c) => rows.get(c.code)!).filter((e, i, all) => all.indexOf(e) === i));
  await refreshEditMarks(form);
}

/**
 * Pulls a form, or refreshes it in place when the workbook already holds it (same unit and
 * period, its sheet still there): never a second copy to push from.
 */
export async function pullOrRefresh(api: Api, choice: FormChoice): Promise<{ form: FormState; refreshed: boolean }> {
  const store = await readFormStore();
  const sheets = await sheetIds();
  const existing = Object.values(store.forms)
    .find((f) => f.unitCode === choice.unit.code && f.period === choice.period.code && sheets.has(f.sheetId));
  if (existing) return { form: (await refreshForm(api, existing)).form, refreshed: true };
  return { form: await pullForm(api, choice), refreshed: false };
}

async function sheetIds(): Promise<Set<string>> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id");
    await context.sync();
    return new Set(sheets.items.map((s) => s.id));
  });
}
