import type { Api } from "../api/client";
import { ApiError } from "../api/problem";
import type { PeriodChoice, Unit, ValuesDocument } from "../api/model";
import { buildForm, sheetNameFor } from "../excel/layout";
import { saveFormState, type FormState } from "../excel/formStore";
import { writeForm } from "../excel/writeForm";
import { refreshEditMarks } from "../excel/markCells";

export interface FormChoice { unit: Unit; parent: Unit | null; period: PeriodChoice; year: number }

/** Pulls a unit's form for a period into a new sheet and remembers the version pulled. The rows are the
 *  unit's indicator set for the year (its plan's, plus its province's), as on the server's form.xlsx. */
export async function pullForm(api: Api, choice: FormChoice, budgetBytes?: number): Promise<FormState> {
  const { unit, period, year } = choice;
  const [indicators, targets, document] = await Promise.all([
    api.unitIndicators(unit.code, year), api.targets(unit.code, year), valuesOrEmpty(api, unit.code, period.code),
  ]);
  const layout = buildForm({
    unitName: unit.name, issuingBody: choice.parent?.name ?? "", periodLabel: period.label, year,
    sheetName: sheetNameFor(unit.code, period.code), indicators, targets, values: document.values,
  });
  const written = await writeForm(layout, budgetBytes);
  const state: FormState = {
    sheetId: written.sheetId, sheetName: written.sheetName, unitCode: unit.code, unitName: unit.name,
    period: period.code, periodLabel: period.label, etag: document.etag || null, version: document.version,
    pulledAt: new Date().toISOString(), bodyStart: layout.bodyStart, bodyLength: layout.body.length,
    rows: layout.body.flatMap((row, offset) => row.kind === "indicator" && row.code
      ? [{ code: row.code, offset, inputs: row.inputs, name: String(row.cells[2]), plan: targets.find((t) => t.indicatorCode === row.code && t.year === year)?.value ?? null }] : []),
    sent: document.values, pending: null, rejected: [],
  };
  await saveFormState(state.sheetId, state);
  await refreshEditMarks(state);
  return state;
}

/** A form nobody has submitted yet has no version: it is pulled empty and first pushed without If-Match. */
export async function valuesOrEmpty(api: Api, unit: string, period: string): Promise<ValuesDocument> {
  try {
    return await api.values(unit, period);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { unitCode: unit, period, version: 0, etag: "", values: [] };
    throw error;
  }
}
