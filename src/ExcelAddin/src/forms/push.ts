import type { Api } from "../api/client";
import { ApiError, OfflineError } from "../api/problem";
import { sameEntry, type Entry, type ImportSummary, type RowFinding } from "../api/model";
import type { InvalidCell } from "../excel/cellValues";
import { saveFormState, type FormState } from "../excel/formStore";
import { Column } from "../excel/layout";
import { markRejected, refreshEditMarks, type RejectedCell } from "../excel/markCells";
import { readEntries } from "../excel/readEntries";
import { recalculate } from "../excel/support";
import { writeEntries } from "../excel/writeEntries";
import type { Conflict } from "./conflict";
import { adoptServerVersion } from "./merge";
import { valuesOrEmpty } from "./pull";

export type PushOutcome =
  | { kind: "invalid"; cells: InvalidCell[] }
  | { kind: "nothing" }
  | { kind: "sent"; summary: ImportSummary; sent: number }
  | { kind: "rejected"; summary: ImportSummary }
  | { kind: "conflict"; conflict: Conflict }
  | { kind: "offline"; unsent: number };

export interface PushResult { outcome: PushOutcome; form: FormState }

/**
 * Pushes a form: reads the input cells, sends the rows that hold a value or changed since the
 * last push as one batch with the pulled ETag and an idempotency key, and marks what came back.
 * The batch and its key are saved in the workbook before sending, so a push cut off by the
 * network is retried with the same key and cannot be applied twice.
 */
export async function pushForm(api: Api, form: FormState, newKey: () => string = () => crypto.randomUUID(),
  onRetry?: (attempt: number) => void, retriesAfterMerge = 1): Promise<PushResult> {
  const reading = await readEntries(form);
  if (reading.invalid.length > 0) {
    const cells = reading.invalid.map((c) => ({
      row: c.row, column: c.column,
      message: `"${c.text}" không phải là số.\n"${c.text}" is not a number.`,
    }));
    await markRejected(form, cells);
    const next = { ...form, rejected: cells.map(({ row, column }) => ({ row, column })) };
    await saveFormState(next.sheetId, next);
    return { outcome: { kind: "invalid", cells: reading.invalid }, form: next };
  }

  // Only the rows that differ from what the server holds: a push never re-sends, and so never undoes,
  // a value someone else changed.
  const sent = new Map(form.sent.map((e) => [e.indicatorCode, e]));
  // A row whose value and parts were cleared is a correction: sent with nothing in it, the server removes the figure.
  const entries = reading.entries.filter((e) => !sameEntry(e, sent.get(e.indicatorCode)))
    .map((e) => (isRemoval(e) ? { ...e, note: null } : e));
  const changed = entries;
  if (changed.length === 0 && !form.pending) return { outcome: { kind: "nothing" }, form };

  const pending = form.pending && sameBatch(form.pending.entries, entries)
    ? form.pending : { idempotencyKey: newKey(), entries };
  let current: FormState = { ...form, pending };
  await saveFormState(current.sheetId, current);

  let summary: ImportSummary;
  try {
    summary = await api.submit(form.unitCode, form.period, entries, form.etag, pending.idempotencyKey, onRetry);
  } catch (error) {
    if (error instanceof OfflineError) return { outcome: { kind: "offline", unsent: changed.length }, form: current };
    // 409: changed on the server since the pull; 428: someone created the form after our empty pull.
    // The server's changes to cells the user did not touch are taken silently; when nothing collides,
    // the user's own changes are sent again on the new version.
    if (error instanceof ApiError && (error.status === 409 || error.status === 428)) {
      const theirs = await valuesOrEmpty(api, form.unitCode, form.period);
      const merged = await adoptServerVersion({ ...current, pending: null }, theirs);
      if (merged.plan.both.length === 0 && retriesAfterMerge > 0) return pushForm(api, merged.form, newKey, onRetry, retriesAfterMerge - 1);
      return { outcome: { kind: "conflict", conflict: { theirs, cells: merged.plan.both, taken: merged.plan.taken } }, form: merged.form };
    }
    throw error;
  }

  if (summary.rejected.length > 0) {
    const cells = rejectedCells(current, entries, summary.rejected);
    await markRejected(current, cells);
    current = { ...current, pending: null, rejected: cells.map(({ row, column }) => ({ row, column })) };
    await saveFormState(current.sheetId, current);
    return { outcome: { kind: "rejected", summary }, form: current };
  }

  await markRejected(current, []);
  // A removed figure takes its note with it, in the sheet as on the server.
  const removals = entries.filter(isRemoval);
  if (removals.length > 0) await writeEntries(current, removals);
  current = {
    ...current, pending: null, rejected: [], etag: summary.etag || current.etag, version: summary.version,
    sent: mergeSent(form.sent, entries),
  };
  await saveFormState(current.sheetId, current);
  await refreshEditMarks(current);
  // HEALTH.* cells read what the server holds: they are recalculated once it holds more.
  await recalculate();
  return { outcome: { kind: "sent", summary, sent: changed.length }, form: current };
}

const fieldColumn: Record<string, number> = {
  value: Column.value, numerator: Column.numerator, denominator: Column.denominator, note: Column.note,
};

/** Places each rejection on its cell: the row by indicator code (or batch position), the column by field. */
export function rejectedCells(form: FormState, batch: Entry[], findings: RowFinding[]): RejectedCell[] {
  const cells: RejectedCell[] = [];
  for (const f of findings) {
    const byCode = form.rows.find((r) => r.code === f.indicatorCode);
    const ref = byCode ?? (f.row === null ? undefined : form.rows.find((r) => r.code === batch[f.row!]?.indicatorCode));
    if (!ref) continue;
    const field = f.field.replace(/^.*\./, "").toLowerCase();
    const wanted = fieldColumn[field] ?? Column.value;
    const column = ref.inputs.includes(wanted) ? wanted : Column.value;
    const message = `${f.messageVi}\n${f.messageEn}`;
    const same = cells.find((c) => c.row === ref.offset && c.column === column);
    if (same) same.message += `\n\n${message}`;
    else cells.push({ row: ref.offset, column, message });
  }
  return cells;
}

function mergeSent(before: Entry[], batch: Entry[]): Entry[] {
  const merged = new Map(before.map((e) => [e.indicatorCode, e]));
  for (const e of batch) {
    if (isRemoval(e)) merged.delete(e.indicatorCode);
    else merged.set(e.indicatorCode, e);
  }
  return [...merged.values()];
}

const isRemoval = (e: Entry) => e.value === null && e.numerator === null && e.denominator === null;

function sameBatch(a: Entry[], b: Entry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.indicatorCode === b[i]?.indicatorCode && sameEntry(e, b[i]));
}
