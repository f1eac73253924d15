import { createApi, type Connection } from "../api/client";
import { loadConnection, saveConnection } from "../api/connection";
import type { Me, RowFinding, Unit } from "../api/model";
import { type FormState } from "../excel/formStore";
import { refreshEditMarks, selectCell } from "../excel/markCells";
import { watchActivation, watchForms } from "../excel/watchForms";
import { resolveConflict, type Choice } from "../forms/conflict";
import { pullOrRefresh, refreshForm } from "../forms/merge";
import { draftOf, recoverDrafts } from "../forms/drafts";
import { pushForm, rejectedCells, type PushResult } from "../forms/push";
import { findScaleSuspects } from "../forms/scale";
import { pullAttainment } from "../forms/reports";
import { allowedMoves, formStatus, moveForm } from "../forms/workflow";
import { registerFunctions } from "../functions/functions";
import { currentLanguage, setLanguage, t } from "./i18n";
import {
  $, describeError, fillSelect, renderConflict, renderDraft, renderMissing, renderScale, renderSummary, renderWorkflow, say, translatePage,
} from "./view";
import { registerCommands } from "./commands";
import { followOfficeTheme, registerComponents } from "./look";
import { consolidated, download, missing } from "./province";
import { insertReportChart, renderChartChoice, reportPulled } from "./reportChart";
import { bindPlanPush, showPlanPush } from "./planPush";
import { act, current, hooks, pane, requireApi, selectedPeriod, selectedUnit, serial, year } from "./state";
import "./taskpane.css";
import { signInConfig } from "../auth/config";
import { setUpSignIn, type SignInPane } from "../auth/signInPane";
import type { TokenProvider } from "../auth/tokenProvider";

let signIn: SignInPane | null = null;

registerComponents();


async function connect(): Promise<void> {
  await connectWith({ serverUrl: $<HTMLInputElement>("serverUrl").value.trim(), apiKey: $<HTMLInputElement>("apiKey").value.trim() });
}

/** Connects with an API key, or with the signed-in person's token (the provider the custom functions then share). */
async function connectWith(connection: Connection, provider: TokenProvider | null = null): Promise<void> {
  const api = createApi(connection);
  pane.me = await api.me();
  pane.api = api;
  saveConnection(connection, provider);
  renderWho();
  $("choose").hidden = false;
  $("disconnectButton").hidden = false;
  $("province").hidden = pane.me.role === "District";
  showPlanPush(pane.me.role === "Admin");
  await loadChoices();
  // The form on screen may have been read by the previous user: its status is read again for this one.
  await loadStatus();
  await showForms();
  say("");
}

function endSession(): void {
  saveConnection(null);
  signIn?.signOut();
  // The next user must not see what the previous one was shown.
  pane.api = null; pane.me = null; pane.summary = null; pane.conflict = null; pane.missing = null; pane.status = null; pane.report = null;
  renderSummary(null, () => undefined); renderConflict(null, () => undefined); renderMissing(null); renderChartChoice();
  renderWorkflow(null, null, false);
  renderWho();
  $("choose").hidden = true; $("province").hidden = true; $("disconnectButton").hidden = true;
  showPlanPush(false);
}

function renderWho(): void {
  $("whoami").textContent = pane.me ? t("connectedAs", { name: pane.me.name, role: t(`role${pane.me.role}`), unit: pane.me.unitCode ?? "—" }) : "";
}

/** Units the caller may report for: its own unit and everything under it (all units for an admin). */
function reachable(units: Unit[], me: Me): Unit[] {
  if (me.role === "Admin") return units;
  const inside = new Set([me.unitCode]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units) if (u.parentCode && inside.has(u.parentCode) && !inside.has(u.code)) { inside.add(u.code); grew = true; }
  }
  return units.filter((u) => inside.has(u.code));
}

async function loadChoices(): Promise<void> {
  const api = requireApi();
  localStorage.setItem("healthfuncs.year", String(year()));
  const [units, periods] = await Promise.all([api.units(year()), api.periods(year())]);
  pane.allUnits = units;
  pane.units = reachable(units, pane.me!);
  pane.periods = periods;
  fillSelect($("unit"), pane.units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })), pane.me!.unitCode ?? undefined);
  fillSelect($("period"), periods.map((p) => ({ value: p.code, label: p.label })), $<HTMLSelectElement>("period").value);
}

async function pull(): Promise<void> {
  const api = requireApi();
  const unit = selectedUnit(), period = selectedPeriod();
  if (!unit || !period) return;
  if ($<HTMLSelectElement>("formKind").value === "attainment") {
    const report = await pullAttainment(api, unit, period);
    const redrawn = await reportPulled(report);
    say([t("pulledReport", { sheet: report.range }), ...(redrawn ? [t("chartRedrawn")] : [])].join("\n"), "ok");
    return;
  }
  // The issuing body printed on the form is the unit's parent, which may lie outside the caller's subtree.
  const parent = pane.allUnits.find((u) => u.code === unit.parentCode) ?? null;
  // A form already in the workbook is refreshed in its own sheet, never copied.
  const { form, refreshed } = await pullOrRefresh(api, { unit, parent, period, year: year() });
  pane.forms.set(form.sheetId, form);
  pane.current = form.sheetId;
  pane.summary = null; pane.conflict = null;
  await watchForms([form.sheetId], onEdit);
  await loadStatus();
  await showForms();
  if (refreshed) say(t("refreshed", { sheet: form.sheetName, version: form.version, kept: (await draftOf(form)).unsent.length }), "ok");
  else say(t("pulled", { sheet: form.sheetName, version: form.version }), "ok");
}

