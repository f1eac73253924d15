import type { Entry } from "../api/model";

// Every pulled form's state lives in the workbook itself, in one custom XML part, so a draft
// survives closing Excel or losing the network: which version was pulled (ETag), what the
// server holds (sent), and a push that was started but not confirmed (pending, with its
// idempotency key so a retry cannot apply twice). The typed values themselves are the cells.

export const formsNamespace = "urn:healthfuncs:forms:v1";

export interface CellRef { row: number; column: number }
/** `plan`: the year's target as a number, when it has one (for the scale check). */
export interface FormRowRef { code: string; offset: number; inputs: number[]; name: string; plan?: number | null }

export interface FormState {
  sheetId: string;
  sheetName: string;
  unitCode: string;
  unitName: string;
  period: string;
  periodLabel: string;
  etag: string | null;
  version: number;
  pulledAt: string;
  bodyStart: number;
  /** Body rows (groups and indicators) under the column header. */
  bodyLength: number;
  rows: FormRowRef[];
  /** The entries the server holds as of the last pull or push. */
  sent: Entry[];
  pending: { idempotencyKey: string; entries: Entry[] } | null;
  /** Cells carrying a rejection mark (fill and note) from the last push. */
  rejected: CellRef[];
}

export interface FormStore { forms: Record<string, FormState> }

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function storeToXml(store: FormStore): string {
  return `<forms xmlns="${formsNamespace}">${escapeXml(JSON.stringify(store))}</forms>`;
}

export function storeFromXml(xml: string | null): FormStore {
  const m = xml ? /<forms[^>]*>([\s\S]*)<\/forms>/.exec(xml) : null;
  if (!m?.[1]) return { forms: {} };
  const parsed = JSON.parse(unescapeXml(m[1])) as Partial<FormStore>;
  return { forms: parsed.forms ?? {} };
}

/** Reads every form's state from the workbook. */
export async function readFormStore(): Promise<FormStore> {
  return Excel.run(async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(formsNamespace).getOnlyItemOrNullObject();
    await context.sync();
    if (part.isNullObject) return { forms: {} };
    const xml = part.getXml();
    await context.sync();
    return storeFromXml(xml.value);
  });
}

/** Saves one form's state (or removes it, with null), keeping the others. */
export async function saveFormState(sheetId: string, state: FormState | null): Promise<void> {
  await Excel.run(async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(formsNamespace).getOnlyItemOrNullObject();
    await context.sync();
    const xml = part.isNullObject ? null : part.getXml();
    await context.sync();
    const store = storeFromXml(xml?.value ?? null);
    if (state) store.forms[sheetId] = state;
    else delete store.forms[sheetId];
    if (part.isNullObject) context.workbook.customXmlParts.add(storeToXml(store));
    else part.setXml(storeToXml(store));
    await context.sync();
  });
}
