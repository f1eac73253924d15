import type { Api } from "../api/client";
import type { PlanPreview } from "../api/model";
import { readPlan, type PlanSheet } from "../excel/readPlan";

// Pushing a plan from the sheet: the table is read, sent for a dry run the pane shows (rows matched to the
// catalog, rows not matched, targets that would change), and stored only when the user confirms, with the
// version the preview was made against (If-Match), so a plan changed meanwhile is not overwritten unseen.

/** A preview with the table it was made from, kept until the user confirms or reads the sheet again. */
export interface PendingPlan { unit: string; year: number; table: PlanSheet; preview: PlanPreview }

/** Reads the active sheet's plan and asks the server what storing it would do; nothing is written. */
export async function previewPlan(api: Api, unit: string, year: number, read: () => Promise<PlanSheet> = readPlan): Promise<PendingPlan> {
  const table = await read();
  return { unit, year, table, preview: await api.importPlan(unit, year, table, { dryRun: true }) };
}

/** Stores the previewed table as the unit's plan for the year; 409 (ApiError) when the plan changed since the preview. */
export async function storePlan(api: Api, pending: PendingPlan): Promise<PlanPreview> {
  return api.importPlan(pending.unit, pending.year, pending.table, { dryRun: false, etag: pending.preview.etag });
}

/** Whether storing would change anything: a plan with no matched row is never stored (the server refuses it too). */
export function canStore(preview: PlanPreview): boolean {
  return preview.matched.length > 0 && preview.changes.length > 0;
}

/** The preview's lines as the pane lists them, in Vietnamese: each change old → new, each row not matched. */
export function describePlan(preview: PlanPreview): { changes: string[]; unmatched: string[] } {
  const named = new Map(preview.matched.map((r) => [r.indicatorCode, r.written]));
  return {
    changes: preview.changes.map((c) => {
      const name = named.get(c.indicatorCode) ?? c.indicatorCode;
      if (c.old === null) return `${name}: thêm "${c.new}"`;
      if (c.new === null) return `${name}: bỏ "${c.old}"`;
      return `${name}: "${c.old}" → "${c.new}"`;
    }),
    unmatched: preview.unmatched.map((r) => `Dòng ${r.row}: "${r.written}" (${r.text}) không khớp chỉ tiêu nào trong danh mục`),
  };
}
