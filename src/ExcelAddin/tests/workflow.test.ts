import { beforeEach, describe, expect, it } from "vitest";
import { createApi, type Api } from "../src/api/client";
import { ApiError, OfflineError, problemFrom } from "../src/api/problem";
import { readFormStore } from "../src/excel/formStore";
import { forgetWatches } from "../src/excel/watchForms";
import { pullForm, type FormChoice } from "../src/forms/pull";
import { pushForm } from "../src/forms/push";
import { allowedMoves, formStatus, moveForm } from "../src/forms/workflow";
import { FakeWorkbook } from "./support/fakeWorkbook";
import { MemoryServer } from "./support/memoryServer";

const choice: FormChoice = {
  unit: { code: "SD", name: "Trung tâm Y tế huyện Sơn Dương", level: "District", parentCode: "TQ" },
  parent: { code: "TQ", name: "Sở Y tế Tuyên Quang", level: "Province", parentCode: null },
  period: { code: "2021-Q1", label: "Quý I/2021", kind: "Quarter" }, year: 2021,
};
const district = { id: "sd-pyt", name: "SD", role: "District" as const, unitCode: "SD" };
const province = { id: "tq-syt", name: "TQ", role: "Province" as const, unitCode: "TQ" };

let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => {
  wb = new FakeWorkbook();
  (globalThis as { Excel?: unknown }).Excel = wb.excel();
  server = new MemoryServer();
  api = createApi({ serverUrl: "http://server.test", apiKey: "dev-key" }, server.fetch, { delaysMs: [1, 1], timeoutMs: 1_000 });
  forgetWatches();
});
const posts = () => server.requests.filter((r) => r.method === "POST" && r.url.includes("/values"));

describe("reporting workflow", () => {
  it("The_form_status_deadline_and_lock_date_are_written_in_a_status_line_on_the_sheet", async () => {
    const form = await pullForm(api, choice);
    const status = await formStatus(api, form);
    expect(status).toMatchObject({ status: "Draft", deadline: "2021-04-14", lockDate: "2021-04-28" });
    expect(wb.sheet(form.sheetId).at("C3").value).toBe("Trạng thái: Đang nhập · Hạn nộp: 14/04/2021 · Khóa sổ: 28/04/2021");
    expect(wb.sheet(form.sheetId).protected).toBe(true);
  });

  it("Submitting_sends_the_status_etag_and_a_return_shows_its_reason_on_the_sheet", async () => {
    const form = await pullForm(api, choice);
    const submitted = await moveForm(api, form, "submit");
    expect(submitted.status).toBe("Submitted");
    expect(server.requests.find((r) => r.url.endsWith("/submit"))?.headers["if-match"]).toBe('"w0"');
    const returned = await moveForm(api, form, "return", "Thiếu số liệu tiêm chủng");
    expect(returned).toMatchObject({ status: "Returned", returnReason: "Thiếu số liệu tiêm chủng" });
    expect(server.requests.find((r) => r.url.endsWith("/return"))?.body).toEqual({ reason: "Thiếu số liệu tiêm chủng" });
    expect(String(wb.sheet(form.sheetId).at("C3").value)).toContain("Lý do trả lại: Thiếu số liệu tiêm chủng");
  });

  it("The_unit_submits_its_own_form_and_only_the_level_above_approves_or_returns_a_submitted_one", async () => {
    const form = await pullForm(api, choice);
    const draft = await formStatus(api, form);
    expect(allowedMoves(district, form, draft)).toEqual({ submit: true, approve: false, return: false });
    expect(allowedMoves(province, form, draft)).toEqual({ submit: false, approve: false, return: false });
    const submitted = await moveForm(api, form, "submit");
    expect(allowedMoves(district, form, submitted)).toEqual({ submit: false, approve: false, return: false });
    expect(allowedMoves(province, form, submitted)).toEqual({ submit: false, approve: true, return: true });
    expect(allowedMoves(district, form, { ...submitted, status: "Returned" }).submit).toBe(true);
  });

  it("Completeness_comes_from_the_server_report_and_names_the_unit_not_yet_reported", async () => {
    expect((await api.completeness("TQ", "2021-Q1")).rows).toEqual([
      { unitCode: "SD", unitName: "Huyện Sơn Dương", status: "Draft", timeliness: "Missing", timelinessLabel: "Chưa nộp" }]);
    server.workflow.status = "Submitted";
    expect(await api.completeness("TQ", "2021-Q1")).toMatchObject({ received: 1, missing: 0 });
  });
});

describe("retry-safe pushes", () => {
  it("A_502_after_the_server_saved_is_retried_with_the_same_key_and_gets_the_first_answer", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    server.failAfterSaving = [502];
    const retries: number[] = [];
    const { outcome, form: after } = await pushForm(api, form, () => "key-1", (n) => retries.push(n));
    expect(outcome).toMatchObject({ kind: "sent", summary: { imported: 1, version: 1 } });
    expect(posts().map((p) => p.headers["idempotency-key"])).toEqual(["key-1", "key-1"]);
    expect(retries).toEqual([1]);
    expect(server.version).toBe(1);
    expect(after.pending).toBeNull();
  });

  it("A_server_that_keeps_failing_leaves_the_push_pending_with_its_key_after_a_bounded_number_of_tries", async () => {
    const form = await pullForm(api, choice);
    await wb.type(form.sheetName, "F9", 420);
    server.failAfterSaving = [503, 504, 502];
    const { outcome, form: after } = await pushForm(api, form, () => "key-1");
    expect(outcome).toEqual({ kind: "offline", unsent: 1 });
    expect(posts()).toHaveLength(3);
    expect(after.pending?.idempotencyKey).toBe("key-1");
    expect((await readFormStore()).forms[form.sheetId]?.pending?.idempotencyKey).toBe("key-1");
    // The next push is the same batch: same key, and the server answers what it already applied.
    const again = await pushForm(api, after, () => "key-2");
    expect(again.outcome).toMatchObject({ kind: "sent" });
    expect(posts().at(-1)?.headers["idempotency-key"]).toBe("key-1");
    expect(server.version).toBe(1);
  });

  it("A_network_failure_is_retried_and_then_reported_as_unreachable", async () => {
    server.offline = true;
    const error = await api.submit("SD", "2021-Q1", [], null, "k").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as OfflineError).attempts).toBe(3);
  });

  it("An_answer_without_problem_details_is_said_plainly_without_a_status_code", () => {
    const down = problemFrom(500, null);
    expect(down.messageVi).toBe("Máy chủ hiện không trả lời được. Số liệu của bạn vẫn ở trong sổ; thử lại sau ít phút.");
    expect(down.messageVi).not.toMatch(/\d{3}/);
    expect(down.messageEn).not.toMatch(/\d{3}/);
    expect(problemFrom(409, { title: "Xung đột" })).toBeInstanceOf(ApiError);
  });
});
