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
/** The pushes and reads of Sơn Dương's 2021-Q1 values, for the steps that put a failing gateway in between. */
const q1Values = (url: URL) => url.pathname.endsWith("/api/units/SD/periods/2021-Q1/values");
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

    await page.click("#conflict button.keep-theirs");
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

  it("A_push_answered_by_a_502_after_the_server_saved_is_retried_with_the_same_key_and_applied_once", async () => {
    const sheet = "SD 2021-Q1";
    const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
    const before = (await api("/api/units/SD/periods/2021-Q1/values")).body;
    // A gateway between the pane and the server: the first push reaches the server, its answer is lost as a 502.
    const keys: string[] = [];
    let failed = false;
    await page.route(q1Values, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      keys.push((await route.request().headerValue("idempotency-key")) ?? "");
      if (failed) return route.continue();
      failed = true;
      await route.fetch();
      await route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" });
    });
    await type(sheet, visits, 265000);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#message")).toContain("đang gửi lại lần 2");
    await shot("6b-retrying.png");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
    await page.unroute(q1Values);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const after = (await api("/api/units/SD/periods/2021-Q1/values")).body;
    expect(after.version).toBe(Number(before.version) + 1);
    expect(await page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
    await shot("6c-retried-sent.png");
  });

  it("With_the_server_down_the_pane_says_so_plainly_and_keeps_the_figures", async () => {
    const sheet = "SD 2021-Q1";
    await page.route(q1Values, (route) =>
      route.request().method() === "POST" ? route.fulfill({ status: 500, body: "" }) : route.continue());
    await type(sheet, await cellOf(sheet, "KCB.LUOT_KHAM", "F"), 266000);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#message"), { timeout: 30_000 }).toContain("Không kết nối được máy chủ");
    const message = await page.textContent("#message");
    expect(message).not.toMatch(/\b[45]\d\d\b|X-Api-Key/);
    await shot("6d-server-down.png");
    await page.unroute(q1Values);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
  });

  it("The_district_submits_its_form_from_the_pane_and_the_sheet_shows_the_status_and_deadline", async () => {
    const sheet = "SD 2021-Q1";
    await page.waitForSelector("#submitButton:not([hidden])");
    expect(await page.textContent("#workflowStatus")).toContain("Đang nhập");
    await page.click("#submitButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã nộp báo cáo");
    expect(await page.textContent("#workflowStatus")).toContain("Đã gửi");
    expect(await page.textContent("#workflowStatus")).toMatch(/hạn nộp \d\d\/\d\d\/2021/);
    expect(String((await cell(sheet, "C3")).value)).toMatch(/^Trạng thái: Đã gửi · Hạn nộp: \d\d\/\d\d\/2021 · Khóa sổ: /);
    expect((await api("/api/units/SD/periods/2021-Q1/status")).body.status).toBe("Submitted");
    expect(await page.isHidden("#submitButton")).toBe(true);
    await shot("6e-submitted.png");
    await sheetShot(sheet, "6f-submitted-sheet.png", 12);
  });

  it("Refreshing_a_pulled_form_updates_its_own_sheet_and_keeps_unsent_edits_marked", async () => {
    const sheet = "SD 2021-Q1";
    const sheetsBefore = await page.evaluate(() => window.workbook.sheets.map((s) => s.name));
    const visitsNote = await cellOf(sheet, "KCB.LUOT_KHAM", "I");
    const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
    const { etag } = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
    expect((await api("/api/units/SD/periods/2021-Q1/values", {
      method: "POST", headers: { "If-Match": etag },
      body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 140 }] }),
    })).status).toBe(200);
    await type(sheet, visitsNote, "ước tính");
    await page.selectOption("#formKind", "entry");
    await page.selectOption("#unit", "SD");
    await page.selectOption("#period", "2021-Q1");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã cập nhật SD 2021-Q1");
    expect(await page.evaluate(() => window.workbook.sheets.map((s) => s.name))).toEqual(sheetsBefore);
    expect(await cell(sheet, communeBeds)).toMatchObject({ value: 140, fill: "#DDEBF7" });
    expect(await cell(sheet, visitsNote)).toMatchObject({ value: "ước tính", fill: "#FFF2CC" });
    expect(await page.textContent("#draft")).toContain("Chưa gửi: 1 chỉ tiêu");
    await shot("8-refreshed.png");
    await sheetShot(sheet, "8b-refreshed-sheet.png", 20);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
  });

  it("A_conflict_is_merged_per_cell_the_untouched_cell_updates_silently_and_only_the_kept_cell_is_sent", async () => {
    const sheet = "SD 2021-Q1";
    const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
    const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
    const hospitalNote = await cellOf(sheet, "KCB.GIUONG_BENH.BV", "I");
    const { etag } = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
    expect((await api("/api/units/SD/periods/2021-Q1/values", {
      method: "POST", headers: { "If-Match": etag },
      body: JSON.stringify({ values: [{ indicatorCode: "KCB.LUOT_KHAM", value: 270000 }, { indicatorCode: "KCB.GIUONG_BENH.TYT", value: 145 },
        { indicatorCode: "KCB.GIUONG_BENH.BV", value: 280, note: "theo báo cáo bệnh viện" }] }),
    })).status).toBe(200);
    await type(sheet, visits, 268000);
    await type(sheet, communeBeds, 142);
    const posted: unknown[] = [];
    const record = (request: import("playwright-core").Request) => {
      if (request.method() === "POST" && q1Values(new URL(request.url()))) posted.push(request.postDataJSON());
    };
    page.on("request", record);
    await page.click("#pushButton");
    await page.waitForSelector("#conflict:not([hidden])");
    const rows = await page.$$eval("#conflict tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim())));
    expect(rows).toEqual([
      [communeBeds, "Giường trạm Y tế (Thực hiện)", "145", "142"],
      [visits, "Số lượt người khám, chữa bệnh (Thực hiện)", "270.000", "268.000"],
    ]);
    // Only the server changed the hospital beds' note, and dropped the visits' note ("ước tính") when it resent that row.
    expect(await page.textContent("#conflict")).toContain("2 ô chỉ máy chủ thay đổi");
    expect((await cell(sheet, visits.replace("F", "I"))).value).toBe("");
    expect((await cell(sheet, hospitalNote)).value).toBe("theo báo cáo bệnh viện");
    await shot("9-merge.png");
    await page.check('#conflict input[name="choice-0"][value="mine"]');
    await page.check('#conflict input[name="choice-1"][value="theirs"]');
    await page.click("#conflict button.apply");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
    page.off("request", record);
    expect(posted).toEqual([
      { values: [expect.objectContaining({ indicatorCode: "KCB.GIUONG_BENH.TYT" }), expect.objectContaining({ indicatorCode: "KCB.LUOT_KHAM" })] },
      { values: [expect.objectContaining({ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 142 })] },
    ]);
    const stored = new Map(((await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string; value: number; note: string | null }[])
      .map((v) => [v.indicatorCode, v]));
    expect([Number(stored.get("KCB.LUOT_KHAM")?.value), Number(stored.get("KCB.GIUONG_BENH.TYT")?.value), stored.get("KCB.GIUONG_BENH.BV")?.note])
      .toEqual([270000, 142, "theo báo cáo bệnh viện"]);
    expect((await cell(sheet, visits)).value).toBe(270000);
    await shot("9b-merged.png");
  });

  it("Clearing_a_sent_cell_removes_the_figure_on_the_server_and_the_summary_says_so", async () => {
    const sheet = "SD 2021-Q1";
    const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
    await type(sheet, communeBeds, "");
    await expect.poll(() => page.textContent("#draft")).toContain("Chưa gửi: 1 chỉ tiêu");
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("1 xóa");
    const stored = (await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string }[];
    expect(stored.map((v) => v.indicatorCode)).not.toContain("KCB.GIUONG_BENH.TYT");
    expect(await page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
    await shot("9c-cleared.png");
  });

  it("A_value_a_factor_of_1000_off_the_plan_is_held_back_until_the_user_confirms_or_fixes_it", async () => {
    const sheet = "SD 2021-Q1";
    const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
    expect((await page.evaluate(([s, a]) => window.workbook.sheet(s!).at(a!).numberFormat, [sheet, visits]))).toBe("#,##0");
    const before = (await api("/api/units/SD/periods/2021-Q1/values")).body.version;
    // "260.000" read as 260 under other regional settings: the plan is 260.000.
    await type(sheet, visits, 260);
    await page.click("#pushButton");
    await page.waitForSelector("#scale:not([hidden])");
    expect(await page.textContent("#scale")).toContain(`${visits} Số lượt người khám, chữa bệnh: 260`);
    expect(await page.textContent("#scale")).toContain("lệch khoảng 1.000 lần");
    expect((await api("/api/units/SD/periods/2021-Q1/values")).body.version).toBe(before);
    await shot("9d-scale-warning.png");
    await type(sheet, visits, 260000);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
    expect(await page.isHidden("#scale")).toBe(true);
  });

  it("An_inserted_column_is_mapped_by_its_header_and_a_deleted_row_is_refused_without_writing", async () => {
    const sheet = "SD 2021-Q1";
    const visitsRow = Number((await cellOf(sheet, "KCB.LUOT_KHAM", "F")).slice(1));
    // A column inserted before "Kế hoạch năm": "Thực hiện" moves from F to G.
    await page.evaluate(([s]) => { const ws = window.workbook.sheet(s!); ws.shift("column", 4, 1); ws.cell(6, 4).value = "Người nhập"; }, [sheet]);
    await type(sheet, `G${visitsRow}`, 271000);
    await page.click("#pushButton");
    const storedVisits = async () => Number(((await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string; value: number }[])
      .find((v) => v.indicatorCode === "KCB.LUOT_KHAM")?.value);
    await expect.poll(storedVisits).toBe(271000);
    await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
    await sheetShot(sheet, "13-inserted-column-sheet.png", 20);

    // A row deleted: the form no longer maps, so nothing is sent and the pane says which indicator is gone.
    const bedsRow = Number((await cellOf(sheet, "KCB.GIUONG_BENH.BV", "G")).slice(1)) - 1;
    const before = (await api("/api/units/SD/periods/2021-Q1/values")).body.version;
    await page.evaluate(([s, r]) => {
      const ws = window.workbook.sheet(s!);
      (window as unknown as { deletedRow: unknown }).deletedRow = [...ws.cells].filter(([k]) => k.startsWith(`${r}:`));
      ws.shift("row", Number(r), -1);
    }, [sheet, String(bedsRow)]);
    await type(sheet, `G${visitsRow - 1}`, 272000);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#message")).toContain("Không còn dòng của 1 chỉ tiêu");
    expect(await page.textContent("#message")).toContain("không có gì được ghi");
    expect((await api("/api/units/SD/periods/2021-Q1/values")).body.version).toBe(before);
    await shot("13b-deleted-row-refused.png");

    // Undone: the row is back and the form maps again.
    await page.evaluate(([s, r]) => {
      const ws = window.workbook.sheet(s!);
      ws.shift("row", Number(r), 1);
      for (const [k, c] of (window as unknown as { deletedRow: [string, never][] }).deletedRow) ws.cells.set(k, c);
    }, [sheet, String(bedsRow)]);
    await page.click("#pushButton");
    await expect.poll(storedVisits).toBe(272000);
    await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
  });

  it("The_ribbon_commands_are_associated_and_refresh_all_updates_every_form_of_the_workbook", async () => {
    expect(Object.keys(await page.evaluate(() => window.commands)).sort()).toEqual(["refreshAllForms", "refreshForm", "sendForm", "submitForm"]);
    await page.selectOption("#formKind", "entry");
    await page.selectOption("#unit", "SD");
    await page.selectOption("#period", "2021-Q2");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã lấy biểu SD 2021-Q2");
    const q1 = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
    expect((await api("/api/units/SD/periods/2021-Q1/values", { method: "POST", headers: { "If-Match": q1.etag },
      body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 141 }] }) })).status).toBe(200);
    expect((await api("/api/units/SD/periods/2021-Q2/values", { method: "POST",
      body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 139 }] }) })).status).toBe(200);

    await page.evaluate(() => new Promise<void>((resolve) => void window.commands.refreshAllForms!({ completed: resolve })));
    expect(await page.textContent("#message")).toContain("Đã cập nhật 2 biểu");
    expect((await cell("SD 2021-Q1", await cellOf("SD 2021-Q1", "KCB.GIUONG_BENH.TYT", "G"))).value).toBe(141);
    expect((await cell("SD 2021-Q2", await cellOf("SD 2021-Q2", "KCB.GIUONG_BENH.TYT", "F"))).value).toBe(139);
    expect(await page.evaluate(() => window.workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("SD 2021")))).toEqual(["SD 2021-Q1", "SD 2021-Q2"]);
    await shot("14-refreshed-all.png");
    await page.selectOption("#period", "2021-Q1");
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

