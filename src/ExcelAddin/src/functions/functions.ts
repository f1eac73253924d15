import { createApi } from "../api/client";
import { loadConnection } from "../api/connection";
import type { LookupItem, LookupResult } from "../api/model";
import { createLookupBatcher } from "./lookupBatch";

const batch = createLookupBatcher((items) => {
  const connection = loadConnection();
  if (!connection) return Promise.reject(new Error("Chưa kết nối máy chủ HealthFuncs (Not connected to the HealthFuncs server)."));
  return createApi(connection).lookup(items);
});

async function ask(item: LookupItem): Promise<LookupResult> {
  let result: LookupResult;
  try {
    result = await batch(item);
  } catch (error) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error instanceof Error ? error.message : String(error));
  }
  if (result.error) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, result.error);
  return result;
}

/**
 * The reported value (thực hiện) of an indicator for a unit and period.
 * @customfunction VALUE
 * @param indicator Indicator code (mã chỉ tiêu).
 * @param unit Unit code (mã đơn vị).
 * @param period Period code: 2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M.
 * @returns The value.
 */
export async function value(indicator: string, unit: string, period: string): Promise<number> {
  const r = await ask({ kind: "value", indicatorCode: indicator, unitCode: unit, period: String(period) });
  if (r.value === null) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, r.text ?? "Chưa có số liệu (no data).");
  return r.value;
}

/**
 * The target (chỉ tiêu kế hoạch) of an indicator for a unit and year: a number, or the plan's text when it is not one number.
 * @customfunction TARGET
 * @param indicator Indicator code (mã chỉ tiêu).
 * @param unit Unit code (mã đơn vị).
 * @param year Plan year.
 * @returns The target.
 */
export async function target(indicator: string, unit: string, year: number): Promise<number | string> {
  const r = await ask({ kind: "target", indicatorCode: indicator, unitCode: unit, period: String(year) });
  return r.value ?? r.text ?? "";
}

/**
 * The attainment status (đánh giá) of an indicator for a unit and period: Vượt, Đạt, Không đạt...
 * @customfunction ATTAINMENT
 * @param indicator Indicator code (mã chỉ tiêu).
 * @param unit Unit code (mã đơn vị).
 * @param period Period code: 2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M.
 * @returns The status label.
 */
export async function attainment(indicator: string, unit: string, period: string): Promise<string> {
  const r = await ask({ kind: "attainment", indicatorCode: indicator, unitCode: unit, period: String(period) });
  return r.text ?? (r.value === null ? "" : String(r.value));
}

/** Registers the functions with Excel; the shared runtime loads this with the task pane. */
export function registerFunctions(): void {
  if (typeof CustomFunctions === "undefined") return;
  CustomFunctions.associate("VALUE", value);
  CustomFunctions.associate("TARGET", target);
  CustomFunctions.associate("ATTAINMENT", attainment);
}
