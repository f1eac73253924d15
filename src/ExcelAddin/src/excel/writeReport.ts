import { columnLetters } from "./address";
import { chunkRows, type Cell } from "./layout";
import { Fill, font } from "./style";

export interface ReportTable {
  sheetName: string;
  title: string;
  subtitle: string;
  header: string[];
  /** Rows to show; `bold` for group rows; `code` names an indicator row's indicator (charts find rows by it). */
  rows: { cells: Cell[]; bold?: boolean; code?: string }[];
  widths: number[];
}

/** Body rows start below the title, the subtitle and the column header. */
export const reportBodyStart = 3;

/**
 * Writes a read-only report (the consolidated matrix, an attainment table) into a sheet of its
 * own. An earlier copy of the same report is rewritten in place, not deleted, so a chart drawn
 * from its cells stays and shows the new figures. Written in chunks like the forms.
 */
export async function writeReport(report: ReportTable, budgetBytes?: number): Promise<string> {
  return Excel.run(async (context) => {
    const application = context.application;
    const old = context.workbook.worksheets.getItemOrNullObject(report.sheetName);
    await context.sync();
    if (!old.isNullObject) {
      old.getRange().clear("All");
      old.freezePanes.unfreeze();
    }
    const sheet = old.isNullObject ? context.workbook.worksheets.add(report.sheetName) : old;
    const width = report.header.length;
    const anchor = sheet.getRange("A1");
    const whole = anchor.getResizedRange(report.rows.length + 3, width - 1);
    whole.format.font.name = font;
    const blank = () => Array.from({ length: width }, () => "");
    anchor.getResizedRange(2, width - 1).values = [
      [report.title, ...blank().slice(1)], [report.subtitle, ...blank().slice(1)], report.header,
    ];
    anchor.format.font.bold = true;
    anchor.getOffsetRange(1, 0).format.font.italic = true;
    const header = anchor.getOffsetRange(2, 0).getResizedRange(0, width - 1);
    header.format.font.bold = true;
    header.format.fill.color = Fill.header;
    header.format.wrapText = true;

    let offset = reportBodyStart;
    for (const chunk of chunkRows(report.rows, budgetBytes)) {
      const block = anchor.getOffsetRange(offset, 0).getResizedRange(chunk.length - 1, width - 1);
      block.values = chunk.map((r) => r.cells);
      chunk.forEach((r, i) => { if (r.bold) anchor.getOffsetRange(offset + i, 0).getResizedRange(0, width - 1).format.font.bold = true; });
      application.suspendApiCalculationUntilNextSync();
      application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
      offset += chunk.length;
    }
    report.widths.forEach((w, column) => { anchor.getOffsetRange(0, column).format.columnWidth = w * 7; });
    sheet.freezePanes.freezeRows(3);
    sheet.activate();
    await context.sync();
    return `${report.sheetName}!A1:${columnLetters(width - 1)}${offset}`;
  });
}
