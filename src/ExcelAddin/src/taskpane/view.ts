import { ApiError, OfflineError } from "../api/problem";
import type { CompletenessReport, FormStatus, ImportSummary, RowFinding } from "../api/model";
import { LayoutError } from "../excel/locate";
import type { ScaleSuspect } from "../forms/scale";
import type { AllowedMoves } from "../forms/workflow";
import { vnDate } from "../forms/workflow";
import type { Choice, Conflict } from "../forms/conflict";
import type { Field } from "../forms/merge";
import type { Draft } from "../forms/drafts";
import { currentLanguage, t, type TextKey } from "./i18n";
import { describeSignIn } from "../auth/text";

// Small DOM helpers: the pane is plain DOM, rebuilt from state after each action.
export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function el(tag: string, props: { text?: string; className?: string; onClick?: () => void } = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  if (props.onClick) node.addEventListener("click", props.onClick);
  node.append(...children);
  return node;
}

/** A Fluent button; `lightweight` reads as a link, `outline` as a secondary action. */
export function button(text: string, className: string, onClick: () => void, appearance: "accent" | "outline" | "lightweight" = "outline"): HTMLElement {
  const node = el("fluent-button", { text, className, onClick });
  node.setAttribute("appearance", appearance);
  return node;
}

export function translatePage(): void {
  document.documentElement.lang = currentLanguage();
  document.querySelectorAll<HTMLElement>("[data-t]").forEach((node) => {
    node.textContent = t(node.dataset.t as TextKey);
  });
  document.querySelectorAll<HTMLElement>("[data-t-label]").forEach((node) => {
    node.setAttribute("aria-label", t(node.dataset.tLabel as TextKey));
  });
  $("language").textContent = t("switchLanguage");
}

export function say(text: string, kind: "ok" | "error" | "warn" | "muted" = "muted"): void {
  const message = $("message");
  message.textContent = text;
  message.className = `bar ${kind}`;
}

/** The one place errors become words for the user. */
export function describeError(error: unknown): string {
  const signInFailure = describeSignIn(error);
  if (signInFailure) return signInFailure;
  if (error instanceof OfflineError) return t("offlineShort");
  if (error instanceof LayoutError) return currentLanguage() === "vi" ? error.messageVi : error.messageEn;
  // A disabled account or a revoked or expired key: the server's reason, said plainly, not a bare 401.
  if (error instanceof ApiError && error.accessEnded) return t("accessEnded", { detail: error.detail(currentLanguage()) });
  // The server's own 401 text names the header; the user needs to hear only that the key is not right.
  if (error instanceof ApiError && error.status === 401) return t("keyRefused");
  if (error instanceof ApiError) return currentLanguage() === "vi" ? error.messageVi : error.messageEn;
  return error instanceof Error ? error.message : String(error);
}

const finding = (f: RowFinding) => (currentLanguage() === "vi" ? f.messageVi : f.messageEn);

export function renderSummary(summary: ImportSummary | null, onFinding: (f: RowFinding) => void): void {
  const box = $("summary");
  box.replaceChildren();
  if (!summary) return;
  const list = (items: RowFinding[]) => el("ul", {}, ...items.map((f) =>
    el("li", {}, button(`${f.indicatorCode}: ${finding(f)}`, "finding", () => onFinding(f), "lightweight"))));
  if (summary.rejected.length > 0) {
    box.append(el("p", { className: "error", text: t("rejected", { count: summary.rejected.length }) }), list(summary.rejected));
  } else {
    box.append(el("p", { className: "ok", text: t("sent", summary as unknown as Record<string, number>) }));
  }
  if (summary.warnings.length > 0) box.append(el("p", { className: "warn", text: t("warnings") }), list(summary.warnings));
}

export function renderDraft(draft: Draft | null): void {
  const box = $("draft");
  box.replaceChildren();
  $("pushButton").hidden = !draft;
  if (!draft) {
    box.append(el("p", { className: "muted", text: t("noForms") }));
    return;
  }
  box.append(el("p", { className: "muted small", text: `${draft.form.unitName} · ${draft.form.periodLabel} · v${draft.form.version}` }));
  if (draft.unsent.length === 0) box.append(el("p", { className: "ok", text: t("allSent") }));
  else {
    box.append(el("p", {}, el("span", { className: "badge", text: t("unsent", { count: draft.unsent.length }) })));
    box.append(el("ul", { className: "small" }, ...draft.unsent.map((u) => el("li", { text: u.name }))));
  }
  if (draft.interrupted) box.append(el("p", { className: "warn", text: t("interrupted") }));
}

const fieldText = (f: Field) => t(f);
const show = (x: number | string | null) => (x === null || x === "" ? "—" : typeof x === "number" ? x.toLocaleString(currentLanguage() === "vi" ? "vi-VN" : "en-US") : x);

/**
 * The cells both the user and the server changed, each with its address and both values and a
 * choice; what only the server changed is already in the sheet (said in one line).
 */
