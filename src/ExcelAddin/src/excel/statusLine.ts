import type { FormState } from "./formStore";
import { protectionOptions } from "./style";

// The form's workflow status is written in the heading's empty row (row 3, under the unit's name),
// where it prints with the form; it is not an input and stays locked.
export const statusCell = "C3";

export async function writeStatusLine(form: FormState, text: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(form.sheetId);
    await context.sync();
    if (sheet.isNullObject) return;
    sheet.protection.unprotect();
    const cell = sheet.getRange(statusCell);
    cell.values = [[text]];
    cell.format.font.italic = true;
    sheet.protection.protect(protectionOptions);
    await context.sync();
  });
}
