import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../src/api/client";
import { readFormStore, type FormState } from "../src/excel/formStore";
import { Fill } from "../src/excel/style";
import { forgetWatches, watchForms } from "../src/excel/watchForms";
import { refreshEditMarks } from "../src/excel/markCells";
import { resolveConflict } from "../src/forms/conflict";
import { pullOrRefresh, refreshForm } from "../src/forms/merge";
import { draftOf, recoverDrafts } from "../src/forms/drafts";
import { pullForm } from "../src/forms/pull";
import { pushForm, rejectedCells } from "../src/forms/push";
import { FakeWorkbook } from "./support/fakeWorkbook";
import { freshBench, sonDuongQ1 } from "./support/formBench";
import { MemoryServer } from "./support/memoryServer";

// Body rows start at Excel row 8: group I (8), GIUONG (9), GIUONG_BV (10), group II (11),
// XA_CHUAN (12, with numerator G and denominator H), BV_MUC (13). Column A holds the codes.
const choice = sonDuongQ1;

let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => ({ wb, server, api } = freshBench()));

const sheetOf = (form: FormState) => wb.sheet(form.sheetId);
const posts = () => server.requests.filter((r) => r.method === "POST");

describe("pull", () => {
  it("Pull_writes_the_annex_layout_with_inputs_unlocked_codes_hidden_and_values_filled", async () => {
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: "cũ" });
    const form = await pullForm(api, choice);
    const sheet = sheetOf(form);
    expect(sheet.name).toBe("SD 2021-Q1");
    expect(sheet.grid(9)[6]).toEqual(["Mã", "TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021", "Thực hiện", "Tử số", "Mẫu số", "Ghi chú"]);
    expect(sheet.at("A1").value).toBe("");
    expect(sheet.at("B1").value).toBe("SỞ Y TẾ TUYÊN QUANG");
    expect(sheet.at("F1").value).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(sheet.grid(9).slice(7, 13).map((r) => r.slice(0, 6))).toEqual([
      ["", "I", "KHÁM CHỮA BỆNH", "", "", ""],
      ["GIUONG", 1, "Tổng số giường bệnh", "giường", "420", 400],
      ["GIUONG_BV", "-", "Trong đó: giường bệnh viện", "giường", "", ""],
      ["", "II", "Y TẾ DỰ PHÒNG", "", "", ""],
      ["XA_CHUAN", 1, "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "%", "", ""],
      ["BV_MUC", 2, "Bệnh viện đạt mức chất lượng", "mức", "", ""],
    ]);
    expect(sheet.at("I9").value).toBe("cũ");
    expect(sheet.hiddenColumns.has(0)).toBe(true);
    expect(sheet.protected).toBe(true);
    // Inputs: value and note everywhere, numerator and denominator only for the percentage.
    expect(["F9", "I9", "F12", "G12", "H12", "I12"].map((a) => sheet.at(a).locked)).toEqual([false, false, false, false, false, false]);
    expect(["C9", "E9", "G9", "H9", "F8", "A9"].map((a) => sheet.at(a).locked)).toEqual([true, true, true, true, true, true]);
    expect(sheet.at("F9").fill).toBe(Fill.input);
    expect(wb.calculationMode).toBe("Automatic");
  });

  it("Pull_lists_the_unit_s_indicator_set_for_the_year_not_the_whole_catalog", async () => {
    server.indicators = server.indicators.filter((i) => i.code.startsWith("GIUONG"));
    const form = await pullForm(api, choice);
    expect(server.requests.some((r) => r.url === "/api/units/SD/indicators?year=2021")).toBe(true);
    expect(server.requests.some((r) => r.url === "/api/indicators")).toBe(false);
    expect(form.rows.map((r) => r.code)).toEqual(["GIUONG", "GIUONG_BV"]);
  });

  it("Pull_remembers_the_etag_in_the_workbook", async () => {
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: null });
    const form = await pullForm(api, choice);
    const store = await readFormStore();
    expect(store.forms[form.sheetId]?.etag).toBe('"1"');
    expect(store.forms[form.sheetId]?.sent).toEqual([{ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: null }]);
    expect(wb.parts).toHaveLength(1);
  });

  it("Pulling_a_form_the_workbook_already_holds_refreshes_its_sheet_instead_of_making_a_copy", async () => {
    const first = await pullOrRefresh(api, choice);
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: null });
    const second = await pullOrRefresh(api, choice);
    expect([first.refreshed, second.refreshed]).toEqual([false, true]);
    expect(second.form.sheetId).toBe(first.form.sheetId);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "SD 2021-Q1"]);
    expect(sheetOf(second.form).at("F9").value).toBe(400);
    // Another period is another form, in its own sheet.
    await pullOrRefresh(api, { ...choice, period: { code: "2021-Q2", label: "Quý II/2021", kind: "Quarter" } });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "SD 2021-Q1", "SD 2021-Q2"]);
  });
});

