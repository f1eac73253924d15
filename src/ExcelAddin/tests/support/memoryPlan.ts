import type { Indicator } from "../../src/api/model";

type Json = (status: number, data: unknown, extra?: Record<string, string>) => Response;

// The plan import route as the server answers it, for the add-in's unit tests: the header row has "Chỉ tiêu" and a
// "Kế hoạch …" column; a row matches by a code in any cell or by its exact name; a dry run previews, a store needs
// the preview's version. The server's own matching (diacritics, spacing) is tested on the server; the end-to-end
// test runs the real one.
export class MemoryPlan {
  targets = new Map<string, string>([["GIUONG", "420"]]);
  version = 0;
  constructor(private readonly indicators: () => Indicator[]) {}

  answer(method: string, path: string, dryRun: boolean, headers: Record<string, string>, body: unknown, json: Json): Response | null {
    const route = /^\/api\/units\/([^/]+)\/years\/(\d+)\/plan$/.exec(path);
    if (method !== "POST" || !route) return null;
    const { sheet, cells } = body as { sheet: string | null; cells: (string | number | null)[][] };
    const header = cells.findIndex((r) => r.includes("Chỉ tiêu"));
    const target = header < 0 ? -1 : cells[header]!.findIndex((c) => typeof c === "string" && c.startsWith("Kế hoạch"));
    if (target < 0) return json(422, { title: "Tệp không được chấp nhận", detail: "Không tìm thấy bảng kế hoạch", en: "No plan table found" });
    const name = cells[header]!.indexOf("Chỉ tiêu");
    const matched: unknown[] = [], unmatched: unknown[] = [], wanted = new Map<string, string>();
    cells.forEach((row, r) => {
      const text = row[target];
      if (r <= header || text === null || text === undefined) return;
      const written = String(row[name] ?? "");
      const indicator = this.indicators().find((i) => row.includes(i.code) || i.name === written);
      if (!indicator) return void unmatched.push({ row: r + 1, written, text: String(text) });
      matched.push({ row: r + 1, written, indicatorCode: indicator.code, matchedBy: row.includes(indicator.code) ? "Code" : "Name", text: String(text) });
      wanted.set(indicator.code, String(text));
    });
    const changes = [
      ...[...wanted].filter(([code, text]) => this.targets.get(code) !== text).map(([code, text]) => ({ indicatorCode: code, old: this.targets.get(code) ?? null, new: text })),
      ...[...this.targets].filter(([code]) => !wanted.has(code)).map(([code, text]) => ({ indicatorCode: code, old: text, new: null })),
    ];
    const etag = () => `"p${this.version}"`;
    const preview = () => ({ dryRun, unitCode: route[1], year: Number(route[2]), sheet, matched, unmatched, changes, etag: etag() });
    if (dryRun) return json(200, preview(), { ETag: etag() });
    if (!headers["if-match"]) return json(428, { title: "Thiếu If-Match", en: "If-Match is required", currentEtag: etag() });
    if (headers["if-match"] !== etag()) return json(409, { title: "Xung đột", detail: "Kế hoạch đã thay đổi", en: "The plan changed", currentEtag: etag() });
    this.targets = wanted;
    this.version++;
    return json(200, preview(), { ETag: etag() });
  }
}
