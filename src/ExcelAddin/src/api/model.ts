// The shapes the add-in works with. The client (client.ts) maps the server's generated types
// onto these, so a number the server may send as a string never reaches the sheet as text.

export type Role = "Admin" | "Province" | "District";
export type IndicatorKind = "Count" | "Percentage" | "Rate" | "Ratio" | "Level";

export interface Me { id: string; name: string; role: Role; unitCode: string | null }
export interface Unit { code: string; name: string; level: string; parentCode: string | null }
export interface Indicator {
  code: string; name: string; unit: string; kind: IndicatorKind; group: string; groupName: string;
  order: number; parentCode: string | null; ratePer: number | null;
}
export interface PeriodChoice { code: string; label: string; kind: string }
export interface Target { indicatorCode: string; year: number; text: string; value: number | null }

/** One indicator's entry as the form and the API carry it. */
export interface Entry {
  indicatorCode: string; value: number | null; numerator: number | null; denominator: number | null; note: string | null;
}
export interface ValuesDocument { unitCode: string; period: string; version: number; etag: string; values: Entry[] }

/** `row` is the index in the batch, null when the finding concerns the form as a whole. */
export interface RowFinding { row: number | null; indicatorCode: string; field: string; messageVi: string; messageEn: string }
export interface ImportSummary {
  dryRun: boolean; imported: number; updated: number; ignored: number; removed: number;
  rejected: RowFinding[]; warnings: RowFinding[]; version: number; etag: string;
}

export interface AttainmentRow {
  indicatorCode: string; name: string; unit: string; group: string; actual: number | null; target: string | null;
  baseline: number | null; percentOfPlan: number | null; changeFromBaseline: number | null; changeIsPoints: boolean;
  status: string; label: string; reason: string | null;
}
export interface ConsolidatedRow { indicatorCode: string; value: number | null; includedUnits: string[]; missingUnits: string[] }
export interface Consolidated { unitCode: string; period: string; missingUnits: string[]; rows: ConsolidatedRow[] }

export type LookupKind = "value" | "target" | "attainment";
export interface LookupItem { kind: LookupKind; indicatorCode: string; unitCode: string; period: string }
export interface LookupResult { value: number | null; text: string | null; error: string | null }

/** Percentage, rate and ratio rows are reported with their numerator and denominator. */
export function hasParts(kind: IndicatorKind): boolean {
  return kind === "Percentage" || kind === "Rate" || kind === "Ratio";
}

export function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  const empty: Entry = { indicatorCode: "", value: null, numerator: null, denominator: null, note: null };
  const x = a ?? empty, y = b ?? empty;
  return x.value === y.value && x.numerator === y.numerator && x.denominator === y.denominator
    && (x.note ?? "") === (y.note ?? "");
}

export type WorkflowStatus = "Draft" | "Submitted" | "Approved" | "Returned" | "Locked";
/** A form's place in the reporting workflow, as `GET .../status` answers it. */
export interface FormStatus {
  status: WorkflowStatus; statusLabel: string; etag: string; deadline: string; lockDate: string;
  editable: boolean; locked: boolean; returnReason: string | null;
}
export type Timeliness = "OnTime" | "Late" | "Missing" | "NotYetDue";
export interface CompletenessRow { unitCode: string; unitName: string; status: WorkflowStatus; timeliness: Timeliness; timelinessLabel: string }
export interface CompletenessReport { expected: number; received: number; late: number; missing: number; rows: CompletenessRow[] }

/** A plan table's import preview (or result): rows matched to the catalog, rows not matched, targets old → new. */
export type PlanMatch = "Code" | "Name" | "NameWithoutDiacritics";
export interface PlanRow { row: number; written: string; indicatorCode: string; matchedBy: PlanMatch; text: string }
export interface UnmatchedPlanRow { row: number; written: string; text: string }
export interface TargetChange { indicatorCode: string; old: string | null; new: string | null }
export interface PlanPreview {
  dryRun: boolean; unitCode: string; year: number; sheet: string | null;
  matched: PlanRow[]; unmatched: UnmatchedPlanRow[]; changes: TargetChange[]; etag: string;
}