describe("province workflow", () => {
  it("The_province_returns_the_submitted_form_with_a_reason_the_district_sees_it_and_resubmits_and_the_province_approves", async () => {
    const sheet = "SD 2021-Q1";
    await page.selectOption("#formKind", "entry");
    await page.selectOption("#unit", "SD");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã cập nhật SD 2021-Q1");
    await page.waitForSelector("#approveButton:not([hidden])");
    expect(await page.textContent("#workflowStatus")).toContain("Đã gửi");
    expect(await page.isHidden("#submitButton")).toBe(true);
    await page.click("#returnButton");
    await expect.poll(() => page.textContent("#message")).toContain("Hãy ghi lý do trả lại");
    await page.fill("#returnReason", "Thiếu số liệu tiêm chủng");
    await page.click("#returnButton");
    await expect.poll(() => page.textContent("#workflowStatus")).toContain("Lý do trả lại: Thiếu số liệu tiêm chủng");
    expect(String((await cell(sheet, "C3")).value)).toContain("Trạng thái: Trả lại");
    expect(String((await cell(sheet, "C3")).value)).toContain("Lý do trả lại: Thiếu số liệu tiêm chủng");
    await shot("10-returned.png");

    await page.click("#disconnectButton");
    expect(await page.textContent("#summary")).toBe("");
    await page.fill("#apiKey", districtKey);
    await page.click("#connectButton");
    await page.waitForSelector("#submitButton:not([hidden])");
    expect(await page.textContent("#workflowStatus")).toContain("Thiếu số liệu tiêm chủng");
    await page.click("#submitButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã nộp báo cáo");
    await shot("11-resubmitted.png");

    await page.click("#disconnectButton");
    await page.fill("#apiKey", keyOf("tq-syt"));
    await page.click("#connectButton");
    await page.waitForSelector("#approveButton:not([hidden])");
    await page.click("#approveButton");
    await expect.poll(() => page.textContent("#workflowStatus")).toContain("Đã duyệt");
    expect((await api("/api/units/SD/periods/2021-Q1/status")).body.status).toBe("Approved");
    expect(String((await cell(sheet, "C3")).value)).toContain("Trạng thái: Đã duyệt");
    expect(await page.isHidden("#approveButton")).toBe(true);
    await shot("12-approved.png");
    await sheetShot(sheet, "12b-approved-sheet.png", 12);
  });
});
