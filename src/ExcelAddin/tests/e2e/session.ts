import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Page } from "playwright-core";
import { buildServer, launchChromium, repoRoot, seedStorage, servePane, startAzurite, startServer, type Running } from "./stack";

// The end-to-end session: Azurite, the real server, the built pane in headless Chromium with the mock
// Excel injected, and the helpers the steps use to type into the mock workbook and look at it.

export const screenshots = join(repoRoot, "test-results/addin-e2e");
const users = JSON.parse(readFileSync(join(repoRoot, "seeds/users.json"), "utf8")) as { users: { id: string; devKey: string }[] };
export const keyOf = (id: string) => users.users.find((u) => u.id === id)!.devKey;
export const districtKey = keyOf("sd-pyt");

const running: Running[] = [];
export let serverUrl = "", paneUrl = "", page: Page;
let harness = "";
const pageErrors: string[] = [];

// The seeded plans are from 2021, long past their reporting deadlines; like scripts/start.sh, the
// test server pushes the lock that follows a deadline out so those years can still be entered.
export const openSeededYears = Object.fromEntries(["Province", "District", "Commune", "Facility"].flatMap((level) => [
  [`Workflow__Levels__${level}__DeadlineWorkingDays`, "10"],
  [`Workflow__Levels__${level}__LockWorkingDays`, "100000"],
]));

/** Starts the stack before the file's tests and stops it after; a failed step leaves a picture. */
export function useStack(): void {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const azurite = await startAzurite();
    running.push(azurite);
    const storage = {
      Storage__ConnectionString: azurite.connectionString,
      Storage__TablePrefix: `addine2e${randomBytes(4).toString("hex")}`,
      ...openSeededYears,
    };
    await buildServer();
    await seedStorage(storage);
    const server = await startServer(storage);
    running.push(server);
    serverUrl = server.url;
    const pane = await servePane(server.url);
    running.push(pane);
    ({ url: paneUrl, harness } = pane);
    const chrome = await launchChromium();
    running.push(chrome);
    page = await chrome.browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
    await page.addInitScript({ content: readFileSync(harness, "utf8") });
  });

  afterEach(async (context) => {
    // A failed step leaves a picture of the pane behind.
    if (context.task.result?.state === "fail") await shot(`failed-${context.task.name.slice(0, 40)}.png`).catch(() => undefined);
    expect(pageErrors, "errors thrown in the page").toEqual([]);
  });

  afterAll(async () => {
    for (const part of running.reverse()) await part.stop();
  });
}

export async function api(path: string, init: RequestInit = {}) {
  const response = await fetch(`${serverUrl}${path}`, { ...init, headers: { "X-Api-Key": districtKey, "Content-Type": "application/json", ...init.headers } });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

/** Excel address of an indicator's input cell in the pulled sheet (codes are in hidden column A). */
export async function cellOf(sheet: string, code: string, column: string): Promise<string> {
  const row = await page.evaluate(([s, c]) => window.workbook.sheet(s!).grid(1).findIndex((r) => r[0] === c), [sheet, code]);
  expect(row, `row of ${code}`).toBeGreaterThan(0);
  return `${column}${row + 1}`;
}
export const type = (sheet: string, address: string, value: string | number) =>
  page.evaluate(([s, a, v]) => window.workbook.type(s as string, a as string, v as string | number), [sheet, address, value]);
export const cell = (sheet: string, address: string) =>
  page.evaluate(([s, a]) => { const c = window.workbook.sheet(s!).at(a!); return { value: c.value, fill: c.fill, locked: c.locked }; }, [sheet, address]);
/** The pushes and reads of Sơn Dương's 2021-Q1 values, for the steps that put a failing gateway in between. */
export const q1Values = (url: URL) => url.pathname.endsWith("/api/units/SD/periods/2021-Q1/values");
/**
 * Picks an option of a Fluent select from the keyboard, as a keyboard user does: focus, then the
 * arrow keys (a closed select changes its value and fires "change" on each). A long list opened
 * by a click runs past the top of a short pane, where a pointer cannot reach every option.
 */
export async function choose(select: string, value: string, on: Page = page): Promise<void> {
  await on.waitForSelector(`${select} fluent-option[value="${value}"]`, { state: "attached" });
  const [from, to] = await on.$eval(select, (s, v) =>
    [(s as HTMLSelectElement).selectedIndex, [...s.querySelectorAll("fluent-option")].findIndex((o) => o.getAttribute("value") === v)], value);
  await on.focus(select);
  for (let i = 0; i < Math.abs(to! - from!); i++) await on.keyboard.press(to! > from! ? "ArrowDown" : "ArrowUp");
  await expect.poll(() => on.$eval(select, (s) => (s as HTMLSelectElement).value)).toBe(value);
}
export const shotPath = (name: string) => join(screenshots, name);
export const shot = (name: string) => page.screenshot({ path: shotPath(name), fullPage: true });

/** Another page of the built pane over the same server and browser profile, with its own mock workbook. */
export async function openPane(query = ""): Promise<Page> {
  const other = await page.context().newPage();
  await other.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
  await other.addInitScript({ content: readFileSync(harness, "utf8") });
  await other.goto(`${paneUrl}${query}`);
  return other;
}

/** A picture of a sheet of the mock workbook: values, fills, bold/italic, locked cells hatched, hidden columns left out. */
export async function sheetShot(sheet: string, name: string, rows = 60): Promise<void> {
  const data = await page.evaluate(([s, n]) => {
    const ws = window.workbook.sheet(s!);
    const grid = ws.grid(9).slice(0, Number(n));
    return { grid, hidden: [...ws.hiddenColumns], cells: grid.map((r, i) => r.map((_, j) => ws.cell(i, j))) };
  }, [sheet, String(rows)]);
  const escape = (x: unknown) => String(x).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = data.cells.map((row) => `<tr>${row.map((c, j) => data.hidden.includes(j) ? "" :
    `<td style="background:${c.fill ?? "#fff"};font-weight:${c.bold ? 700 : 400};font-style:${c.italic ? "italic" : "normal"};${c.locked ? "" : "outline:1px dashed #2f75b5;"}">${escape(c.value)}</td>`).join("")}</tr>`).join("");
  const view = await page.context().newPage();
  await view.setContent(`<style>body{font-family:"Times New Roman",serif;font-size:12px}td{border:1px solid #ccc;padding:2px 4px;max-width:320px}</style><table>${body}</table>`);
  await view.screenshot({ path: join(screenshots, name), fullPage: true });
  await view.close();
}