export function renderConflict(conflict: Conflict | null, apply: (choices: Choice[]) => void): void {
  const box = $("conflict");
  box.replaceChildren();
  box.hidden = !conflict;
  if (!conflict) return;
  const head = el("tr", {}, ...[t("cell"), t("indicator"), t("theirs"), t("mine")].map((h) => el("th", { text: h })));
  const choice = (i: number, value: Choice, checked: boolean) => {
    const input = Object.assign(document.createElement("input"), { type: "radio", name: `choice-${i}`, value, checked });
    input.setAttribute("aria-label", t(value));
    return el("label", { className: value }, input, " ");
  };
  const rows = conflict.cells.map((c, i) => el("tr", {},
    el("td", { text: c.address }), el("td", { text: `${c.name} (${fieldText(c.field)})` }),
    el("td", { className: "theirs" }, choice(i, "theirs", true), String(show(c.theirs))),
    el("td", { className: "mine" }, choice(i, "mine", false), String(show(c.mine)))));
  const chosen = (): Choice[] => conflict.cells.map((_, i) =>
    (box.querySelector<HTMLInputElement>(`input[name="choice-${i}"]:checked`)?.value ?? "theirs") as Choice);
  box.append(
    el("p", { className: "error", text: t("conflictHeading") }),
    ...(conflict.taken > 0 ? [el("p", { className: "small", text: t("conflictTaken", { count: conflict.taken }) })] : []),
    el("p", { className: "small", text: t("conflictIntro") }),
    el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)),
    button(t("applyChoices"), "apply", () => apply(chosen()), "accent"),
    button(t("keepTheirs"), "keep-theirs", () => apply(conflict.cells.map(() => "theirs"))),
    button(t("overwrite"), "overwrite", () => apply(conflict.cells.map(() => "mine"))));
}

/** The province's view of who reported, from the server's completeness report (the server's own rule). */
export function renderMissing(report: CompletenessReport | null): void {
  const box = $("missing");
  box.replaceChildren();
  if (!report) return;
  const notIn = report.rows.filter((r) => r.timeliness === "Missing" || r.timeliness === "NotYetDue");
  box.append(el("p", { className: "small", text: t("completenessSummary", report as unknown as Record<string, number>) }));
  if (notIn.length === 0) box.append(el("p", { className: "ok", text: t("missingNone") }));
  else box.append(el("p", { className: "warn", text: t("missingList", { count: notIn.length }) }),
    el("ul", {}, ...notIn.map((r) => el("li", { text: t("missingRow", { name: r.unitName, code: r.unitCode, label: r.timelinessLabel }) }))));
}

/** The form's reporting status and the moves the caller may make. */
export function renderWorkflow(status: FormStatus | null, moves: AllowedMoves | null, visible: boolean): void {
  $("workflow").hidden = !visible;
  const line = $("workflowStatus");
  line.replaceChildren();
  $("submitButton").hidden = !moves?.submit;
  $("approveButton").hidden = !moves?.approve;
  $("returnBox").hidden = !moves?.return;
  if (!visible) return;
  if (!status) { line.append(el("span", { className: "muted", text: t("statusUnknown") })); return; }
  line.append(el("strong", { text: status.statusLabel }),
    ` · ${t("dueLine", { deadline: vnDate(status.deadline), lock: vnDate(status.lockDate) })}`);
  if (status.status === "Returned" && status.returnReason) line.append(el("br"), el("span", { className: "warn", text: t("returnReasonShown", { reason: status.returnReason }) }));
}

/** Replaces a Fluent select's options; `selected` stays chosen when it is among them, else the first is. */
export function fillSelect(select: HTMLElement, options: { value: string; label: string }[], selected?: string): void {
  const chosen = options.some((o) => o.value === selected) ? selected : options[0]?.value;
  select.replaceChildren(...options.map((o) => {
    const option = document.createElement("fluent-option");
    option.setAttribute("value", o.value);
    option.textContent = o.label;
    if (o.value === chosen) option.setAttribute("selected", "");
    return option;
  }));
  // The select reads its new options when the slot changes; its value is set now so code reading it next sees the choice.
  if (chosen !== undefined) (select as HTMLSelectElement).value = chosen;
}

/** Values that look misread by a factor of 100 or 1 000: listed with their cell, sent only if the user says so. */
export function renderScale(suspects: ScaleSuspect[], sendAnyway: () => void): void {
  const box = $("scale");
  box.replaceChildren();
  box.hidden = suspects.length === 0;
  if (suspects.length === 0) return;
  box.append(
    el("p", { className: "warn", text: t("scaleHeading", { count: suspects.length }) }),
    el("ul", {}, ...suspects.map((s) => el("li", { text: t("scaleRow", {
      address: s.address, name: s.name, value: String(show(s.value)), reference: String(show(s.reference)),
      factor: String(show(s.factor >= 1 ? s.factor : 1 / s.factor)),
    }) }))),
    el("p", { className: "small", text: t("scaleHint") }),
    button(t("sendAnyway"), "send-anyway", sendAnyway));
}
