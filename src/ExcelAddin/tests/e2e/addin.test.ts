import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { generateSchema, schemaFile } from "../../scripts/generate-api.mjs";
import { buildServer, launchChromium, repoRoot, seedStorage, servePane, startAzurite, startServer, type Running } from "./stack";

// The whole path a district user takes: the built task pane in headless Chromium (Excel provided
// by the office-addin-mock workbook), the real server, a real Azurite with the seeded catalog.

const screenshots = join(repoRoot, "test-results/addin-e2e");
const users = JSON.parse(readFileSync(join(repoRoot, "seeds/users.json"), "utf8")) as { users: { id: string; devKey: string }[] };
const keyOf = (id: string) => users.users.find((u) => u.id === id)!.devKey;
const districtKey = keyOf("sd-pyt");

const running: Running[] = [];
let serverUrl = "", paneUrl = "", harness = "", page: Page;
const pageErrors: string[] = [];

// The seeded plans are from 2021, long past their reporting deadlines; like scripts/start.sh, the
// test server pushes the lock that follows a deadline out so those years can still be entered.
const openSeededYears = Object.fromEntries(["Province", "District", "Commune", "Facility"].flatMap((level) => [
  [`Workflow__Levels__${level}__DeadlineWorkingDays`, "10"],
  [`Workflow__Levels__${level}__LockWorkingDays`, "100000"],
]));

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