describe("push", () => {
  it("Push_sends_one_batch_with_if_match_and_an_idempotency_key_and_returns_the_summary", async () => {
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: null });
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "F12", 83.9);
    await wb.type(form.sheetName, "G12", 26);
    await wb.type(form.sheetName, "H12", "31");
    const { outcome, form: after } = await pushForm(api, form, () => "key-1");
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!;
    expect(post.url).toBe("/api/units/SD/periods/2021-Q1/values?dryRun=false");
    expect(post.headers["if-match"]).toBe('"1"');
    expect(post.headers["idempotency-key"]).toBe("key-1");
    expect(post.headers["x-api-key"]).toBe("dev-key");
    expect(post.body).toEqual({ values: [
      { indicatorCode: "GIUONG", value: 420, numerator: null, denominator: null, note: null },
      { indicatorCode: "XA_CHUAN", value: 83.9, numerator: 26, denominator: 31, note: null },
    ] });
    expect(outcome).toMatchObject({ kind: "sent", summary: { imported: 1, updated: 1, version: 2 } });
    expect(after.etag).toBe('"2"');
    expect(after.pending).toBeNull();
    expect(sheetOf(after).at("F9").fill).toBe(Fill.input);
    // HEALTH.* formulas read the server: recalculated once it holds the new values.
    expect(wb.recalculations).toEqual(["Full"]);
  });

  it("Rejected_cells_are_filled_red_with_a_note_giving_the_reason_and_the_first_is_selected", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "F10", -5);
    await wb.type(form.sheetName, "F13", -1);
    const { outcome, form: after } = await pushForm(api, form);
    expect(outcome.kind).toBe("rejected");
    const sheet = sheetOf(after);
    expect(sheet.at("F10").fill).toBe(Fill.rejected);
    expect(sheet.at("F13").fill).toBe(Fill.rejected);
    expect(sheet.notes.get("F10")).toBe("Số liệu không được âm\nThe value must not be negative");
    expect(wb.selection).toEqual({ sheet: form.sheetName, address: "F10" });
    expect(server.values.size).toBe(0);
    expect(sheet.protected).toBe(true);

    // Fixed and pushed again: the marks and notes go away.
    await wb.type(form.sheetName, "F10", 280);
    await wb.type(form.sheetName, "F13", 3);
    const again = await pushForm(api, after);
    expect(again.outcome.kind).toBe("sent");
    expect(sheet.at("F10").fill).toBe(Fill.input);
    expect(sheet.notes.size).toBe(0);
  });

  it("Where_the_host_has_no_notes_a_rejected_cell_is_still_marked_red_without_a_note", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_: string, version: string) => version !== "1.18" } } };
    try {
      const form = await pullForm(api, choice);
      await wb.type(form.sheetName, "F10", -5);
      const { outcome, form: after } = await pushForm(api, form);
      expect(outcome.kind).toBe("rejected");
      expect(sheetOf(after).at("F10").fill).toBe(Fill.rejected);
      expect(sheetOf(after).notes.size).toBe(0);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("A_finding_goes_to_its_indicator_row_and_field_and_one_about_the_whole_form_marks_no_cell", async () => {
    const form = await pullForm(api, choice);
    const batch = [{ indicatorCode: "XA_CHUAN", value: 83.9, numerator: 26, denominator: 0, note: null }];
    const finding = (row: number | null, indicatorCode: string, field: string) => ({ row, indicatorCode, field, messageVi: "vi", messageEn: "en" });
    expect(rejectedCells(form, batch, [
      finding(0, "XA_CHUAN", "denominator"), finding(0, "", "value"), finding(null, "", "period"), finding(0, "GIUONG", "numerator"),
    ])).toEqual([
      { row: 4, column: 7, message: "vi\nen" },
      { row: 4, column: 5, message: "vi\nen" },
      // A count has no numerator cell: the finding goes to its value.
      { row: 1, column: 5, message: "vi\nen" },
    ]);
  });

  it("Text_that_is_not_a_number_is_marked_and_nothing_is_sent", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", "bốn trăm");
    await wb.type(form.sheetName, "F12", "83,9");
    const { outcome } = await pushForm(api, form);
    expect(outcome).toMatchObject({ kind: "invalid", cells: [{ code: "GIUONG", text: "bốn trăm" }] });
    expect(posts()).toHaveLength(0);
    expect(sheetOf(form).at("F9").fill).toBe(Fill.rejected);
    expect(sheetOf(form).notes.get("F9")).toContain("không phải là số");
  });

  it("A_cell_edited_since_the_last_push_is_marked_until_it_is_sent", async () => {
    const form = await pullForm(api, choice);
    let current = form;
    await watchForms([form.sheetId], (_, address) => void refreshEditMarks(current, address));
    await wb.type(form.sheetName, "F9", 420);
    await new Promise((r) => setTimeout(r, 0));
    expect(sheetOf(form).at("F9").fill).toBe(Fill.edited);
    expect(sheetOf(form).at("F12").fill).toBe(Fill.input);
    current = (await pushForm(api, form)).form;
    expect(sheetOf(form).at("F9").fill).toBe(Fill.input);
    // Typing the sent value back again is not an edit.
    await wb.type(form.sheetName, "F9", 420);
    await new Promise((r) => setTimeout(r, 0));
    expect(sheetOf(form).at("F9").fill).toBe(Fill.input);
  });
});

