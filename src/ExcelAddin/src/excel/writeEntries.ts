import type { Entry } from "../api/model";
import { rowFromEntry } from "./cellValues";
import { Column } from "./layout";
import type { FormState } from "./formStore";
import { Fill, protectionOptions } from "./style";

/** Writes entries into their rows' input cells (value .. note) and paints them as unchanged. */
export async function writeEntries(form: FormState, entries: Entry[]): Promise<void> {
  const byCode = new Map(entries.map((e) => [e.indicatorCode, e]));
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(form.sheetId);
    const body = sheet.getRange("A1").getOffsetRange(form.bodyStart, 0);
    sheet.protection.unprotect();
    for (const ref of form.rows) {
      if (!byCode.has(ref.code)) continue;
      const inputs = body.getOffsetRange(ref.offset, Column.value).getResizedRange(0, 3);
      inputs.values = [rowFromEntry(ref, byCode.get(ref.code))];
      for (const column of ref.inputs) body.getOffsetRange(ref.offset, column).format.fill.color = Fill.input;
    }
    sheet.protection.protect(protectionOptions);
    context.application.suspendScreenUpdatingUntilNextSync();
    await context.sync();
  });
}
