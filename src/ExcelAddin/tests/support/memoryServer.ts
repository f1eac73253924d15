import type { Entry, Indicator } from "../../src/api/model";
import { MemoryPlan } from "./memoryPlan";

// An in-memory stand-in for the server's values endpoints, answering over `fetch` exactly as the
// API contract says (ETag/If-Match, 409 with currentEtag, 422 with the summary, Idempotency-Key),
// so the unit tests exercise the real client. The end-to-end test runs the real server.

export const indicators: Indicator[] = [
  { code: "GIUONG", name: "Tổng số giường bệnh", unit: "giường", kind: "Count", group: "I", groupName: "Khám chữa bệnh", order: 1, parentCode: null, ratePer: null },
  { code: "GIUONG_BV", name: "Trong đó: giường bệnh viện", unit: "giường", kind: "Count", group: "I", groupName: "Khám chữa bệnh", order: 2, parentCode: "GIUONG", ratePer: null },
  { code: "XA_CHUAN", name: "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", unit: "%", kind: "Percentage", group: "II", groupName: "Y tế dự phòng", order: 1, parentCode: null, ratePer: null },
  { code: "BV_MUC", name: "Bệnh viện đạt mức chất lượng", unit: "mức", kind: "Level", group: "II", groupName: "Y tế dự phòng", order: 2, parentCode: null, ratePer: null },
];

export class MemoryServer {
  version = 0;
  values = new Map<string, Entry>();
  requests: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  seenKeys = new Map<string, unknown>();
  offline = false;
  indicators = indicators;
  /** Answers for the next value pushes, after the push was applied (a gateway failing on the way back). */
  failAfterSaving: number[] = [];
  workflow = { status: "Draft", version: 0, returnReason: null as string | null };
  /** Yên Sơn, Sơn Dương's sister district under TQ: its figures and targets, for the province's matrix. */
  yenSon = new Map<string, Entry>();
  targetsOf: Record<string, Record<string, number>> = { SD: { GIUONG: 420 }, YS: { GIUONG: 300 } };
  plan = new MemoryPlan(() => this.indicators);

  /** Someone else pushes a new version. */
  change(entry: Entry) {
    this.values.set(entry.indicatorCode, entry);
    this.version++;
  }