/** Push; a value that looks misread by a factor of 100 or 1 000 is shown first and sent only when confirmed. */
async function push(confirmed = false): Promise<void> {
  const form = current();
  if (!form) return;
  if (!confirmed && await holdSuspects(form)) return;
  await afterPush(await pushForm(requireApi(), form, undefined, onRetry));
}

async function holdSuspects(form: FormState): Promise<boolean> {
  const suspects = await findScaleSuspects(form);
  renderScale(suspects, () => void act(() => push(true)));
  if (suspects.length > 0) say("");
  return suspects.length > 0;
}

async function afterPush({ outcome, form }: PushResult): Promise<void> {
  pane.forms.set(form.sheetId, form);
  renderScale([], () => undefined);
  pane.summary = null; pane.conflict = null;
  switch (outcome.kind) {
    case "invalid": say(t("invalid", { count: outcome.cells.length }), "error"); break;
    case "nothing": say(t("nothingToSend")); break;
    case "offline": say(t("offline", { count: outcome.unsent }), "warn"); break;
    // The conflict table and the summary show the details; the status line (read by screen readers) keeps the headline.
    case "conflict": pane.conflict = outcome.conflict; say(t("conflictHeading"), "error"); break;
    case "rejected": pane.summary = outcome.summary; say(t("rejected", { count: outcome.summary.rejected.length }), "error"); break;
    case "sent": pane.summary = outcome.summary; say(t("sent", outcome.summary as unknown as Record<string, number>), "ok"); await loadStatus(); break;
  }
  await showForms();
}

async function resolve(choices: Choice[]): Promise<void> {
  const form = current(), conflict = pane.conflict;
  if (!form || !conflict) return;
  const result = await resolveConflict(requireApi(), form, conflict, choices, onRetry);
  await afterPush(result);
  if (result.outcome.kind === "nothing") say(t("keptTheirs"), "ok");
}

/** Refresh in place: the server's version into the form's own sheet, unsent edits kept and marked. */
async function refresh(form: FormState | null = current()): Promise<void> {
  if (!form) return;
  const { form: next } = await refreshForm(requireApi(), form);
  pane.forms.set(next.sheetId, next);
  if (next.sheetId === pane.current) {
    pane.summary = null; pane.conflict = null;
    await loadStatus();
  }
  await showForms();
  const kept = (await draftOf(next)).unsent.length;
  say(t("refreshed", { sheet: next.sheetName, version: next.version, kept }), "ok");
}

async function refreshAll(): Promise<void> {
  const forms = [...pane.forms.values()];
  for (const form of forms) await refresh(form);
  say(t("refreshedAll", { count: forms.length }), "ok");
}

async function showFinding(f: RowFinding): Promise<void> {
  const form = current();
  const cell = form ? rejectedCells(form, [], [f])[0] : undefined;
  if (form && cell) await selectCell(form, cell);
}

async function showForms(): Promise<void> {
  const forms = [...pane.forms.values()];
  fillSelect($("formSelect"), forms.map((f) => ({ value: f.sheetId, label: `${f.sheetName} · ${f.periodLabel}` })), pane.current ?? undefined);
  $("formSelect").hidden = forms.length === 0;
  const form = current();
  renderDraft(form ? await draftOf(form) : null);
  renderSummary(pane.summary, (f) => void act(() => showFinding(f)));
  renderConflict(pane.conflict, (choices) => void act(() => resolve(choices)));
  $("refreshButton").hidden = !form || !pane.api;
  $("refreshAllButton").hidden = forms.length < 2 || !pane.api;
  renderMissing(pane.missing);
  renderWorkflowPart(form);
}

function renderWorkflowPart(form: FormState | null): void {
  const moves = form && pane.me && pane.status ? allowedMoves(pane.me, form, pane.status) : null;
  renderWorkflow(pane.status, moves, Boolean(form && pane.api));
}

/** Reads the current form's workflow state (and writes it on its sheet); unreadable is shown as such, not as an error. */
async function loadStatus(): Promise<void> {
  const form = current();
  pane.status = null;
  if (!form || !pane.api) return;
  try {
    pane.status = await formStatus(pane.api, form);
  } catch (error) {
    console.warn(error);
  }
}

