import { sameEntry, type Entry } from "../api/model";
import { cellAddress, parseAddress } from "./address";
import { entryFromRow } from "./cellValues";
import { Column, columnCount } from "./layout";
import type { CellRef, FormState } from "./formStore";
import { Fill, protectionOptions } from "./style";

export interface RejectedCell extends CellRef { message: string }

/**
 * Marks rejected cells (red fill and a note with the reason), removes the marks of the previous
 * push, and selects the first rejected cell. Rows and columns are offsets into the form body.
 */
export async function markRejected(form: FormState, cells: RejectedCell[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(form.sheetId);
    const body = sheet.getRange("A1").getOffsetRange(form.bodyStart, 0);
    const address = (c: CellRef) => cellAddress(form.bodyStart + c.row, c.column);
    const oldNotes = form.rejected.map((c) => sheet.notes.getItemOrNullObject(address(c)));
    await context.sync();

    sheet.protection.unprotect();
    for (const c of form.rejected) body.getOffsetRange(c.row, c.column).format.fill.color = Fill.input;
    for (const note of oldNotes) if (!note.isNullObject) note.delete();
    for (const c of cells) {
      const cell = body.getOffsetRange(c.row, c.column);
      cell.format.fill.color = Fill.rejected;
      sheet.notes.add(cell, c.message);
    }
    const first = cells[0];
    if (first) {
      sheet.activate();
      body.getOffsetRange(first.row, first.column).select();
    }
    sheet.protection.protect(protectionOptions);
    await context.sync();
  });
}

/**
 * Paints the input cells inside `address` (the whole body without one) yellow where they differ
 * from what the server holds, pale blue where they match. Cells marked rejected keep their mark.
 * Returns the codes of the rows that differ, within the area looked at.
 */
export async function refreshEditMarks(form: FormState, address?: string): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(form.sheetId);
    const body = sheet.getRange("A1").getOffsetRange(form.bodyStart, 0).getResizedRange(form.bodyLength - 1, columnCount - 1);
    body.load("values");
    await context.sync();

    const area = address ? parseAddress(address) : null;
    const inArea = (row: number, column: number) => !area
      || (form.bodyStart + row >= area.firstRow && form.bodyStart + row <= area.lastRow && column >= area.firstColumn && column <= area.lastColumn);
    const sent = new Map(form.sent.map((e) => [e.indicatorCode, e]));
    const rejected = new Set(form.rejected.map((c) => `${c.row}:${c.column}`));
    const changed: string[] = [];
    const paint: { row: number; column: number; color: string }[] = [];
    form.rows.forEach((ref) => {
      const cells = body.values[ref.offset] ?? [];
      if (String(cells[Column.code]) !== ref.code) return;
      const mine = entryFromRow(ref, cells, []);
      const theirs = sent.get(ref.code);
      if (!sameEntry(mine, theirs)) changed.push(ref.code);
      for (const column of ref.inputs) {
        if (!inArea(ref.offset, column) || rejected.has(`${ref.offset}:${column}`)) continue;
        const differs = fieldOf(mine, column) !== fieldOf(theirs, column);
        paint.push({ row: ref.offset, column, color: differs ? Fill.edited : Fill.input });
      }
    });
    if (paint.length > 0) {
      sheet.protection.unprotect();
      for (const p of paint) body.getCell(p.row, p.column).format.fill.color = p.color;
      sheet.protection.protect(protectionOptions);
      await context.sync();
    }
    return changed;
  });
}

function fieldOf(entry: Entry | undefined, column: number): number | string | null {
  switch (column) {
    case Column.value: return entry?.value ?? null;
    case Column.numerator: return entry?.numerator ?? null;
    case Column.denominator: return entry?.denominator ?? null;
    default: return entry?.note ?? "";
  }
}

/** Shows a cell of a form body: activates the sheet and selects the cell. */
export async function selectCell(form: FormState, cell: CellRef): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(form.sheetId);
    sheet.activate();
    sheet.getRange("A1").getOffsetRange(form.bodyStart + cell.row, cell.column).select();
    await context.sync();
  });
}
