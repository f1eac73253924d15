import type { PlanPreview } from "../api/model";
import { canStore, describePlan, previewPlan, storePlan, type PendingPlan } from "../forms/plan";
import { act, requireApi, selectedUnit, year } from "./state";
import { say } from "./view";

// The admin's part of the pane that pushes a plan from the active sheet: a preview first, stored on confirmation.
// It builds its own small section, so the pane's page and texts stay as they are; its words are Vietnamese only.

let pending: PendingPlan | null = null;

const section = () => document.getElementById("planPush");

/** Adds the section (hidden) before the status line; shown to admins, the only ones the server lets import a plan. */
export function mountPlanPush(): void {
  if (section()) return;
  const root = Object.assign(document.createElement("section"), { id: "planPush", hidden: true });
  root.innerHTML = `<h2>Kế hoạch từ trang tính</h2>
    <p>Bảng "TT | Chỉ tiêu | Đơn vị tính | Kế hoạch …" trên trang đang mở, cho đơn vị và năm đã chọn.</p>
    <div class="column">
      <button id="planPreviewButton" type="button">Xem trước kế hoạch</button>
      <button id="planStoreButton" type="button" hidden>Lưu kế hoạch</button>
    </div>
    <div id="planPreview" aria-live="polite"></div>`;
  const message = document.getElementById("message");
  if (message?.parentElement) message.parentElement.insertBefore(root, message);
  else document.body.append(root);
  root.querySelector("#planPreviewButton")!.addEventListener("click", () => void act(preview));
  root.querySelector("#planStoreButton")!.addEventListener("click", () => void act(store));
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
  say(`Bảng "${pending.table.sheet}": ${pending.preview.matched.length} dòng khớp, ${pending.preview.unmatched.length} dòng không khớp, `
    + `${pending.preview.changes.length} chỉ tiêu sẽ thay đổi.`, pending.preview.unmatched.length > 0 ? "warn" : "ok");
}

async function store(): Promise<void> {
  if (!pending) return;
  const stored = await storePlan(requireApi(), pending);
  pending = null;
  render(null);
  say(`Đã lưu kế hoạch năm ${stored.year} của ${stored.unitCode}: ${stored.changes.length} chỉ tiêu thay đổi.`, "ok");
}

function render(preview: PlanPreview | null): void {
  const box = document.getElementById("planPreview"), button = document.getElementById("planStoreButton");
  if (!box || !button) return;
  box.replaceChildren();
  button.hidden = !preview || !canStore(preview);
  if (!preview) return;
  const { changes, unmatched } = describePlan(preview);
  for (const [title, lines] of [["Sẽ thay đổi", changes], ["Không khớp", unmatched]] as const) {
    if (lines.length === 0) continue;
    const list = document.createElement("ul");
    list.append(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    box.append(Object.assign(document.createElement("h3"), { textContent: `${title} (${lines.length})` }), list);
  }
}
