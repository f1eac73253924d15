import { createApi, type Api } from "../../src/api/client";
import { forgetWatches } from "../../src/excel/watchForms";
import type { FormChoice } from "../../src/forms/pull";
import { FakeWorkbook } from "./fakeWorkbook";
import { MemoryServer } from "./memoryServer";

/** Sơn Dương's Quý I/2021 form, as the form tests pull it from the in-memory server. */
export const sonDuongQ1: FormChoice = {
  unit: { code: "SD", name: "Trung tâm Y tế huyện Sơn Dương", level: "District", parentCode: "TQ" },
  parent: { code: "TQ", name: "Sở Y tế Tuyên Quang", level: "Province", parentCode: null },
  period: { code: "2021-Q1", label: "Quý I/2021", kind: "Quarter" }, year: 2021,
};

/** A fresh fake workbook installed as `Excel`, an in-memory server, and an API client over it with quick retries. */
export function freshBench(): { wb: FakeWorkbook; server: MemoryServer; api: Api } {
  const wb = new FakeWorkbook();
  (globalThis as { Excel?: unknown }).Excel = wb.excel();
  const server = new MemoryServer();
  const api = createApi({ serverUrl: "http://server.test", apiKey: "dev-key" }, server.fetch, { delaysMs: [1, 1], timeoutMs: 1_000 });
  forgetWatches();
  return { wb, server, api };
}
