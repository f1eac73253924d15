import createClient from "openapi-fetch";
import type { paths } from "./schema";
import type {
  AttainmentRow, CompletenessReport, Consolidated, Entry, FormStatus, ImportSummary, Indicator, IndicatorKind, LookupItem,
  LookupResult, Me, PeriodChoice, PlanMatch, PlanPreview, Role, RowFinding, Target, Timeliness, Unit, ValuesDocument, WorkflowStatus,
} from "./model";
import { ApiError, OfflineError, problemFrom } from "./problem";
import { bearerFetch, type Bearer } from "../auth/bearerFetch";
import { SignInError } from "../auth/signInError";
import type { PlanSheet } from "../excel/readPlan";

/** A server and how to be known to it: an API key, or the signed-in person's access token (which wins). */
export interface Connection { serverUrl: string; apiKey?: string; bearer?: Bearer }

type Outcome = { data?: unknown; error?: unknown; response: Response };

// The server may send numbers as JSON strings (System.Text.Json web defaults); the sheet needs numbers.
const num = (x: unknown): number | null => {
  if (x === null || x === undefined || x === "") return null;
  const n = typeof x === "number" ? x : Number(x);
  return Number.isFinite(n) ? n : null;
};
const str = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));
const list = <T>(x: unknown, map: (item: Record<string, unknown>) => T): T[] =>
  Array.isArray(x) ? x.map((item) => map(item as Record<string, unknown>)) : [];

export const toEntry = (v: Record<string, unknown>): Entry => ({
  indicatorCode: String(v.indicatorCode), value: num(v.value), numerator: num(v.numerator),
  denominator: num(v.denominator), note: str(v.note),
});
const toIndicator = (i: Record<string, unknown>): Indicator => ({
  code: String(i.code), name: String(i.name), unit: String(i.unit ?? ""), kind: String(i.kind) as IndicatorKind,
  group: String(i.group ?? ""), groupName: String(i.groupName ?? ""), order: num(i.order) ?? 0,
  parentCode: str(i.parentCode), ratePer: num(i.ratePer),
});
const toFinding = (f: Record<string, unknown>): RowFinding => ({
  row: num(f.row), indicatorCode: String(f.indicatorCode ?? ""), field: String(f.field ?? "value"),
  messageVi: String(f.messageVi ?? ""), messageEn: String(f.messageEn ?? ""),
});
export const toSummary = (s: Record<string, unknown>): ImportSummary => ({
  dryRun: Boolean(s.dryRun), imported: num(s.imported) ?? 0, updated: num(s.updated) ?? 0, ignored: num(s.ignored) ?? 0,
  rejected: list(s.rejected, toFinding), warnings: list(s.warnings, toFinding),
  removed: num(s.removed) ?? 0, version: num(s.version) ?? 0, etag: String(s.etag ?? ""),
});
const toStatus = (s: Record<string, unknown>): FormStatus => ({
  status: String(s.status) as WorkflowStatus, statusLabel: String(s.statusLabel ?? s.status), etag: String(s.etag ?? ""),
  deadline: String(s.deadline ?? ""), lockDate: String(s.lockDate ?? ""), editable: Boolean(s.editable), locked: Boolean(s.locked),
  returnReason: str(s.returnReason),
});

const toPlanPreview = (p: Record<string, unknown>): PlanPreview => ({
  dryRun: Boolean(p.dryRun), unitCode: String(p.unitCode ?? ""), year: num(p.year) ?? 0, sheet: str(p.sheet), etag: String(p.etag ?? ""),
  matched: list(p.matched, (r) => ({
    row: num(r.row) ?? 0, written: String(r.written ?? ""), indicatorCode: String(r.indicatorCode), matchedBy: String(r.matchedBy) as PlanMatch, text: String(r.text ?? ""),
  })),
  unmatched: list(p.unmatched, (r) => ({ row: num(r.row) ?? 0, written: String(r.written ?? ""), text: String(r.text ?? "") })),
  changes: list(p.changes, (c) => ({ indicatorCode: String(c.indicatorCode), old: str(c.old), new: str(c.new) })),
});

export type WorkflowMove = "submit" | "approve" | "return";

/** How a push is retried: after a network error, a time-out or a gateway error, with the same key. */
export interface RetryPolicy { delaysMs: number[]; timeoutMs: number }
export const defaultRetry: RetryPolicy = { delaysMs: [1_000, 3_000], timeoutMs: 30_000 };

/** Answers a push may be retried after: the request may or may not have reached the server. */
const transientStatus = (status: number, body: unknown) =>
  status === 502 || status === 503 || status === 504 || (status >= 500 && !hasProblemTitle(body));
const hasProblemTitle = (body: unknown) => typeof (body as { title?: unknown } | null | undefined)?.title === "string";

const lookupKinds = { value: "Value", target: "Target", attainment: "Attainment" } as const;

