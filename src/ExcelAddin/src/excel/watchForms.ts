// Sheets whose onChanged handler is registered in this runtime; the shared runtime keeps the
// handlers while the workbook is open, so each sheet is registered once.
const watched = new Set<string>();

/** Calls `onEdit` with the sheet id and the changed address whenever cells change on one of the sheets. */
export async function watchForms(sheetIds: string[], onEdit: (sheetId: string, address: string) => void): Promise<void> {
  const fresh = sheetIds.filter((id) => !watched.has(id));
  if (fresh.length === 0) return;
  await Excel.run(async (context) => {
    const sheets = fresh.map((id) => context.workbook.worksheets.getItemOrNullObject(id));
    await context.sync();
    sheets.forEach((sheet, i) => {
      if (sheet.isNullObject) return;
      sheet.onChanged.add(async (event) => { onEdit(event.worksheetId, event.address); });
      watched.add(fresh[i] ?? "");
    });
    await context.sync();
  });
}

/** Forgets registrations (a new workbook session, or tests). */
export function forgetWatches(): void {
  watched.clear();
  activationWatched = false;
}

let activationWatched = false;

/** Calls `onActivate` with the sheet id whenever the user switches sheets, so the pane follows. */
export async function watchActivation(onActivate: (sheetId: string) => void): Promise<void> {
  if (activationWatched) return;
  await Excel.run(async (context) => {
    context.workbook.worksheets.onActivated.add(async (event) => { onActivate(event.worksheetId); });
    await context.sync();
    activationWatched = true;
  });
}