describe("conflict", () => {
  const entry = (indicatorCode: string, value: number | null, note: string | null = null) => ({ indicatorCode, value, numerator: null, denominator: null, note });

  it("Cells_only_the_server_changed_update_silently_and_the_user_changes_are_pushed_on_the_new_version", async () => {
    const form = await pullForm(api, choice);
    server.change(entry("GIUONG_BV", 280));
    await wb.type(form.sheetName, "F9", 420);
    const { outcome, form: after } = await pushForm(api, form);
    expect(outcome.kind).toBe("sent");
    expect(sheetOf(after).at("F10").value).toBe(280);
    const lastPost = posts().at(-1)!;
    expect(lastPost.headers["if-match"]).toBe('"1"');
    // Only the user's row: the colleague's value is not sent back.
    expect(lastPost.body).toEqual({ values: [entry("GIUONG", 420)] });
    expect([server.values.get("GIUONG")?.value, server.values.get("GIUONG_BV")?.value]).toEqual([420, 280]);
  });

  it("A_cell_both_changed_is_listed_with_its_address_and_both_values_and_the_untouched_cells_are_already_updated", async () => {
    server.change(entry("GIUONG", 400));
    const form = await pullForm(api, choice);
    server.change(entry("GIUONG", 410));
    server.change(entry("BV_MUC", 2));
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "I12", "ước tính");
    const { outcome, form: after } = await pushForm(api, form);
    if (outcome.kind !== "conflict") throw new Error(`expected a conflict, got ${outcome.kind}`);
    expect(outcome.conflict.cells).toEqual([
      { code: "GIUONG", name: "Tổng số giường bệnh", field: "value", address: "F9", base: 400, theirs: 410, mine: 420 },
    ]);
    expect(outcome.conflict.taken).toBe(1);
    const sheet = sheetOf(after);
    expect([sheet.at("F9").value, sheet.at("F13").value, sheet.at("I12").value]).toEqual([420, 2, "ước tính"]);
    expect(sheet.at("I12").fill).toBe(Fill.edited);
    expect(after.etag).toBe('"3"');
  });

  it("Choosing_per_cell_writes_theirs_where_chosen_and_pushes_only_the_cells_kept_as_mine", async () => {
    const form = await pullForm(api, choice);
    server.change(entry("GIUONG", 410));
    server.change({ indicatorCode: "XA_CHUAN", value: 80, numerator: 24, denominator: 30, note: null });
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "F12", 83.9);
    const first = await pushForm(api, form);
    if (first.outcome.kind !== "conflict") throw new Error("expected a conflict");
    expect(first.outcome.conflict.cells.map((c) => c.address)).toEqual(["F9", "F12"]);
    const { outcome, form: after } = await resolveConflict(api, first.form, first.outcome.conflict, ["theirs", "mine"]);
    expect(outcome.kind).toBe("sent");
    expect(sheetOf(after).at("F9").value).toBe(410);
    expect(posts().at(-1)?.body).toEqual({ values: [{ indicatorCode: "XA_CHUAN", value: 83.9, numerator: 24, denominator: 30, note: null }] });
    expect(server.values.get("GIUONG")?.value).toBe(410);
  });

  it("Keeping_theirs_in_every_cell_sends_nothing", async () => {
    const form = await pullForm(api, choice);
    server.change(entry("GIUONG", 410));
    await wb.type(form.sheetName, "F9", 420);
    const first = await pushForm(api, form);
    if (first.outcome.kind !== "conflict") throw new Error("expected a conflict");
    const { outcome, form: after } = await resolveConflict(api, first.form, first.outcome.conflict, ["theirs"]);
    expect(outcome.kind).toBe("nothing");
    expect(sheetOf(after).at("F9")).toMatchObject({ value: 410, fill: Fill.input });
    expect(posts()).toHaveLength(1);
  });
});