/** A typed client over the HealthFuncs API; every call carries the bearer token or the API key. */
export function createApi(connection: Connection, fetchImpl: typeof fetch = (...a) => globalThis.fetch(...a), retry: RetryPolicy = defaultRetry) {
  const baseUrl = connection.serverUrl.replace(/\/+$/, "");
  const send = connection.bearer ? bearerFetch(fetchImpl, connection.bearer) : fetchImpl;
  const credentials: Record<string, string> = !connection.bearer && connection.apiKey ? { "X-Api-Key": connection.apiKey } : {};
  const client = createClient<paths>({ baseUrl, headers: credentials, fetch: send });

  async function call<T>(request: () => Promise<Outcome>, map: (data: unknown) => T): Promise<T> {
    let outcome: Outcome;
    try {
      outcome = await request();
    } catch (error) {
      throw unreachable(error);
    }
    if (!outcome.response.ok) throw problemFrom(outcome.response.status, outcome.error);
    return map(outcome.data);
  }
  const path = (unit: string, period: string) => ({ path: { unit, period } });

  return {
    me: () => call(() => client.GET("/api/me"), (d) => {
      const m = d as Record<string, unknown>;
      return { id: String(m.id), name: String(m.name), role: String(m.role) as Role, unitCode: str(m.unitCode) } satisfies Me;
    }),
    units: (year: number) => call(() => client.GET("/api/units", { params: { query: { year } } }),
      (d) => list<Unit>(d, (u) => ({ code: String(u.code), name: String(u.name), level: String(u.level), parentCode: str(u.parentCode) }))),
    indicators: () => call(() => client.GET("/api/indicators"), (d) => list<Indicator>(d, toIndicator)),
    /** The unit's indicator set for a year: what its plan has targets for, plus its province's set. */
    unitIndicators: (unit: string, year: number) =>
      call(() => client.GET("/api/units/{unit}/indicators", { params: { path: { unit }, query: { year } } }), (d) => list<Indicator>(d, toIndicator)),
    periods: (year: number) => call(() => client.GET("/api/periods", { params: { query: { year } } }),
      (d) => list<PeriodChoice>(d, (p) => ({ code: String(p.code), label: String(p.label), kind: String(p.kind) }))),
    targets: (unit: string, year: number) =>
      call(() => client.GET("/api/units/{unit}/targets", { params: { path: { unit }, query: { year } } }),
        (d) => list<Target>(d, (t) => ({ indicatorCode: String(t.indicatorCode), year: num(t.year) ?? year, text: String(t.text ?? ""), value: num(t.value) }))),
    values: (unit: string, period: string) =>
      call(() => client.GET("/api/units/{unit}/periods/{period}/values", { params: path(unit, period) }), (d) => {
        const v = d as Record<string, unknown>;
        return {
          unitCode: String(v.unitCode), period: String(v.period), version: num(v.version) ?? 0,
          etag: String(v.etag ?? ""), values: list(v.values, toEntry),
        } satisfies ValuesDocument;
      }),
    /**
     * One batch. A 422 is a problem carrying the import summary (nothing written), so it is returned,
     * not thrown. A network error, a time-out or a 502/503/504 may have come after the server saved the
     * batch: it is sent again with the same idempotency key (the server answers the first result
     * instead of writing twice), a bounded number of times; then it fails as unreachable.
     */
    async submit(unit: string, period: string, entries: Entry[], etag: string | null, idempotencyKey: string,
      onRetry: (attempt: number) => void = () => undefined): Promise<ImportSummary> {
      for (let attempt = 0; ; attempt++) {
        let outcome: Outcome | null = null, failure: unknown = null;
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), retry.timeoutMs);
        try {
          outcome = await client.POST("/api/units/{unit}/periods/{period}/values", {
            params: {
              ...path(unit, period), query: { dryRun: false },
              header: { "Idempotency-Key": idempotencyKey, ...(etag ? { "If-Match": quoteEtag(etag) } : {}) },
            },
            body: { values: entries },
            signal: abort.signal,
          });
        } catch (error) {
          // No token (the person must sign in again) is not a network failure: nothing was sent.
          if (error instanceof SignInError) throw error;
          failure = error;
        } finally {
          clearTimeout(timer);
        }
        const body = outcome?.error as Record<string, unknown> | undefined;
        if (outcome && !transientStatus(outcome.response.status, body)) {
          if (outcome.response.ok) return toSummary(outcome.data as Record<string, unknown>);
          if (outcome.response.status === 422 && body && Array.isArray(body.rejected)) return toSummary(body);
          throw problemFrom(outcome.response.status, body);
        }
        const delay = retry.delaysMs[attempt];
        if (delay === undefined) throw new OfflineError(failure ?? problemFrom(outcome!.response.status, body), attempt + 1);
        onRetry(attempt + 1);
        await new Promise((r) => setTimeout(r, delay));
      }
    },
    status: (unit: string, period: string) =>
      call(() => client.GET("/api/units/{unit}/periods/{period}/status", { params: path(unit, period) }), (d) => toStatus(d as Record<string, unknown>)),
    /** A workflow move with the status's ETag; `return` carries the reason. */
    async move(unit: string, period: string, move: WorkflowMove, etag: string, reason?: string): Promise<FormStatus> {
      const params = { ...path(unit, period), header: { "If-Match": quoteEtag(etag) } };
      const request = move === "submit" ? () => client.POST("/api/units/{unit}/periods/{period}/submit", { params })
        : move === "approve" ? () => client.POST("/api/units/{unit}/periods/{period}/approve", { params })
        : () => client.POST("/api/units/{unit}/periods/{period}/return", { params, body: { reason: reason ?? null } });
      return call(request, (d) => toStatus(d as Record<string, unknown>));
    },
    completeness: (unit: string, period: string) =>
      call(() => client.GET("/api/units/{unit}/periods/{period}/completeness", { params: path(unit, period) }), (d) => {
        const c = d as Record<string, unknown>;
        return {
          expected: num(c.expected) ?? 0, received: num(c.received) ?? 0, late: num(c.late) ?? 0, missing: num(c.missing) ?? 0,
          rows: list(c.rows, (r) => ({
            unitCode: String(r.unitCode), unitName: String(r.unitName ?? r.unitCode), status: String(r.status) as WorkflowStatus,
            timeliness: String(r.timeliness) as Timeliness, timelinessLabel: String(r.timelinessLabel ?? ""),
          })),
        } satisfies CompletenessReport;
      }),
    attainment: (unit: string, period: string) =>
      call(() => client.GET("/api/units/{unit}/periods/{period}/attainment", { params: path(unit, period) }),
        (d) => list<AttainmentRow>((d as Record<string, unknown>).rows, (r) => ({
          indicatorCode: String(r.indicatorCode), name: String(r.name ?? ""), unit: String(r.unit ?? ""), group: String(r.group ?? ""),
          actual: num(r.actual), target: str(r.target), baseline: num(r.baseline), percentOfPlan: num(r.percentOfPlan),
          changeFromBaseline: num(r.changeFromBaseline), changeIsPoints: Boolean(r.changeIsPoints),
          status: String(r.status ?? ""), label: String(r.label ?? ""), reason: str(r.reason),
        }))),
    consolidated: (unit: string, period: string) =>
      call(() => client.GET("/api/units/{unit}/periods/{period}/consolidated", { params: path(unit, period) }), (d) => {
        const c = d as Record<string, unknown>;
        const strings = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
        return {
          unitCode: String(c.unitCode), period: String(c.period), missingUnits: strings(c.missingUnits),
          rows: list(c.rows, (r) => ({ indicatorCode: String(r.indicatorCode), value: num(r.value), includedUnits: strings(r.includedUnits), missingUnits: strings(r.missingUnits) })),
        } satisfies Consolidated;
      }),
    lookup: (items: LookupItem[]) =>
      call(() => client.POST("/api/lookup", { body: { items: items.map((i) => ({ ...i, kind: lookupKinds[i.kind] })) } }),
        (d) => list<LookupResult>((d as Record<string, unknown>).results, (r) => ({ value: num(r.value), text: str(r.text), error: str(r.error) }))),
    /** A plan table read from a sheet: with `dryRun` the preview; otherwise stored with the preview's ETag (admins). */
    importPlan: (unit: string, year: number, table: PlanSheet, options: { dryRun: boolean; etag?: string }) =>
      call(() => client.POST("/api/units/{unit}/years/{year}/plan", {
        params: {
          path: { unit, year }, query: { dryRun: options.dryRun },
          header: options.etag ? { "If-Match": quoteEtag(options.etag) } : {},
        },
        body: { sheet: table.sheet, cells: table.cells },
      }), (d) => toPlanPreview(d as Record<string, unknown>)),
    /** The consolidated annex workbook as the server generates it. */
    async consolidatedWorkbook(unit: string, period: string): Promise<Blob> {
      const url = `${baseUrl}/api/units/${encodeURIComponent(unit)}/periods/${encodeURIComponent(period)}/consolidated.xlsx`;
      let response: Response;
      try {
        response = await send(url, { headers: credentials });
      } catch (error) {
        throw unreachable(error);
      }
      if (!response.ok) throw problemFrom(response.status, await response.json().catch(() => null));
      return response.blob();
    },
  };
}

export type Api = ReturnType<typeof createApi>;
export { ApiError, OfflineError };

/** A request that failed before an answer: the server unreachable, or no token to send (said as a sign-in failure). */
const unreachable = (error: unknown) => (error instanceof SignInError ? error : new OfflineError(error));

/** If-Match takes the ETag in quotes; the values document carries it with or without them. */
export function quoteEtag(etag: string): string {
  return /^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`;
}
