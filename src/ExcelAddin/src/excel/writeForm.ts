import { Column, chunkRows, columnCount, type Cell, type FormLayout, type FormRow } from "./layout";
import { Fill, columnWidths, font, protectionOptions } from "./style";

export interface WrittenSheet { sheetId: string; sheetName: string }

/**
 * Writes a data-entry form into a new sheet: heading, column header, body in chunks (one sync
 * each, calculation and screen updating suspended), inputs unlocked, codes hidden, sheet protected.
 */
export async function writeForm(layout: FormLayout, budgetBytes?: number): Promise<WrittenSheet> {
  return Excel.run(async (context) => {
    const application = context.application;
    application.load("calculationMode");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const calculationMode = application.calculationMode;
    const name = uniqueName(layout.sheetName, sheets.items.map((s) => s.name));
    application.calculationMode = "Manual";
    try {
      const sheet = sheets.add(name);
      sheet.load("id,name");
      const anchor = sheet.getRange("A1");
      const totalRows = layout.bodyStart + layout.body.length + layout.foot.length;
      const all = anchor.getResizedRange(totalRows - 1, columnCount - 1);
      all.format.font.name = font;
      all.format.font.size = 12;
      all.numberFormat = fill(totalRows, "@");

      writeBlock(anchor, layout.head);
      const heading = anchor.getResizedRange(layout.bodyStart - 2, columnCount - 1);
      heading.format.font.bold = true;
      anchor.getOffsetRange(layout.bodyStart - 2, Column.name).format.font.italic = true;
      anchor.getOffsetRange(layout.bodyStart - 2, Column.name).format.font.bold = false;
      const header = anchor.getOffsetRange(layout.bodyStart - 1, 0).getResizedRange(0, columnCount - 1);
      header.format.font.bold = true;
      header.format.fill.color = Fill.header;
      header.format.wrapText = true;
      header.format.horizontalAlignment = "Center";

      let offset = layout.bodyStart;
      for (const chunk of chunkRows(layout.body, budgetBytes)) {
        const block = anchor.getOffsetRange(offset, 0).getResizedRange(chunk.length - 1, columnCount - 1);
        block.numberFormat = chunk.map(numberFormats);
        block.values = chunk.map((row) => row.cells);
        block.format.wrapText = true;
        block.format.verticalAlignment = "Center";
        // Typed text ("bốn trăm", a stray letter) is refused by Excel itself, before the add-in reads it.
        const numbers = anchor.getOffsetRange(offset, Column.value).getResizedRange(chunk.length - 1, Column.denominator - Column.value);
        numbers.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        numbers.dataValidation.errorAlert = {
          showAlert: true, style: "Stop", title: "Số liệu không hợp lệ",
          message: "Ô này chỉ nhận số không âm (ví dụ 96,2 hoặc 260000). / Only numbers of zero or more.",
        };
        chunk.forEach((row, i) => {
          const line = anchor.getOffsetRange(offset + i, 0);
          if (row.kind === "group") {
            const groupRow = line.getResizedRange(0, columnCount - 1);
            groupRow.format.font.bold = true;
            groupRow.format.fill.color = Fill.group;
          }
          for (const column of row.inputs) {
            const input = line.getOffsetRange(0, column);
            input.format.protection.locked = false;
            input.format.fill.color = Fill.input;
          }
        });
        application.suspendApiCalculationUntilNextSync();
        application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
        offset += chunk.length;
      }

      const table = anchor.getOffsetRange(layout.bodyStart - 1, 0).getResizedRange(layout.body.length, columnCount - 1);
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
        table.format.borders.getItem(edge).style = "Continuous";
      }
      writeBlock(anchor.getOffsetRange(offset, 0), layout.foot);
      anchor.getOffsetRange(offset + 1, Column.value).format.font.italic = true;
      anchor.getOffsetRange(offset + 2, Column.value).format.font.bold = true;
      columnWidths.forEach((width, column) => {
        anchor.getOffsetRange(0, column).format.columnWidth = width * 7;
      });
      anchor.getEntireColumn().columnHidden = true;
      sheet.freezePanes.freezeRows(layout.bodyStart);
      sheet.protection.protect(protectionOptions);
      sheet.activate();
      await context.sync();
      return { sheetId: sheet.id, sheetName: sheet.name };
    } finally {
      application.calculationMode = calculationMode;
      await context.sync();
    }
  });
}

/**
 * Input cells carry a number format so what is typed is read as a number of the indicator's kind:
 * counts as whole numbers, percentages, rates and ratios (the rows with parts) with decimals.
 */
export function numberFormats(row: FormRow): string[] {
  if (row.kind === "group") return Array<string>(columnCount).fill("@");
  const parts = row.inputs.includes(Column.numerator);
  return ["@", "@", "@", "@", "@", parts ? "#,##0.0##" : "#,##0", parts ? "#,##0" : "@", parts ? "#,##0" : "@", "@"];
}

function writeBlock(anchor: Excel.Range, rows: Cell[][]) {
  if (rows.length === 0) return;
  anchor.getResizedRange(rows.length - 1, columnCount - 1).values = rows;
}

function fill(rows: number, format: string): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columnCount }, () => format));
}

function uniqueName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
