import type { Api } from "../api/client";
import { ApiError } from "../api/problem";
import type { CompletenessReport, FormStatus, ImportSummary, Me, PeriodChoice, Unit } from "../api/model";
import type { FormState } from "../excel/formStore";
import type { Conflict } from "../forms/conflict";
import type { AttainmentPull, ConsolidatedPull } from "../forms/reports";
import { t } from "./i18n";
import { $, describeError, say } from "./view";

// The pane's state and the way user actions run, shared by the pane's parts and the ribbon commands.

/** Set by the pane: what happens when the server says the key or account can no longer be used. */
export const hooks = { accessEnded: (): void => undefined };

export interface Pane {
  api: Api | null; me: Me | null; units: Unit[]; allUnits: Unit[]; periods: PeriodChoice[];
  forms: Map<string, FormState>; current: string | null;
  conflict: Conflict | null; summary: ImportSummary | null; missing: CompletenessReport | null;
  /** The current form's workflow state as last read (null: not read, or unreadable). */
  status: FormStatus | null;
  /** The report last pulled (attainment or the province's matrix), which the chart button draws from. */
  report: AttainmentPull | ConsolidatedPull | null;
}
export const pane: Pane = {
  api: null, me: null, units: [], allUnits: [], periods: [], forms: new Map(), current: null, conflict: null, summary: null,
  missing: null, status: null, report: null,
};

// Excel calls run one after another: edits arriving during a push wait their turn.
let queue: Promise<unknown> = Promise.resolve();
export function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** Runs a user action: one at a time, buttons disabled meanwhile, every error shown in words. */
export async function act(work: () => Promise<void>): Promise<void> {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>("button, fluent-button")];
  buttons.forEach((b) => (b.disabled = true));
  $("progress").hidden = false;
  say(t("working"));
  try {
    await serial(work);
    if ($("message").textContent === t("working")) say("");
  } catch (error) {
    console.error(error);
    // Nothing more can be done with this key or account: back to the connect form, the reason kept on screen.
    if (error instanceof ApiError && error.accessEnded) hooks.accessEnded();
    say(describeError(error), "error");
  } finally {
    $("progress").hidden = true;
    buttons.forEach((b) => (b.disabled = false));
  }
}

export const year = () => Number($<HTMLInputElement>("year").value);
export const current = () => (pane.current ? pane.forms.get(pane.current) ?? null : null);
export const selectedUnit = () => pane.units.find((u) => u.code === $<HTMLSelectElement>("unit").value) ?? null;
export const selectedPeriod = () => pane.periods.find((p) => p.code === $<HTMLSelectElement>("period").value) ?? null;
export function requireApi(): Api {
  if (!pane.api) throw new Error(t("notConnected"));
  return pane.api;
}
