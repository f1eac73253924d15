// What the host supports beyond the manifest's ExcelApi 1.9, asked at run time so older perpetual
// Office (2021, 2024) still loads the add-in and only goes without the extra.

/** Cell notes (ExcelApi 1.18): where missing, a rejected cell is still filled red and the pane lists the reason. */
export function notesSupported(): boolean {
  const requirements = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version: string) => boolean } } } })
    .Office?.context?.requirements;
  // Without a requirements object (tests, the browser harness) the host is taken as current.
  return requirements?.isSetSupported ? requirements.isSetSupported("ExcelApi", "1.18") : true;
}

/** A full recalculation, so custom functions (not volatile) read the server again. */
export async function recalculate(): Promise<void> {
  await Excel.run(async (context) => {
    context.application.calculate("Full");
    await context.sync();
  });
}
