import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../src/api/client";
import { pullForm } from "../src/forms/pull";
import { findScaleSuspects, misreadFactor } from "../src/forms/scale";
import { FakeWorkbook } from "./support/fakeWorkbook";
import { freshBench, sonDuongQ1 } from "./support/formBench";
import { MemoryServer } from "./support/memoryServer";

// Body rows start at Excel row 8: GIUONG (9, plan 420), GIUONG_BV (10), XA_CHUAN (12, a percentage with parts), BV_MUC (13).
const choice = sonDuongQ1;
let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => ({ wb, server, api } = freshBench()));

describe("numbers", () => {
  it("A_value_a_factor_of_100_or_1000_off_its_reference_is_suspect_and_an_ordinary_change_is_not", () => {
    expect(misreadFactor(0.962, 96)).toBe(100);
    expect(misreadFactor(260, 260_000)).toBe(1000);
    expect(misreadFactor(96_200, 96)).toBe(1 / 1000);
    expect([misreadFactor(96.2, 96), misreadFactor(265_000, 260_000), misreadFactor(26_000, 260_000), misreadFactor(0, 96), misreadFactor(5, 0)])
      .toEqual([null, null, null, null, null]);
  });

  it("Input_cells_carry_a_number_format_of_their_kind_and_a_validation_refusing_text", async () => {
    const form = await pullForm(api, choice);
    const sheet = wb.sheet(form.sheetId);
    expect(["F9", "F12", "G12", "H12", "I12", "C9"].map((a) => sheet.at(a).numberFormat)).toEqual(["#,##0", "#,##0.0##", "#,##0", "#,##0", "@", "@"]);
    expect(sheet.at("F9").validation).toMatchObject({
      rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      errorAlert: { showAlert: true, style: "Stop" },
    });
    expect(sheet.at("H12").validation).not.toBeNull();
    expect(sheet.at("I12").validation).toBeNull();
  });

  it("Values_misread_by_regional_settings_are_found_against_the_plan_or_the_value_sent_before", async () => {
    server.change({ indicatorCode: "XA_CHUAN", value: 96, numerator: 24, denominator: 25, note: null });
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 0.42);
    await wb.type(form.sheetName, "F12", 0.962);
    await wb.type(form.sheetName, "F10", 280);
    expect(await findScaleSuspects(form)).toEqual([
      { code: "GIUONG", name: "Tổng số giường bệnh", address: "F9", value: 0.42, reference: 420, factor: 1000 },
      { code: "XA_CHUAN", name: "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", address: "F12", value: 0.962, reference: 96, factor: 100 },
    ]);
    await wb.type(form.sheetName, "F9", 420);
    await wb.type(form.sheetName, "F12", 96.2);
    expect(await findScaleSuspects(form)).toEqual([]);
  });
});
