import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchema, schemaFile } from "../../scripts/generate-api.mjs";
import { api, cell, cellOf, choose, districtKey, keyOf, page, paneUrl, serverUrl, sheetShot, shot, type, useStack } from "./session";
import * as look from "./look";
import * as plan from "./plan";
import * as steps from "./steps";

// The whole path a district user takes: the built task pane in headless Chromium (Excel provided
// by the office-addin-mock workbook), the real server, a real Azurite with the seeded catalog.
// The steps run in order on one workbook; the later ones are in steps.ts.

useStack();
// Each step drives the pane through a whole scenario, on a machine that may be busy: a guard, not a target.
const stepTimeout = 120_000;

describe("end to end", () => {
  it("The_committed_api_types_are_what_the_server_openapi_document_generates", async () => {
    const served = await generateSchema(`${serverUrl}/openapi/v1.json`);
    expect(readFileSync(schemaFile, "utf8"), "src/api/schema.d.ts is stale: run npm run generate:api against the server").toBe(served);
  });

  it("A_district_user_pulls_a_form_edits_pushes_sees_a_rejected_row_fixes_it_and_the_server_stores_the_values", async () => {
    const before = (await api("/api/units/SD/periods/2021-Q1/values")).body;
    await page.goto(paneUrl);
    expect(await page.evaluate(() => window.registeredFunctions)).toEqual(["VALUE", "TARGET", "ATTAINMENT"]);
    await page.fill("#apiKey input", districtKey);
    await page.click("#connectButton");
    await page.waitForSelector("#choose:not([hidden])");
    await expect.poll(() => page.textContent("#whoami")).toContain("cán bộ huyện, đơn vị SD");
    await page.fill("#year input", "2021");
    await page.press("#year input", "Tab");
    await page.waitForSelector('#period fluent-option[value="2021-Q1"]', { state: "attached" });
    await choose("#unit", "SD");
    await choose("#period", "2021-Q1");
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

    await page.click("#conflict .keep-theirs");
    await expect.poll(() => page.textContent("#message")).toContain("Đã lấy số liệu máy chủ");
    expect(await cell(sheet, beds)).toMatchObject({ value: 430, fill: "#DDEBF7" });
    await page.click("#language");
    await expect.poll(() => page.textContent("#draft")).toContain("Everything has been sent");
    await shot("6-kept-theirs-english.png");
  });

  it("The_attainment_form_is_written_as_a_read_only_table_of_the_server_evaluation", async () => {
    await page.click("#language");
    await expect.poll(() => page.textContent("#language")).toBe("English");
    await choose("#formKind", "attainment");
    await page.click("#pullButton");
    await expect.poll(() => page.textContent("#message")).toContain("Đã ghi bảng");
    const table = await page.evaluate(() => window.workbook.sheets.find((s) => s.name.startsWith("Đánh giá SD"))!.grid(10));
    expect(table[2]).toEqual(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "% so với KH", "So với cùng kỳ", "Đánh giá", "Ghi chú"]);
    const beds = table.find((r) => r[1] === "Tổng số giường bệnh trong huyện")!;
    expect(beds.slice(3, 5)).toEqual(["420", 430]);
    expect(String(beds[8])).not.toBe("");
    await choose("#formKind", "entry");
  });

  it("The_attainment_table_is_drawn_as_a_native_chart_of_percent_of_plan_that_a_second_insert_replaces", look.attainmentChart, stepTimeout);

  it("HEALTH_functions_read_the_stored_values_through_one_lookup", async () => {
    const results = await page.evaluate(() => Promise.all([
      window.customFunctions.VALUE!("KCB.GIUONG_BENH", "SD", "2021-Q1"),
      window.customFunctions.VALUE!("YTCS.TY_LE_XA_DAT_TCQG", "SD", "2021-Q1"),
      window.customFunctions.TARGET!("KCB.GIUONG_BENH", "SD", 2021),
    ]));
    expect(results.map(Number)).toEqual([430, 83.9, 420]);
  });

  it("A_push_answered_by_a_502_after_the_server_saved_is_retried_with_the_same_key_and_applied_once", steps.retriedAfter502, stepTimeout);

  it("With_the_server_down_the_pane_says_so_plainly_and_keeps_the_figures", steps.serverDown, stepTimeout);

  it("The_district_submits_its_form_from_the_pane_and_the_sheet_shows_the_status_and_deadline", steps.districtSubmits, stepTimeout);

  it("Refreshing_a_pulled_form_updates_its_own_sheet_and_keeps_unsent_edits_marked", steps.refreshInPlace, stepTimeout);

  it("A_conflict_is_merged_per_cell_the_untouched_cell_updates_silently_and_only_the_kept_cell_is_sent", steps.mergePerCell, stepTimeout);

  it("Clearing_a_sent_cell_removes_the_figure_on_the_server_and_the_summary_says_so", steps.clearValue, stepTimeout);

  it("A_value_a_factor_of_1000_off_the_plan_is_held_back_until_the_user_confirms_or_fixes_it", steps.scaleWarning, stepTimeout);

  it("An_inserted_column_is_mapped_by_its_header_and_a_deleted_row_is_refused_without_writing", steps.layoutChanges, stepTimeout);

  it("The_ribbon_commands_are_associated_and_refresh_all_updates_every_form_of_the_workbook", steps.ribbonRefreshAll, stepTimeout);

  it("The_province_pulls_the_consolidated_matrix_and_sees_who_has_not_reported", async () => {
    await page.click("#disconnectButton");
    await page.fill("#apiKey input", keyOf("tq-syt"));
    await page.click("#connectButton");
    await page.waitForSelector("#province:not([hidden])");
    await page.waitForSelector('#period fluent-option[value="2021-Q1"]', { state: "attached" });
    await choose("#unit", "TQ");
    await choose("#period", "2021-Q1");
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

  it("The_province_charts_one_indicator_across_its_districts_against_their_targets_and_a_refresh_draws_it_again", look.matrixChart, stepTimeout);

  it("The_pane_follows_the_Office_theme_light_and_dark_and_axe_finds_no_serious_violation_in_either", look.themesAndAccessibility, stepTimeout);
});

describe("province workflow", () => {
  it("The_province_returns_the_submitted_form_with_a_reason_the_district_sees_it_and_resubmits_and_the_province_approves", steps.provinceReturnsAndApproves, stepTimeout);
});

describe("plan from the sheet", () => {
  it("An_administrator_previews_a_plan_typed_on_a_sheet_without_writing_then_stores_it", plan.adminPushesPlanFromSheet, stepTimeout);
});
