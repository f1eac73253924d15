import type { PlanPreview } from "../api/model";
import { canStore, describePlan, previewPlan, storePlan, type PendingPlan } from "../forms/plan";
import { act, requireApi, selectedUnit, year } from "./state";
import { t } from "./i18n";
import { say } from "./view";

// The admin's part of the pane that pushes a plan from the active sheet: a preview first, stored on confirmation.

let pending: PendingPlan | null = null;

const section = () => document.getElementById("planPush");

export function bindPlanPush(): void {
  document.getElementById("planPreviewButton")!.addEventListener("click", () => void act(preview));
  document.getElementById("planStoreButton")!.addEventListener("click", () => void act(store));
}

export function showPlanPush(visible: boolean): void {
  pending = null;
  render(null);
  const root = section();
  if (root) root.hidden = !visible;
}

async function preview(): Promise<void> {
  const unit = selectedUnit();
  if (!unit) return;
  pending = await previewPlan(requireApi(), unit.code, year());
  render(pending.preview);
  const { matched, unmatched, changes } = pending.preview;
  say(t("planPreviewed", { sheet: pending.table.sheet, matched: matched.length, unmatched: unmatched.length, changes: changes.length }),
    unmatched.length > 0 ? "warn" : "ok");
}

async function store(): Promise<void> {
  if (!pending) return;
  const stored = await storePlan(requireApi(), pending);
  pending = null;
  render(null);
  say(t("planStored", { year: stored.year, unit: stored.unitCode, changes: stored.changes.length }), "ok");
}

function render(preview: PlanPreview | null): void {
  const box = document.getElementById("planPreview"), button = document.getElementById("planStoreButton");
  if (!box || !button) return;
  box.replaceChildren();
  button.hidden = !preview || !canStore(preview);
  if (!preview) return;
  const { changes, unmatched } = describePlan(preview);
  for (const [title, lines] of [[t("planChanges"), changes], [t("planUnmatched"), unmatched]] as const) {
    if (lines.length === 0) continue;
    const list = document.createElement("ul");
    list.append(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    box.append(Object.assign(document.createElement("h3"), { textContent: `${title} (${lines.length})` }), list);
  }
}
