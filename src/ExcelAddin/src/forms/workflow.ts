import type { Api, WorkflowMove } from "../api/client";
import type { FormStatus, Me } from "../api/model";
import type { FormState } from "../excel/formStore";
import { writeStatusLine } from "../excel/statusLine";

/** 2021-04-14 → 14/04/2021, as dates are written on the annexes. */
export const vnDate = (iso: string) => (/^(\d{4})-(\d{2})-(\d{2})/.exec(iso) ?? []).slice(1).reverse().join("/") || iso;

/** The line written on the form sheet under its heading: where the form stands, in the annex's language. */
export function statusLine(status: FormStatus): string {
  const parts = [`Trạng thái: ${status.statusLabel}`, `Hạn nộp: ${vnDate(status.deadline)}`, `Khóa sổ: ${vnDate(status.lockDate)}`];
  if (status.status === "Returned" && status.returnReason) parts.push(`Lý do trả lại: ${status.returnReason}`);
  return parts.join(" · ");
}

/** Reads the form's workflow state from the server and writes it on the sheet. */
export async function formStatus(api: Api, form: FormState): Promise<FormStatus> {
  const status = await api.status(form.unitCode, form.period);
  await writeStatusLine(form, statusLine(status));
  return status;
}

/**
 * A workflow move (submit, approve, return) against the state read just before, so a colleague's
 * move in between gives a conflict instead of being overwritten; the sheet's status line follows.
 */
export async function moveForm(api: Api, form: FormState, move: WorkflowMove, reason?: string): Promise<FormStatus> {
  const before = await api.status(form.unitCode, form.period);
  const after = await api.move(form.unitCode, form.period, move, before.etag, reason);
  await writeStatusLine(form, statusLine(after));
  return after;
}

export interface AllowedMoves { submit: boolean; approve: boolean; return: boolean }

/** What the caller may do with the form now: the unit's own staff submit, the level above approves or returns. */
export function allowedMoves(me: Me, form: FormState, status: FormStatus): AllowedMoves {
  const own = me.unitCode === form.unitCode;
  const above = !own && (me.role === "Province" || me.role === "Admin");
  return {
    submit: (own || me.role === "Admin") && !status.locked && (status.status === "Draft" || status.status === "Returned"),
    approve: above && status.status === "Submitted",
    return: above && status.status === "Submitted",
  };
}
