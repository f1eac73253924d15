import type { Entry } from "../api/model";
import { entryFromRow, type InvalidCell } from "./cellValues";
import { Column, columnCount } from "./layout";
import type { FormState } from "./formStore";

export interface FormReading { entries: Entry[]; invalid: InvalidCell[] }

/** Reads the input cells of a form sheet, matching rows by the hidden indicator code. */
export async function readEntries(form: FormState): Promise<FormReading> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(form.sheetId);
    const body = sheet.getRange("A1").getOffsetRange(form.bodyStart, 0).getResizedRange(form.bodyLength - 1, columnCount - 1);
    body.load("values");
    await context.sync();
    const invalid: InvalidCell[] = [];
    const byCode = new Map(body.values.map((cells, offset) => [String(cells[Column.code]), { cells, offset }]));
    const entries = form.rows.flatMap((ref) => {
      const found = byCode.get(ref.code);
      return found ? [entryFromRow({ ...ref, offset: found.offset }, found.cells, invalid)] : [];
    });
    return { entries, invalid };
  });
}
