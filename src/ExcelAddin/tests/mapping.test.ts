import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../src/api/client";
import { LayoutError } from "../src/excel/locate";
import { Fill } from "../src/excel/style";
import { refreshForm } from "../src/forms/merge";
import { pullForm } from "../src/forms/pull";
import { pushForm } from "../src/forms/push";
import { FakeWorkbook } from "./support/fakeWorkbook";
import { freshBench, sonDuongQ1 } from "./support/formBench";
import { MemoryServer } from "./support/memoryServer";

// Body rows start at Excel row 8: group I (8), GIUONG (9), GIUONG_BV (10), group II (11), XA_CHUAN (12), BV_MUC (13).
const choice = sonDuongQ1;
let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => ({ wb, server, api } = freshBench()));
const entry = (indicatorCode: string, value: number | null) => ({ indicatorCode, value, numerator: null, denominator: null, note: null });

describe("layout-proof mapping", () => {
  it("After_a_column_is_inserted_values_are_read_and_written_by_header_name", async () => {
    const form = await pullForm(api, choice);
    const sheet = wb.sheet(form.sheetId);
    sheet.shift("column", 4, 1);
    sheet.cell(6, 4).value = "Ghi chú riêng";
    await wb.type(form.sheetName, "G9", 420);
    const { outcome } = await pushForm(api, form);
    expect(outcome.kind).toBe("sent");
    expect(server.values.get("GIUONG")?.value).toBe(420);
    server.change(entry("GIUONG_BV", 280));
    const { form: next } = await refreshForm(api, form);
    expect(sheet.at("G10")).toMatchObject({ value: 280, fill: Fill.input });
    expect(sheet.at("F10").value).toBe("");
    expect(next.version).toBe(2);
  });

  it("After_a_row_is_inserted_the_server_values_go_into_the_rows_of_their_codes", async () => {
    const form = await pullForm(api, choice);
    const sheet = wb.sheet(form.sheetId);
    sheet.shift("row", 9, 2);
    server.change(entry("GIUONG_BV", 280));
    server.change(entry("BV_MUC", 3));
    await refreshForm(api, form);
    expect([sheet.at("A12").value, sheet.at("F12").value]).toEqual(["GIUONG_BV", 280]);
    expect([sheet.at("A15").value, sheet.at("F15").value]).toEqual(["BV_MUC", 3]);
    expect(sheet.at("F10").value).toBe("");
  });

  it("A_deleted_indicator_row_is_refused_with_a_message_naming_it_and_nothing_is_written", async () => {
    server.change(entry("GIUONG", 400));
    const form = await pullForm(api, choice);
    const sheet = wb.sheet(form.sheetId);
    sheet.shift("row", 9, -1);
    server.change(entry("BV_MUC", 3));
    const refused = await refreshForm(api, form).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LayoutError);
    expect((refused as LayoutError).messageVi).toContain('"Trong đó: giường bệnh viện"');
    expect((refused as LayoutError).messageVi).toContain("không có gì được ghi");
    // Nothing written anywhere: the row that now sits where BV_MUC's was is untouched.
    expect(sheet.grid(9).map((r) => r[5])).not.toContain(3);
    await expect(pushForm(api, form)).rejects.toBeInstanceOf(LayoutError);
    expect(server.requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("A_renamed_input_column_is_refused", async () => {
    const form = await pullForm(api, choice);
    wb.sheet(form.sheetId).cell(6, 5).value = "Số liệu";
    const refused = await pushForm(api, form).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LayoutError);
    expect((refused as LayoutError).messageVi).toContain('"Thực hiện"');
  });
});
