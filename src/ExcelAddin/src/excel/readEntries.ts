import type { Entry } from "../api/model";
import { entryFromRow, type InvalidCell } from "./cellValues";
import type { FormState } from "./formStore";
import { readMapped, rowCells } from "./locate";

export interface FormReading { entries: Entry[]; invalid: InvalidCell[] }

/**
 * Reads the input cells of a form sheet: rows by the hidden indicator code, columns by their
 * header names, wherever they are now (LayoutError when the sheet no longer maps).
 */
export async function readEntries(form: FormState): Promise<FormReading> {
  return Excel.run(async (context) => {
    const { grid, map } = await readMapped(context, form);
    const invalid: InvalidCell[] = [];
    const entries = form.rows.map((ref) => entryFromRow(ref, rowCells(map, grid, ref.code), invalid));
    return { entries, invalid };
  });
}