describe("refresh in place", () => {
  it("Refreshing_updates_the_same_sheet_keeps_unsent_edits_marked_and_takes_the_new_version", async () => {
    const form = await pullForm(api, choice);
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: null });
    await wb.type(form.sheetName, "F10", 280);
    const { form: next } = await refreshForm(api, form);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "SD 2021-Q1"]);
    const sheet = sheetOf(next);
    expect(sheet.at("F9")).toMatchObject({ value: 400, fill: Fill.input });
    expect(sheet.at("F10")).toMatchObject({ value: 280, fill: Fill.edited });
    expect(next.etag).toBe('"1"');
    expect((await readFormStore()).forms[form.sheetId]?.version).toBe(1);
    // A push from the refreshed sheet is not a conflict with one's own earlier push.
    expect((await pushForm(api, next)).outcome.kind).toBe("sent");
  });
});

describe("drafts", () => {
  it("Unsent_values_are_found_again_after_the_workbook_is_reopened", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "I12", "ước tính");
    // A new session: nothing in memory but the workbook itself.
    forgetWatches();
    (globalThis as { Excel?: unknown }).Excel = wb.excel();
    const drafts = await recoverDrafts();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.unsent.map((u) => u.code)).toEqual(["GIUONG", "XA_CHUAN"]);
    expect(sheetOf(form).at("F9").fill).toBe(Fill.edited);
    expect(sheetOf(form).at("I12").fill).toBe(Fill.edited);
  });

  it("A_push_cut_off_by_the_network_is_kept_and_retried_with_the_same_idempotency_key", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    server.offline = true;
    const first = await pushForm(api, form, () => "key-A");
    expect(first.outcome).toEqual({ kind: "offline", unsent: 1 });
    const stored = (await readFormStore()).forms[form.sheetId];
    expect(stored?.pending?.idempotencyKey).toBe("key-A");

    server.offline = false;
    const [draft] = await recoverDrafts();
    expect(draft?.interrupted).toBe(true);
    const second = await pushForm(api, draft!.form, () => "key-B");
    expect(second.outcome.kind).toBe("sent");
    expect(posts().map((p) => p.headers["idempotency-key"])).toEqual(["key-A"]);
  });

  it("The_state_of_a_deleted_form_sheet_is_forgotten", async () => {
    const form = await pullForm(api, choice);
    wb.sheets.splice(wb.sheets.indexOf(wb.sheet(form.sheetId)), 1);
    expect(await recoverDrafts()).toEqual([]);
    expect((await readFormStore()).forms).toEqual({});
  });
});

describe("large forms", () => {
  it("A_large_form_is_written_in_chunks_one_sync_each_with_calculation_and_screen_updating_suspended", async () => {
    server.indicators = Array.from({ length: 600 }, (_, i) => ({
      code: `C${i}`, name: `Chỉ tiêu số ${i} `.padEnd(200, "x"), unit: "lượt", kind: "Count" as const,
      group: "I", groupName: "Khám chữa bệnh", order: i, parentCode: null, ratePer: null,
    }));
    const form = await pullForm(api, choice, 100_000);
    const chunkSyncs = wb.syncs.filter((s) => s.cellsWritten > 0 && s.calculationSuspended && s.screenSuspended);
    expect(chunkSyncs.length).toBeGreaterThan(3);
    // Each chunk: at most the rows that fit the budget, every one written with calculation manual.
    expect(Math.max(...chunkSyncs.map((s) => s.cellsWritten))).toBeLessThanOrEqual(9 * Math.ceil(100_000 / 1000));
    expect(chunkSyncs.every((s) => s.calculationMode === "Manual")).toBe(true);
    // The heading (7 rows) goes with the first chunk; the body is 1 group row and 600 indicators.
    expect(chunkSyncs.reduce((n, s) => n + s.cellsWritten, 0)).toBe(9 * (7 + 601));
    expect(sheetOf(form).at(`A${8 + 600}`).value).toBe("C599");
    expect(wb.calculationMode).toBe("Automatic");
  });
});

describe("corrections", () => {
  it("Clearing_a_pushed_cell_sends_a_removal_and_the_server_no_longer_holds_the_figure", async () => {
    server.change({ indicatorCode: "GIUONG", value: 400, numerator: null, denominator: null, note: "cũ" });
    server.change({ indicatorCode: "BV_MUC", value: 2, numerator: null, denominator: null, note: null });
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", "");
    const { outcome, form: after } = await pushForm(api, form);
    expect(outcome).toMatchObject({ kind: "sent", summary: { removed: 1, imported: 0, updated: 0 } });
    // The note goes with the figure it explained.
    expect(posts().at(-1)?.body).toEqual({ values: [{ indicatorCode: "GIUONG", value: null, numerator: null, denominator: null, note: null }] });
    expect([...server.values.keys()]).toEqual(["BV_MUC"]);
    expect(after.sent.map((e) => e.indicatorCode)).toEqual(["BV_MUC"]);
    expect(sheetOf(after).at("I9").value).toBe("");
    expect((await draftOf(after)).unsent).toEqual([]);
  });
});
