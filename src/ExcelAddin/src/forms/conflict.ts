import type { Api } from "../api/client";
import type { ValuesDocument } from "../api/model";
import type { FormState } from "../excel/formStore";
import { takeTheirs, type BothChanged } from "./merge";
import { pushForm, type PushResult } from "./push";

export type Choice = "theirs" | "mine";
/**
 * A push refused because the server changed meanwhile. By the time the user sees it the form
 * already stands on the server's version: what only the server changed is in the sheet, and
 * `cells` are the ones both changed, each for the user to choose.
 */
export interface Conflict { theirs: ValuesDocument; cells: BothChanged[]; taken: number }

/**
 * Applies the user's choice per cell: the server's value is written where they chose theirs;
 * then what still differs from the server (the user's own changes, nothing else) is pushed.
 */
export async function resolveConflict(api: Api, form: FormState, conflict: Conflict, choices: Choice[],
  onRetry?: (attempt: number) => void): Promise<PushResult> {
  await takeTheirs(form, conflict.cells.filter((_, i) => choices[i] !== "mine"));
  return pushForm(api, form, undefined, onRetry);
}
