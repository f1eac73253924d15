import { sameEntry, type Entry } from "../api/model";
import { cellAddress, parseAddress } from "./address";
import { entryFromRow } from "./cellValues";
import { Column } from "./layout";
import { cellOf, readMapped, rowCells } from "./locate";
import type { CellRef, FormState } from "./formStore";
import { Fill, protectionOptions } from "./style";
import { notesSupported } from "./support";

export interface RejectedCell extends CellRef { message: string }

/**
 * Marks rejected cells (red fill and a note with the reason), removes the marks of the previous
 * push, and selects the first rejected cell. Cells are given by body offset and form column and
 * found on the sheet by code and header, wherever they are now.
 */
export async function markRejected(form: FormState, cells: RejectedCell[]): Promise<void> {
  await Excel.run(async (context) => {
    const { map, sheet } = await readMapped(context, form);
    const origin = sheet.getRange("A1");
    const place = (c: CellRef) => cellOf(form, map, c);
    const oldPlaces = form.rejected.flatMap((c) => place(c) ?? []);
    const notes = notesSupported();
    const oldNotes = notes ? oldPlaces.map((p) => sheet.notes.getItemOrNullObject(cellAddress(p.row, p.column))) : [];
    await context.sync();

    sheet.protection.unprotect();
    for (const p of oldPlaces) origin.getOffsetRange(p.row, p.column).format.fill.color = Fill.input;
    for (const note of oldNotes) if (!note.isNullObject) note.delete();
    const placed = cells.flatMap((c) => { const p = place(c); return p ? [{ ...p, message: c.message }] : []; });
    for (const c of placed) {
      const cell = origin.getOffsetRange(c.row, c.column);
      cell.format.fill.color = Fill.rejected;
      if (notes) sheet.notes.add(cell, c.message);
    }
    const first = placed[0];
    if (first) {
      sheet.activate();
      origin.getOffsetRange(first.row, first.column).select();
    }
    sheet.protection.protect(protectionOptions);
    await context.sync();
  });
}

/**
 * Paints the input cells inside `address` (the whole form without one) yellow where they differ
 * from what the server holds, pale blue where they match. Cells marked rejected keep their mark.
 * Returns the codes of the rows that differ, within the area looked at.
 */
export async function refreshEditMarks(form: FormState, address?: string): Promise<string[]> {
  return Excel.run(async (context) => {
    const { grid, map, sheet } = await readMapped(context, form);
    const area = address ? parseAddress(address) : null;
    const inArea = (p: { row: number; column: number }) => !area
      || (p.row >= area.firstRow && p.row <= area.lastRow && p.column >= area.firstColumn && p.column <= area.lastColumn);
    const sent = new Map(form.sent.map((e) => [e.indicatorCode, e]));
    const rejected = new Set(form.rejected.map((c) => `${c.row}:${c.column}`));
    const changed: string[] = [];
    const paint: { row: number; column: number; color: string }[] = [];
    form.rows.forEach((ref) => {
      const mine = entryFromRow(ref, rowCells(map, grid, ref.code), []);
      const theirs = sent.get(ref.code);
      if (!sameEntry(mine, theirs)) changed.push(ref.code);
      for (const column of ref.inputs) {
        const at = map.at(ref.code, column);
        if (!at || !inArea(at) || rejected.has(`${ref.offset}:${column}`)) continue;
        const differs = fieldOf(mine, column) !== fieldOf(theirs, column);
        paint.push({ ...at, color: differs ? Fill.edited : Fill.input });
      }
    });
    if (paint.length > 0) {
      const origin = sheet.getRange("A1");
      sheet.protection.unprotect();
      for (const p of paint) origin.getOffsetRange(p.row, p.column).format.fill.color = p.color;
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

/** Shows a cell of a form body: activates the sheet and selects the cell where it is now. */
export async function selectCell(form: FormState, cell: CellRef): Promise<void> {
  await Excel.run(async (context) => {
    const { map, sheet } = await readMapped(context, form);
    const at = cellOf(form, map, cell);
    sheet.activate();
    if (at) sheet.getRange("A1").getOffsetRange(at.row, at.column).select();
    await context.sync();
  });
}
