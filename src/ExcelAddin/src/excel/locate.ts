import { Column, columnCount } from "./layout";
import type { FormState } from "./formStore";

// Where a form's cells are now. Users insert columns, delete rows or move the table; the add-in finds
// the column header by its names and each indicator's row by the code in the "Mã" column, and never
// writes by the positions it wrote the form at. A sheet that no longer maps is refused.

/** Header names of the columns the add-in reads and writes, as the form writes them. */
export const headerNames: Record<number, string> = {
  [Column.code]: "Mã", [Column.value]: "Thực hiện", [Column.numerator]: "Tử số", [Column.denominator]: "Mẫu số", [Column.note]: "Ghi chú",
};

export interface FormMap {
  /** Zero-based sheet row of each indicator code. */
  rows: Map<string, number>;
  /** Zero-based sheet column of each form column (Column.value ... Column.note, Column.code). */
  columns: Map<number, number>;
  /** Sheet position of a form cell given as its row's code and form column; undefined when unmapped. */
  at(code: string, column: number): { row: number; column: number } | undefined;
}

export class LayoutError extends Error {
  constructor(readonly messageVi: string, readonly messageEn: string) {
    super(messageEn);
    this.name = "LayoutError";
  }
}

/** Rows and columns past the form as written that are still searched (rows or columns inserted by the user). */
const slack = 200;

/** Maps a grid of the sheet's values (from A1) onto the form; throws LayoutError when it no longer maps. */
export function mapForm(form: FormState, grid: unknown[][]): FormMap {
  const text = (x: unknown) => String(x ?? "").trim();
  const wanted = Object.entries(headerNames).map(([column, name]) => [Number(column), name] as const);
  const headerRow = grid.findIndex((row) => wanted.filter(([c]) => c === Column.code || c === Column.value || c === Column.note)
    .every(([, name]) => row.some((cell) => text(cell) === name)));
  if (headerRow < 0) {
    throw new LayoutError(`Không tìm thấy dòng tiêu đề của biểu trong trang ${form.sheetName} (các cột "Mã", "Thực hiện", "Ghi chú"). Hãy hoàn tác, hoặc xóa trang này rồi lấy lại biểu.`,
      `The form's column header ("Mã", "Thực hiện", "Ghi chú") is no longer on sheet ${form.sheetName}. Undo, or delete this sheet and pull the form again.`);
  }
  const header = grid[headerRow] ?? [];
  const columns = new Map<number, number>();
  const needsParts = form.rows.some((r) => r.inputs.includes(Column.numerator));
  for (const [column, name] of wanted) {
    const found = header.findIndex((cell) => text(cell) === name);
    if (found >= 0) columns.set(column, found);
    else if (column !== Column.numerator && column !== Column.denominator || needsParts) {
      throw new LayoutError(`Không còn cột "${name}" trong trang ${form.sheetName}; không có gì được ghi. Hãy đặt lại tên cột hoặc hoàn tác.`,
        `Column "${name}" is no longer on sheet ${form.sheetName}; nothing was written. Restore the header or undo.`);
    }
  }
  const codeColumn = columns.get(Column.code)!;
  const rows = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const code = text(grid[r]?.[codeColumn]);
    if (!code) continue;
    if (rows.has(code)) {
      throw new LayoutError(`Mã chỉ tiêu ${code} xuất hiện hai lần trong trang ${form.sheetName}.`, `Indicator code ${code} appears twice on sheet ${form.sheetName}.`);
    }
    rows.set(code, r);
  }
  const lost = form.rows.filter((ref) => !rows.has(ref.code));
  if (lost.length > 0) {
    const names = lost.slice(0, 3).map((r) => `"${r.name}"`).join(", ");
    throw new LayoutError(`Không còn dòng của ${lost.length} chỉ tiêu (${names}) trong trang ${form.sheetName}; có thể dòng đã bị xóa. Hãy hoàn tác, hoặc xóa trang này rồi lấy lại biểu; không có gì được ghi.`,
      `The rows of ${lost.length} indicators (${names}) are no longer on sheet ${form.sheetName}; a row may have been deleted. Undo, or delete this sheet and pull the form again; nothing was written.`);
  }
  return {
    rows, columns,
    at: (code, column) => {
      const row = rows.get(code), col = columns.get(column);
      return row === undefined || col === undefined ? undefined : { row, column: col };
    },
  };
}

/** Reads the sheet around the form and maps it. */
export async function locateForm(form: FormState): Promise<FormMap> {
  return Excel.run(async (context) => (await readMapped(context, form)).map);
}

/** One body row's cells in the form's column order (code .. note), read through the map. */
export function rowCells(map: FormMap, grid: unknown[][], code: string): unknown[] {
  const row = map.rows.get(code);
  const cells: unknown[] = Array.from({ length: columnCount }, () => "");
  if (row === undefined) return cells;
  for (const [column, at] of map.columns) cells[column] = grid[row]?.[at] ?? "";
  return cells;
}

/** The sheet's values around the form and its map, read in the caller's request context. */
export async function readMapped(context: Excel.RequestContext, form: FormState): Promise<{ grid: unknown[][]; map: FormMap; sheet: Excel.Worksheet }> {
  const sheet = context.workbook.worksheets.getItem(form.sheetId);
  const block = sheet.getRange("A1").getResizedRange(form.bodyStart + form.bodyLength + slack - 1, columnCount + 20 - 1);
  block.load("values");
  await context.sync();
  return { grid: block.values, map: mapForm(form, block.values), sheet };
}

/** A form cell given by body offset and form column (as CellRef holds it), where it is on the sheet now. */
export function cellOf(form: FormState, map: FormMap, cell: { row: number; column: number }): { row: number; column: number } | undefined {
  const ref = form.rows.find((r) => r.offset === cell.row);
  return ref ? map.at(ref.code, cell.column) : undefined;
}
