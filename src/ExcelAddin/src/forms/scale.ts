import { sameEntry, type Entry } from "../api/model";
import { cellAddress } from "../excel/address";
import type { FormState } from "../excel/formStore";
import { Column } from "../excel/layout";
import { locateForm, type FormMap } from "../excel/locate";
import { readEntries } from "../excel/readEntries";

// Regional settings misread numbers before the add-in sees them: "96,2%" typed into a cell becomes
// 0,962 and "260.000" becomes 260. Such a value sits a factor of 100 or 1 000 away from the
// indicator's plan (or what the form held before), which a real change almost never does.

export interface ScaleSuspect { code: string; name: string; address: string; value: number; reference: number; factor: number }

const factors = [100, 1000, 1 / 100, 1 / 1000];

/** The factor (100, 1 000, or their inverses) by which `value` looks misread against `reference`, or null. */
export function misreadFactor(value: number, reference: number): number | null {
  if (!(value > 0) || !(reference > 0)) return null;
  const distance = Math.log10(reference / value);
  // Within a factor of about 2 of a power of ten that is 100 or 1 000 away.
  const found = factors.find((f) => Math.abs(distance - Math.log10(f)) < 0.35);
  return found ?? null;
}

/** Changed values that look a factor of 100 or 1 000 off their plan, or else the value the server held. */
export function scaleSuspects(form: FormState, entries: Entry[], map?: FormMap): ScaleSuspect[] {
  const sent = new Map(form.sent.map((e) => [e.indicatorCode, e]));
  const refs = new Map(form.rows.map((r) => [r.code, r]));
  return entries.flatMap((e) => {
    const ref = refs.get(e.indicatorCode), before = sent.get(e.indicatorCode);
    if (!ref || e.value === null || sameEntry(e, before)) return [];
    const reference = ref.plan ?? before?.value ?? null;
    const factor = reference === null ? null : misreadFactor(e.value, reference);
    if (factor === null || reference === null) return [];
    const at = map?.at(ref.code, Column.value) ?? { row: form.bodyStart + ref.offset, column: Column.value };
    return [{ code: ref.code, name: ref.name, address: cellAddress(at.row, at.column), value: e.value, reference, factor }];
  });
}

/** Reads the sheet and lists its suspect values. */
export async function findScaleSuspects(form: FormState): Promise<ScaleSuspect[]> {
  const reading = await readEntries(form);
  return scaleSuspects(form, reading.entries, await locateForm(form));
}
