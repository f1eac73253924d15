import type { Entry } from "../api/model";
import { rowFromEntry } from "./cellValues";
import { Column } from "./layout";
import type { FormState } from "./formStore";
import { readMapped } from "./locate";
import { Fill, protectionOptions } from "./style";

const inputOrder = [Column.value, Column.numerator, Column.denominator, Column.note];

/** Writes entries into their rows' input cells (value .. note), found by code and header, and paints them as unchanged. */
export async function writeEntries(form: FormState, entries: Entry[]): Promise<void> {
  const byCode = new Map(entries.map((e) => [e.indicatorCode, e]));
  await Excel.run(async (context) => {
    const { map, sheet } = await readMapped(context, form);
    const origin = sheet.getRange("A1");
    sheet.protection.unprotect();
    for (const ref of form.rows) {
      if (!byCode.has(ref.code)) continue;
      const cells = rowFromEntry(ref, byCode.get(ref.code));
      inputOrder.forEach((column, i) => {
        const at = ref.inputs.includes(column) ? map.at(ref.code, column) : undefined;
        if (!at) return;
        const cell = origin.getOffsetRange(at.row, at.column);
        cell.values = [[cells[i] ?? ""]];
        cell.format.fill.color = Fill.input;
      });
    }
    sheet.protection.protect(protectionOptions);
    context.application.suspendScreenUpdatingUntilNextSync();
    await context.sync();
  });
}