/** Submit: unsent figures are pushed first, so what is submitted is what the sheet shows. */
async function submitReport(): Promise<void> {
  const form = current();
  if (!form) return;
  if ((await draftOf(form)).unsent.length > 0 || form.pending) {
    if (await holdSuspects(form)) return;
    const result = await pushForm(requireApi(), form, undefined, onRetry);
    await afterPush(result);
    if (result.outcome.kind !== "sent") {
      if (result.outcome.kind !== "conflict" && result.outcome.kind !== "rejected") say(t("submitStopped"), "error");
      return;
    }
  }
  pane.status = await moveForm(requireApi(), current()!, "submit");
  await showForms();
  say(t("submitted", { sheet: form.sheetName, status: pane.status.statusLabel }), "ok");
}

async function move(kind: "approve" | "return"): Promise<void> {
  const form = current();
  if (!form) return;
  const reason = $<HTMLInputElement>("returnReason").value.trim();
  if (kind === "return" && !reason) throw new Error(t("returnReasonNeeded"));
  pane.status = await moveForm(requireApi(), form, kind, reason);
  $<HTMLInputElement>("returnReason").value = "";
  await showForms();
  say(t("moved", { status: pane.status.statusLabel }), "ok");
}

/** A push waiting on a server that has not answered says so, with the attempt. */
function onRetry(attempt: number): void {
  say(t("retrying", { attempt: attempt + 1 }), "warn");
}

/** A cell changed on a form sheet: mark it against what the server holds, update the unsent list. */
function onEdit(sheetId: string, address: string): void {
  void serial(async () => {
    const form = pane.forms.get(sheetId);
    if (!form) return;
    await refreshEditMarks(form, address);
    if (sheetId === pane.current) renderDraft(await draftOf(form));
  }).catch((error: unknown) => say(describeError(error), "error"));
}

async function recover(): Promise<void> {
  const drafts = await recoverDrafts();
  pane.forms = new Map(drafts.map((d) => [d.form.sheetId, d.form]));
  const latest = [...drafts].sort((a, b) => b.form.pulledAt.localeCompare(a.form.pulledAt))[0];
  pane.current = latest?.form.sheetId ?? null;
  await watchForms([...pane.forms.keys()], onEdit);
  await watchActivation(onActivate);
  await loadStatus();
  await showForms();
}

/** The user switched sheets: if it is a form, the pane shows that form. */
function onActivate(sheetId: string): void {
  if (!pane.forms.has(sheetId) || pane.current === sheetId) return;
  pane.current = sheetId;
  pane.summary = null; pane.conflict = null;
  void serial(async () => { await loadStatus(); await showForms(); }).catch((error: unknown) => say(describeError(error), "error"));
}

function bind(): void {
  bindPlanPush();
  const on = (id: string, work: () => Promise<void>) => $(id).addEventListener("click", () => void act(work));
  on("connectButton", connect);
  if (signIn) on("signInButton", signIn.signIn);
  on("pullButton", pull);
  on("pushButton", () => push());
  on("consolidatedButton", consolidated);
  on("downloadButton", download);
  on("missingButton", missing);
  on("chartButton", insertReportChart);
  on("submitButton", submitReport);
  on("refreshButton", () => refresh());
  on("refreshAllButton", refreshAll);
  on("approveButton", () => move("approve"));
  on("returnButton", () => move("return"));
  $("disconnectButton").addEventListener("click", endSession);
  // Leaving the year field fires "change" just before a click on Pull; disabling the buttons
  // here would swallow that click, so the choices reload in the background, ahead of the pull.
  $("year").addEventListener("change", () => {
    if (pane.api) void serial(loadChoices).catch((error: unknown) => say(describeError(error), "error"));
  });
  $("formSelect").addEventListener("change", () => {
    pane.current = $<HTMLSelectElement>("formSelect").value;
    pane.summary = null; pane.conflict = null;
    void act(async () => { await loadStatus(); await showForms(); });
  });
  $("language").addEventListener("click", () => {
    setLanguage(currentLanguage() === "vi" ? "en" : "vi");
    translatePage();
    signIn?.render();
    renderWho();
    renderChartChoice();
    void act(showForms);
  });
}

async function start(): Promise<void> {
  hooks.accessEnded = endSession;
  translatePage();
  signIn = setUpSignIn(signInConfig(), { element: $, serverUrl: () => $<HTMLInputElement>("serverUrl").value.trim(), connect: connectWith });
  bind();
  $<HTMLInputElement>("year").value = localStorage.getItem("healthfuncs.year") ?? String(new Date().getFullYear());
  // Served by the dev server or by the HealthFuncs server itself, the API is on the pane's origin.
  $<HTMLInputElement>("serverUrl").value = location.origin;
  const saved = loadConnection();
  if (saved) {
    $<HTMLInputElement>("serverUrl").value = saved.serverUrl;
    $<HTMLInputElement>("apiKey").value = saved.apiKey ?? "";
    await act(connect);
  } else if (signIn) {
    await act(signIn.resume);
  }
  await act(recover);
}

Office.onReady(() => {
  followOfficeTheme();
  registerFunctions();
  registerCommands({ refresh: () => refresh(), refreshAll, send: () => push(), submit: submitReport });
  void start();
});
