import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LookupItem, LookupResult } from "../src/api/model";
import { createLookupBatcher } from "../src/functions/lookupBatch";

const item = (indicatorCode: string, kind: LookupItem["kind"] = "value"): LookupItem => ({ kind, indicatorCode, unitCode: "SD", period: "2021" });

describe("custom function batching", () => {
  it("Lookups_asked_in_one_turn_go_out_as_one_request_in_order", async () => {
    const requests: LookupItem[][] = [];
    const lookup = createLookupBatcher(async (items) => {
      requests.push(items);
      return items.map((i) => ({ value: i.indicatorCode.length, text: i.indicatorCode, error: null }));
    });
    const results = await Promise.all([lookup(item("A")), lookup(item("BB")), lookup(item("CCC", "target"))]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.map((i) => i.indicatorCode)).toEqual(["A", "BB", "CCC"]);
    expect(results.map((r) => r.value)).toEqual([1, 2, 3]);
  });

  it("The_same_lookup_asked_by_many_cells_is_sent_once", async () => {
    const requests: LookupItem[][] = [];
    const lookup = createLookupBatcher(async (items) => { requests.push(items); return items.map(() => ({ value: 7, text: null, error: null })); });
    const results = await Promise.all(Array.from({ length: 50 }, () => lookup(item("A"))));
    expect(requests[0]).toHaveLength(1);
    expect(results.every((r) => r.value === 7)).toBe(true);
  });

  it("A_large_recalculation_is_split_into_requests_of_at_most_the_maximum", async () => {
    const sizes: number[] = [];
    const lookup = createLookupBatcher(async (items) => { sizes.push(items.length); return items.map(() => ({ value: 1, text: null, error: null })); }, 100);
    await Promise.all(Array.from({ length: 250 }, (_, i) => lookup(item(`I${i}`))));
    expect(sizes).toEqual([100, 100, 50]);
  });

  it("Lookups_in_a_later_turn_make_a_new_request", async () => {
    let requests = 0;
    const lookup = createLookupBatcher(async (items) => { requests++; return items.map(() => ({ value: 1, text: null, error: null })); });
    await lookup(item("A"));
    await lookup(item("B"));
    expect(requests).toBe(2);
  });

  it("A_failed_request_fails_every_lookup_in_it", async () => {
    const lookup = createLookupBatcher(async () => { throw new Error("offline"); });
    const results = await Promise.allSettled([lookup(item("A")), lookup(item("B"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});

describe("custom functions", () => {
  const calls: LookupItem[][] = [];
  const answers: Record<string, LookupResult> = {
    "Value|GIUONG": { value: 420, text: null, error: null },
    "Target|XA_CHUAN": { value: null, text: "≥ 90", error: null },
    "Attainment|GIUONG": { value: 105, text: "Vượt", error: null },
    "Value|NONE": { value: null, text: null, error: "Không có chỉ tiêu NONE (no indicator NONE)" },
  };
  class FunctionError extends Error { constructor(readonly code: string, message?: string) { super(message); } }

  beforeEach(() => {
    calls.length = 0;
    const store = new Map<string, string>([["healthfuncs.connection", JSON.stringify({ serverUrl: "http://server.test", apiKey: "k" })]]);
    Object.assign(globalThis, {
      localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
      CustomFunctions: { Error: FunctionError, ErrorCode: { notAvailable: "#N/A" } },
      fetch: async (input: Request) => {
        const { items } = (await input.json()) as { items: LookupItem[] };
        calls.push(items);
        return Response.json({ results: items.map((i) => answers[`${i.kind}|${i.indicatorCode}`]) });
      },
    });
  });
  afterEach(() => { for (const k of ["localStorage", "CustomFunctions", "fetch"]) Reflect.deleteProperty(globalThis, k); });

  it("HEALTH_functions_answer_from_one_lookup_request", async () => {
    const f = await import("../src/functions/functions");
    const results = await Promise.all([f.value("GIUONG", "SD", "2021"), f.target("XA_CHUAN", "SD", 2021), f.attainment("GIUONG", "SD", "2021")]);
    expect(results).toEqual([420, "≥ 90", "Vượt"]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([
      { kind: "Value", indicatorCode: "GIUONG", unitCode: "SD", period: "2021" },
      { kind: "Target", indicatorCode: "XA_CHUAN", unitCode: "SD", period: "2021" },
      { kind: "Attainment", indicatorCode: "GIUONG", unitCode: "SD", period: "2021" },
    ]);
  });

  it("An_unknown_indicator_becomes_an_NA_error_with_the_server_reason", async () => {
    const f = await import("../src/functions/functions");
    await expect(f.value("NONE", "SD", "2021")).rejects.toMatchObject({ code: "#N/A", message: "Không có chỉ tiêu NONE (no indicator NONE)" });
  });
});

describe("custom function help", () => {
  it("Every_function_and_parameter_has_its_help_in_Vietnamese_in_functions_vi_json", async () => {
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const { localizeMetadata } = await import("../src/functions/helpVi");
    const english = (await generateCustomFunctionsMetadata("src/functions/functions.ts", false)).metadataJson;
    const vi = JSON.parse(localizeMetadata(english)) as { functions: { id: string; description: string; parameters: { name: string; description: string }[] }[] };
    const en = JSON.parse(english) as typeof vi;
    expect(vi.functions.map((f) => f.id)).toEqual(["VALUE", "TARGET", "ATTAINMENT"]);
    expect(vi.functions[0]).toMatchObject({ description: "Số liệu thực hiện của một chỉ tiêu, cho một đơn vị và một kỳ báo cáo." });
    expect(vi.functions.flatMap((f) => f.parameters.map((p) => p.name))).toEqual(en.functions.flatMap((f) => f.parameters.map((p) => p.name)));
    for (const f of vi.functions) {
      const english = en.functions.find((e) => e.id === f.id)!;
      expect(f.description).not.toBe(english.description);
      f.parameters.forEach((p, i) => expect(p.description).not.toBe(english.parameters[i]!.description));
    }
    // A function added without its Vietnamese help fails the build.
    expect(() => localizeMetadata(english, {})).toThrow("No Vietnamese help for custom function VALUE.");
  });
});