async function api(path: string, init: RequestInit = {}) {
  const response = await fetch(`${serverUrl}${path}`, { ...init, headers: { "X-Api-Key": districtKey, "Content-Type": "application/json", ...init.headers } });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

/** Excel address of an indicator's input cell in the pulled sheet (codes are in hidden column A). */
async function cellOf(sheet: string, code: string, column: string): Promise<string> {
  const row = await page.evaluate(([s, c]) => window.workbook.sheet(s!).grid(1).findIndex((r) => r[0] === c), [sheet, code]);
  expect(row, `row of ${code}`).toBeGreaterThan(0);
  return `${column}${row + 1}`;
}
const type = (sheet: string, address: string, value: string | number) =>
  page.evaluate(([s, a, v]) => window.workbook.type(s as string, a as string, v as string | number), [sheet, address, value]);
const cell = (sheet: string, address: string) =>
  page.evaluate(([s, a]) => { const c = window.workbook.sheet(s!).at(a!); return { value: c.value, fill: c.fill, locked: c.locked }; }, [sheet, address]);
const shot = (name: string) => page.screenshot({ path: join(screenshots, name), fullPage: true });

/** A picture of a sheet of the mock workbook: values, fills, bold/italic, locked cells hatched, hidden columns left out. */
async function sheetShot(sheet: string, name: string, rows = 60): Promise<void> {
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

describe("end to end", () => {
  it("The_committed_api_types_are_what_the_server_openapi_document_generates", async () => {
    const served = await generateSchema(`${serverUrl}/openapi/v1.json`);
    expect(readFileSync(schemaFile, "utf8"), "src/api/schema.d.ts is stale: run npm run generate:api against the server").toBe(served);
  });

  it("A_district_user_pulls_a_form_edits_pushes_sees_a_rejected_row_fixes_it_and_the_server_stores_the_values", async () => {
    const before = (await api("/api/units/SD/periods/2021-Q1/values")).body;
    await page.goto(paneUrl);
    expect(await page.evaluate(() => window.registeredFunctions)).toEqual(["VALUE", "TARGET", "ATTAINMENT"]);
    await page.fill("#apiKey", districtKey);
    await page.click("#connectButton");
    await page.waitForSelector("#choose:not([hidden])");
    await expect.poll(() => page.textContent("#whoami")).toContain("cán bộ huyện, đơn vị SD");
    await page.fill("#year", "2021");
    await page.press("#year", "Tab");
    await page.waitForSelector('#period option[value="2021-Q1"]', { state: "attached" });
    await page.selectOption("#unit", "SD");
    await page.selectOption("#period", "2021-Q1");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã lấy biểu");
    await shot("1-pulled.png");
    await sheetShot("SD 2021-Q1", "1b-pulled-sheet.png");

    const sheet = "SD 2021-Q1";
    const beds = await cellOf(sheet, "KCB.GIUONG_BENH", "F");
    const hospitalBeds = await cellOf(sheet, "KCB.GIUONG_BENH.BV", "F");
    const communes = await cellOf(sheet, "YTCS.TY_LE_XA_DAT_TCQG", "F");
    const row = communes.slice(1);
    expect(await cell(sheet, beds)).toMatchObject({ value: "", locked: false });
    expect(await cell(sheet, `C${beds.slice(1)}`)).toMatchObject({ value: "Tổng số giường bệnh trong huyện", locked: true });

    await type(sheet, beds, 420);
    await type(sheet, hospitalBeds, 500);
    await type(sheet, communes, 83.9);
    await type(sheet, `G${row}`, 26);
    await type(sheet, `H${row}`, 31);
    await expect.poll(() => page.textContent("#draft")).toContain("Chưa gửi: 3 chỉ tiêu");
    expect((await cell(sheet, beds)).fill).toBe("#FFF2CC");
    await shot("2-edited.png");

    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("từ chối");
    // Parts above their total: the finding names the total or the part; its cell is marked and selected.
    const summary = await page.textContent("#summary");
    expect(summary).toMatch(/KCB\.GIUONG_BENH/);
    const notes = await page.evaluate(([s]) => [...window.workbook.sheet(s!).notes.entries()], [sheet]);
    expect(notes.length).toBeGreaterThan(0);
    for (const [at, text] of notes) {
      expect([beds, hospitalBeds]).toContain(at);
      expect((await cell(sheet, at)).fill).toBe("#F8CBAD");
      expect(text.length).toBeGreaterThan(10);
    }
    expect(await page.evaluate(() => window.workbook.selection)).toEqual({ sheet, address: notes[0]![0] });
    await shot("3-rejected.png");
    await sheetShot("SD 2021-Q1", "3b-rejected-sheet.png", 20);
    expect((await api("/api/units/SD/periods/2021-Q1/values")).body).toEqual(before);

    await type(sheet, hospitalBeds, 280);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
    expect(await page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
    expect((await cell(sheet, hospitalBeds)).fill).toBe("#DDEBF7");
    await shot("4-sent.png");

    const stored = await api("/api/units/SD/periods/2021-Q1/values");
    expect(stored.body.version).toBe(Number(before.version) + 1);
    const values = (stored.body.values as { indicatorCode: string; value: number; numerator: number | null; denominator: number | null }[])
      .map((v) => [v.indicatorCode, Number(v.value), v.numerator === null ? null : Number(v.numerator), v.denominator === null ? null : Number(v.denominator)]);
    expect(values.sort()).toEqual([
      ["KCB.GIUONG_BENH", 420, null, null], ["KCB.GIUONG_BENH.BV", 280, null, null], ["YTCS.TY_LE_XA_DAT_TCQG", 83.9, 26, 31],
    ].sort());
  });

  it("A_change_made_on_the_server_after_the_pull_shows_as_a_conflict_and_keeping_theirs_writes_it_into_the_sheet", async () => {
    const sheet = "SD 2021-Q1";
    const beds = await cellOf(sheet, "KCB.GIUONG_BENH", "F");
    const { etag } = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
    const changed = await api("/api/units/SD/periods/2021-Q1/values", {
      method: "POST", headers: { "If-Match": etag },
      body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH", value: 430 }] }),
    });
    expect(changed.status).toBe(200);
    await type(sheet, beds, 425);
    await page.click("#pushButton");
    await page.waitForSelector("#conflict:not([hidden])");
    const conflict = await page.textContent("#conflict");
    expect(conflict).toContain("Tổng số giường bệnh trong huyện");
    expect(conflict).toContain("430");
    expect(conflict).toContain("425");
    await shot("5-conflict.png");

    await page.click("#conflict button.secondary");
    await expect.poll(() => page.textContent("#message")).toContain("Đã lấy số liệu máy chủ");
    expect(await cell(sheet, beds)).toMatchObject({ value: 430, fill: "#DDEBF7" });
    await page.click("#language");
    await expect.poll(() => page.textContent("#draft")).toContain("Everything has been sent");
    await shot("6-kept-theirs-english.png");
  });

  it("The_attainment_form_is_written_as_a_read_only_table_of_the_server_evaluation", async () => {
    await page.click("#language");
    await expect.poll(() => page.textContent("#language")).toBe("English");
    await page.selectOption("#formKind", "attainment");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã ghi bảng");
    const table = await page.evaluate(() => window.workbook.sheets.find((s) => s.name.startsWith("Đánh giá SD"))!.grid(10));
    expect(table[2]).toEqual(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "% so với KH", "So với cùng kỳ", "Đánh giá", "Ghi chú"]);
    const beds = table.find((r) => r[1] === "Tổng số giường bệnh trong huyện")!;
    expect(beds.slice(3, 5)).toEqual(["420", 430]);
    expect(String(beds[8])).not.toBe("");
    await page.selectOption("#formKind", "entry");
  });

  it("HEALTH_functions_read_the_stored_values_through_one_lookup", async () => {
    const results = await page.evaluate(() => Promise.all([
      window.customFunctions.VALUE!("KCB.GIUONG_BENH", "SD", "2021-Q1"),
      window.customFunctions.VALUE!("YTCS.TY_LE_XA_DAT_TCQG", "SD", "2021-Q1"),
      window.customFunctions.TARGET!("KCB.GIUONG_BENH", "SD", 2021),
    ]));
    expect(results.map(Number)).toEqual([430, 83.9, 420]);
  });

  it("The_province_pulls_the_consolidated_matrix_and_sees_who_has_not_reported", async () => {
    await page.click("#disconnectButton");
    await page.fill("#apiKey", keyOf("tq-syt"));
    await page.click("#connectButton");
    await page.waitForSelector("#province:not([hidden])");
    await page.waitForSelector('#period option[value="2021-Q1"]', { state: "attached" });
    await page.selectOption("#unit", "TQ");
    await page.selectOption("#period", "2021-Q1");
    await page.click("#consolidatedButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã ghi bảng");
    const matrix = await page.evaluate(() => {
      const sheet = window.workbook.sheets.find((s) => s.name.startsWith("Tổng hợp TQ"))!;
      return sheet.grid(6);
    });
    const header = matrix[2]!;
    expect(header.slice(0, 3)).toEqual(["TT", "Chỉ tiêu", "Đơn vị tính"]);
    const sdColumn = header.indexOf("Huyện Sơn Dương");
    expect(sdColumn).toBeGreaterThan(2);
    const bedsRow = matrix.find((r) => r[1] === "Tổng số giường bệnh trong huyện")!;
    expect(bedsRow[sdColumn]).toBe(430);
    await page.click("#missingButton");
    await page.waitForSelector("#missingButton:not([disabled])");
    // Sơn Dương, Tuyên Quang's only district in 2021, has reported.
    expect(await page.textContent("#missing")).toContain("Tất cả đơn vị đã báo cáo");
    await shot("7-province.png");
    await sheetShot(await page.evaluate(() => window.workbook.sheets.find((s) => s.name.startsWith("Tổng hợp TQ"))!.name), "7b-province-sheet.png", 25);
  });
});
