import { describe, expect, it } from "vitest";
import { cellAddress, columnLetters, parseAddress } from "../src/excel/address";
import { parseCellNumber } from "../src/excel/cellValues";
import { storeFromXml, storeToXml, type FormStore } from "../src/excel/formStore";
import { buildForm, chunkRows, orderIndicators, sheetNameFor } from "../src/excel/layout";
import { indicators } from "./support/memoryServer";

describe("cells typed the Vietnamese way", () => {
  it.each([
    [420, 420], ["83,9", 83.9], ["260.000", 260000], ["1.234,5", 1234.5], ["62.424", 62424], [" 14,3 ", 14.3],
    ["0.5", 0.5], ["", null], [null, null], ["-2", -2],
  ])("Cell_%j_reads_as_%j", (cell, expected) => {
    expect(parseCellNumber(cell)).toBe(expected);
  });

  it.each([["bốn trăm"], ["12a"], ["1,2,3"], [true], ["≥95"]])("Cell_%j_is_not_a_number", (cell) => {
    expect(parseCellNumber(cell)).toBe("invalid");
  });
});

describe("addresses", () => {
  it.each([[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"]])("Column_%i_is_%s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it("An_event_address_parses_into_zero_based_bounds", () => {
    expect(parseAddress("'SD 2021-Q1'!F9:H12")).toEqual({ firstRow: 8, lastRow: 11, firstColumn: 5, lastColumn: 7 });
    expect(parseAddress("F:F")).toMatchObject({ firstColumn: 5, lastColumn: 5, firstRow: 0 });
    expect(parseAddress(cellAddress(9, 27))).toEqual({ firstRow: 9, lastRow: 9, firstColumn: 27, lastColumn: 27 });
  });
});

describe("form layout", () => {
  it("Breakdown_rows_follow_their_parent_whatever_their_order_number", () => {
    const shuffled = [indicators[1]!, indicators[3]!, indicators[0]!, indicators[2]!];
    expect(orderIndicators(shuffled).map((i) => i.code)).toEqual(["GIUONG", "GIUONG_BV", "XA_CHUAN", "BV_MUC"]);
  });

  it("Only_the_target_of_the_form_year_is_shown_as_the_plan", () => {
    const layout = buildForm({
      unitName: "TTYT Sơn Dương", issuingBody: "UBND huyện Sơn Dương", periodLabel: "Quý I/2021", year: 2021, sheetName: "x",
      indicators, values: [],
      targets: [{ indicatorCode: "GIUONG", year: 2020, text: "400", value: 400 }, { indicatorCode: "GIUONG", year: 2021, text: "420", value: 420 }],
    });
    expect(layout.body.find((r) => r.code === "GIUONG")?.cells[4]).toBe("420");
    expect(layout.head[0]?.[1]).toBe("UBND HUYỆN SƠN DƯƠNG");
  });

  it("Chunks_stay_under_the_budget_and_keep_every_row_in_order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ cells: [`C${i}`, "x".repeat(i % 50)] }));
    const chunks = chunkRows(rows, 20_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(rows);
    for (const chunk of chunks) {
      expect(chunk.reduce((n, r) => n + 2 * JSON.stringify(r.cells).length + 600, 0)).toBeLessThanOrEqual(20_000);
    }
  });

  it("Sheet_names_drop_characters_Excel_forbids_and_fit_31_characters", () => {
    expect(sheetNameFor("Tổng hợp TQ/2021", "2021-2025")).toBe("Tổng hợp TQ-2021 2021-2025");
    expect(sheetNameFor("X".repeat(40), "2021").length).toBe(31);
  });
});

describe("form state in the workbook", () => {
  it("The_state_survives_a_round_trip_through_the_custom_xml_part_even_with_markup_in_notes", () => {
    const store: FormStore = { forms: { "{1}": { sheetId: "{1}", sheetName: "SD <2021> & co", unitCode: "SD", unitName: "x", period: "2021",
      periodLabel: "Năm 2021", etag: '"3"', version: 3, pulledAt: "2021-01-01", bodyStart: 7, bodyLength: 2, rows: [],
      sent: [{ indicatorCode: "A", value: 1, numerator: null, denominator: null, note: "</forms> <b>" }], pending: null, rejected: [] } } };
    const xml = storeToXml(store);
    expect(xml.startsWith('<forms xmlns="urn:healthfuncs:forms:v1">')).toBe(true);
    expect(storeFromXml(xml)).toEqual(store);
    expect(storeFromXml(null)).toEqual({ forms: {} });
  });
});