  private doc() {
    return { unitCode: "SD", period: "2021-Q1", version: this.version, etag: `"${this.version}"`, values: [...this.values.values()] };
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (this.offline) throw new TypeError("Failed to fetch");
    const url = new URL(request.url);
    const headers = Object.fromEntries(request.headers.entries());
    const text = request.method === "POST" ? await request.text() : "";
    const body: unknown = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: request.method, url: url.pathname + url.search, headers, body });
    const json = (status: number, data: unknown, extra: Record<string, string> = {}) =>
      new Response(JSON.stringify(data), { status, headers: { "Content-Type": status >= 400 && status !== 422 ? "application/problem+json" : "application/json", ...extra } });
    const path = url.pathname;
    if (path === "/api/indicators" || /^\/api\/units\/[^/]+\/indicators$/.test(path)) return json(200, this.indicators);
    const workflow = this.workflowAnswer(request.method, path, headers, body, json);
    if (workflow) return workflow;
    const reports = this.reportAnswer(path, json);
    if (reports) return reports;
    const unit = /^\/api\/units\/([^/]+)\//.exec(path)?.[1] ?? "SD";
    if (/\/targets$/.test(path)) {
      return json(200, Object.entries(this.targetsOf[unit] ?? {}).map(([indicatorCode, value]) =>
        ({ indicatorCode, year: 2021, text: String(value), form: "Point", value, low: null, high: null, planPeriod: null })));
    }
    if (unit === "YS" && /\/values$/.test(path) && request.method === "GET") {
      return json(200, { unitCode: "YS", period: "2021-Q1", version: 1, etag: '"1"', values: [...this.yenSon.values()] }, { ETag: '"1"' });
    }
    if (/\/values$/.test(path) && request.method === "GET") return json(200, this.doc(), { ETag: `"${this.version}"` });
    if (/\/values$/.test(path) && request.method === "POST") {
      const key = headers["idempotency-key"];
      if (key && this.seenKeys.has(key)) {
        const failure = this.failAfterSaving.shift();
        return failure ? new Response("Bad Gateway", { status: failure }) : json(200, this.seenKeys.get(key));
      }
      const ifMatch = headers["if-match"];
      if (this.version > 0 && !ifMatch) return json(428, { title: "Thiếu If-Match", en: "If-Match is required" });
      if (ifMatch && ifMatch !== `"${this.version}"`) {
        return json(409, { title: "Xung đột phiên bản", detail: "Số liệu đã thay đổi", en: "Version conflict", currentEtag: `"${this.version}"` });
      }
      const rows = (body as { values: Entry[] }).values;
      const rejected = rows.flatMap((row, i) => row.value !== null && row.value < 0
        ? [{ row: i, indicatorCode: row.indicatorCode, field: "value", messageVi: "Số liệu không được âm", messageEn: "The value must not be negative" }] : []);
      const summary = { dryRun: false, imported: 0, updated: 0, ignored: 0, removed: 0, rejected, warnings: [], version: this.version, etag: `"${this.version}"` };
      if (rejected.length > 0) return json(422, summary);
      for (const row of rows) {
        // No value and no parts: a removal, as the server reads it.
        if (row.value === null && row.numerator === null && row.denominator === null) {
          if (this.values.delete(row.indicatorCode)) summary.removed++;
          else summary.ignored++;
          continue;
        }
        const before = this.values.get(row.indicatorCode);
        if (before && JSON.stringify(before) === JSON.stringify(row)) summary.ignored++;
        else if (before) summary.updated++;
        else summary.imported++;
        this.values.set(row.indicatorCode, row);
      }
      this.version++;
      Object.assign(summary, { version: this.version, etag: `"${this.version}"` });
      if (key) this.seenKeys.set(key, summary);
      const failure = this.failAfterSaving.shift();
      if (failure) return new Response("Bad Gateway", { status: failure });
      return json(200, summary);
    }
    const plan = this.plan.answer(request.method, path, url.searchParams.get("dryRun") === "true", headers, body, json);
    if (plan) return plan;
    return json(404, { title: "Không tìm thấy", en: "Not found" });
  };

  /** Units, attainment (% of the target above) and the consolidated sums, computed from the figures held. */
  private reportAnswer(path: string, json: (status: number, data: unknown) => Response): Response | null {
    if (path === "/api/units") {
      return json(200, [
        { code: "TQ", name: "Sở Y tế Tuyên Quang", level: "Province", parentCode: null },
        { code: "SD", name: "Huyện Sơn Dương", level: "District", parentCode: "TQ" },
        { code: "YS", name: "Huyện Yên Sơn", level: "District", parentCode: "TQ" },
      ]);
    }
    if (path.endsWith("/attainment")) {
      const rows = this.indicators.map((i) => {
        const actual = this.values.get(i.code)?.value ?? null, target = this.targetsOf.SD?.[i.code] ?? null;
        const percentOfPlan = actual !== null && target ? Math.round((actual / target) * 1000) / 10 : null;
        return { indicatorCode: i.code, name: i.name, unit: i.unit, group: i.group, actual, target: target === null ? null : String(target), baseline: null,
          percentOfPlan, changeFromBaseline: null, changeIsPoints: false, status: percentOfPlan === null ? "NoData" : "Met", label: percentOfPlan === null ? "" : "Đạt", reason: null };
      });
      return json(200, { unitCode: "SD", period: "2021-Q1", rows });
    }
    if (path.endsWith("/consolidated")) {
      const rows = this.indicators.map((i) => {
        const parts = [this.values.get(i.code)?.value, this.yenSon.get(i.code)?.value].filter((v): v is number => typeof v === "number");
        return { indicatorCode: i.code, value: parts.length ? parts.reduce((a, b) => a + b, 0) : null, includedUnits: ["SD", "YS"], missingUnits: [] };
      });
      return json(200, { unitCode: "TQ", period: "2021-Q1", missingUnits: [], rows });
    }
    return null;
  }

  private workflowAnswer(method: string, path: string, headers: Record<string, string>, body: unknown,
    json: (status: number, data: unknown, extra?: Record<string, string>) => Response): Response | null {
    const labels: Record<string, string> = { Draft: "Đang nhập", Submitted: "Đã gửi", Approved: "Đã duyệt", Returned: "Trả lại" };
    const view = () => ({
      unitCode: "SD", period: "2021-Q1", status: this.workflow.status, statusLabel: labels[this.workflow.status],
      version: this.workflow.version, etag: `"w${this.workflow.version}"`, deadline: "2021-04-14", lockDate: "2021-04-28",
      locked: false, editable: true, returnReason: this.workflow.returnReason,
    });
    if (method === "GET" && path.endsWith("/status")) return json(200, view(), { ETag: `"w${this.workflow.version}"` });
    if (method === "GET" && path.endsWith("/completeness")) {
      const sent = this.workflow.status !== "Draft";
      return json(200, { parentCode: "TQ", period: "2021-Q1", expected: 1, received: sent ? 1 : 0, onTime: sent ? 1 : 0, late: 0, missing: sent ? 0 : 1,
        rows: [{ unitCode: "SD", unitName: "Huyện Sơn Dương", status: this.workflow.status, timeliness: sent ? "OnTime" : "Missing", timelinessLabel: sent ? "Đúng hạn" : "Chưa nộp" }] });
    }
    const move = /\/(submit|approve|return)$/.exec(path)?.[1];
    if (method !== "POST" || !move) return null;
    if (headers["if-match"] !== `"w${this.workflow.version}"`) return json(409, { title: "Xung đột", en: "Conflict" });
    const next = { submit: "Submitted", approve: "Approved", return: "Returned" }[move]!;
    this.workflow = { status: next, version: this.workflow.version + 1, returnReason: move === "return" ? String((body as { reason?: string }).reason) : null };
    return json(200, view());
  }
}
