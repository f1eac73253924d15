import { sameEntry } from "../api/model";
import { readFormStore, saveFormState, type FormState } from "../excel/formStore";
import { refreshEditMarks } from "../excel/markCells";
import { readEntries } from "../excel/readEntries";

export interface Draft {
  form: FormState;
  /** Rows whose cells differ from what the server holds. */
  unsent: { code: string; name: string }[];
  /** A push was started and never confirmed (network lost): it will be retried with the same key. */
  interrupted: boolean;
}

/** What a form holds that the server does not have yet. */
export async function draftOf(form: FormState): Promise<Draft> {
  const reading = await readEntries(form);
  const sent = new Map(form.sent.map((e) => [e.indicatorCode, e]));
  const names = new Map(form.rows.map((r) => [r.code, r.name]));
  const unsent = reading.entries
    .filter((e) => !sameEntry(e, sent.get(e.indicatorCode)))
    .map((e) => ({ code: e.indicatorCode, name: names.get(e.indicatorCode) ?? e.indicatorCode }));
  return { form, unsent, interrupted: form.pending !== null };
}

/**
 * On opening the workbook: finds every pulled form, re-marks the cells edited since the last
 * push, and reports what is unsent. A form whose sheet was deleted is forgotten.
 */
export async function recoverDrafts(): Promise<Draft[]> {
  const store = await readFormStore();
  const existing = await existingSheetIds();
  const drafts: Draft[] = [];
  for (const form of Object.values(store.forms)) {
    if (!existing.has(form.sheetId)) {
      await saveFormState(form.sheetId, null);
      continue;
    }
    await refreshEditMarks(form);
    drafts.push(await draftOf(form));
  }
  return drafts;
}

async function existingSheetIds(): Promise<Set<string>> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id");
    await context.sync();
    return new Set(sheets.items.map((s) => s.id));
  });
}
