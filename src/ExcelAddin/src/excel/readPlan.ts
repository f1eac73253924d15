/** A cell of a plan table as sent to the server: a number as a number, text as text, an empty cell null. */
export type PlanCell = string | number | null;

/** The active sheet's table, row 1 of the array being the sheet's row 1, so the server names rows as Excel shows them. */
export interface PlanSheet { sheet: string; cells: PlanCell[][] }

// The server reads at most this many rows and columns; a plan annex is far smaller.
export const maxPlanRows = 2000, maxPlanColumns = 60;

/**
 * Reads the plan table on the active sheet: the project's own plan.xlsx layout or a hand-typed
 * "TT | Chỉ tiêu | Đơn vị tính | Kế hoạch …" table. The server finds the header row and matches the rows, so the
 * sheet's used cells are read as they are (values, not formulas), in one sync.
 */
export async function readPlan(): Promise<PlanSheet> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const used = sheet.getUsedRange(true);
    sheet.load("name");
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    return { sheet: sheet.name, cells: planCells(used.values as unknown[][], used.rowIndex, used.columnIndex) };
  });
}

/** Values of a range starting at (row, column), 0-based, as cells from A1 on, trimmed to what the server reads. */
export function planCells(values: unknown[][], row: number, column: number): PlanCell[][] {
  const lead = Array.from({ length: column }, (): PlanCell => null);
  const rows: PlanCell[][] = Array.from({ length: Math.min(row, maxPlanRows) }, () => []);
  for (const line of values.slice(0, Math.max(0, maxPlanRows - row))) {
    const cells = [...lead, ...line.map(cellOf)].slice(0, maxPlanColumns);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function cellOf(value: unknown): PlanCell {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.trim() === "" ? null : text;
}
