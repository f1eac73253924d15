import { describe, expect, it } from "vitest";
import { ApiError, OfflineError, createApi, quoteEtag } from "../src/api/client";

const answering = (status: number, body: unknown, type = "application/json") =>
  async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
const api = (fetchImpl: typeof fetch) => createApi({ serverUrl: "http://server.test/", apiKey: "k" }, fetchImpl);

describe("API client", () => {
  it("Numbers_sent_as_strings_reach_the_add_in_as_numbers", async () => {
    const doc = await api(answering(200, { unitCode: "SD", period: "2021", version: "4", etag: '"4"',
      values: [{ indicatorCode: "GIUONG", value: "420", numerator: null, denominator: "", note: null }] })).values("SD", "2021");
    expect(doc).toEqual({ unitCode: "SD", period: "2021", version: 4, etag: '"4"',
      values: [{ indicatorCode: "GIUONG", value: 420, numerator: null, denominator: null, note: null }] });
  });

  it("A_problem_answer_becomes_an_error_in_both_languages", async () => {
    const error = await api(answering(403, { title: "Không có quyền", detail: "Đơn vị ngoài phạm vi", en: "Unit outside your subtree" }, "application/problem+json"))
      .values("HN", "2021").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, messageVi: "Không có quyền: Đơn vị ngoài phạm vi", messageEn: "Unit outside your subtree" });
  });

  it("A_disabled_user_or_revoked_key_is_told_the_servers_reason_in_both_languages", async () => {
    const refused = (reason: string) => api(answering(401, { title: "Chưa xác thực", status: 401, reason,
      detail: "Tài khoản 'sd-pyt' đã bị vô hiệu hóa; hãy liên hệ quản trị viên nếu cần dùng lại.",
      en: "The account 'sd-pyt' has been disabled; ask an administrator if you need it again." }, "application/problem+json"))
      .me().then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as ApiError);

    const disabled = await refused("UserDisabled");
    expect([disabled.reason, disabled.accessEnded]).toEqual(["UserDisabled", true]);
    expect(disabled.detail("vi")).toBe("Tài khoản 'sd-pyt' đã bị vô hiệu hóa; hãy liên hệ quản trị viên nếu cần dùng lại.");
    expect(disabled.detail("en")).toBe("The account 'sd-pyt' has been disabled; ask an administrator if you need it again.");
    expect((await refused("KeyRevoked")).accessEnded).toBe(true);
    expect((await refused("KeyExpired")).accessEnded).toBe(true);
    // A mistyped key is not an ended access: the user just fixes the key.
    expect((await refused("UnknownKey")).accessEnded).toBe(false);
  });

  it("A_409_carries_the_server_current_etag", async () => {
    const error = await api(answering(409, { title: "Xung đột", en: "Conflict", currentEtag: '"9"' }, "application/problem+json"))
      .submit("SD", "2021", [], '"3"', "key").catch((e: unknown) => e);
    expect((error as ApiError).currentEtag).toBe('"9"');
  });

  it("A_422_problem_returns_the_import_summary_with_its_rejected_rows", async () => {
    const summary = await api(answering(422, { type: "https://tools.ietf.org/html/rfc4918#section-11.2", title: "Số liệu không được chấp nhận",
      status: 422, detail: "1 dòng bị từ chối", en: "1 row(s) were rejected", dryRun: false, imported: 0, updated: 0, ignored: 0,
      version: 3, etag: '"3"', warnings: [],
      rejected: [{ row: 1, indicatorCode: "GIUONG_BV", field: "rows[1].value", messageVi: "Vượt tổng", messageEn: "Exceeds the total" }] },
    "application/problem+json")).submit("SD", "2021", [], '"3"', "key");
    expect(summary).toMatchObject({ imported: 0, updated: 0, version: 3, etag: '"3"' });
    expect(summary.rejected).toEqual([{ row: 1, indicatorCode: "GIUONG_BV", field: "rows[1].value", messageVi: "Vượt tổng", messageEn: "Exceeds the total" }]);
  });

  it("A_submission_sends_its_idempotency_key_and_the_etag_it_read", async () => {
    let sent: Headers | undefined;
    const capture = async (input: RequestInfo | URL) => {
      sent = (input as Request).headers;
      return new Response(JSON.stringify({ dryRun: false, imported: 1, updated: 0, ignored: 0, rejected: [], warnings: [], version: 4, etag: '"4"' }),
        { status: 200, headers: { "Content-Type": "application/json" } });
    };
    await api(capture as typeof fetch).submit("SD", "2021", [{ indicatorCode: "GIUONG", value: 420, numerator: null, denominator: null, note: null }], "3", "sd-2021-a");
    expect(sent?.get("Idempotency-Key")).toBe("sd-2021-a");
    expect(sent?.get("If-Match")).toBe('"3"');
    expect(sent?.get("X-Api-Key")).toBe("k");
  });

  it("An_unreachable_server_is_reported_as_offline", async () => {
    const error = await api(async () => { throw new TypeError("Failed to fetch"); }).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
  });

  it.each([["3", '"3"'], ['"3"', '"3"'], ['W/"3"', 'W/"3"']])("Etag_%s_is_sent_as_%s", (etag, header) => {
    expect(quoteEtag(etag)).toBe(header);
  });

  it("The_consolidated_workbook_is_fetched_with_the_api_key_and_returned_as_a_file", async () => {
    const seen: { url: string; key: string | null }[] = [];
    const workbook = await api(async (input, init) => {
      seen.push({ url: String(input), key: new Headers(init?.headers).get("X-Api-Key") });
      return new Response(new Uint8Array([0x50, 0x4b, 3, 4]), { status: 200, headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
    }).consolidatedWorkbook("TQ", "2021-Q1");
    expect(seen).toEqual([{ url: "http://server.test/api/units/TQ/periods/2021-Q1/consolidated.xlsx", key: "k" }]);
    expect(new Uint8Array(await workbook.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});
