// A1 addresses from zero-based row/column offsets, and back. Notes and event addresses
// are the only places Excel wants or gives addresses as text.

export function columnLetters(column: number): string {
  let n = column + 1, letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export interface CellBlock { firstRow: number; firstColumn: number; lastRow: number; lastColumn: number }

/** Parses "F10", "F10:H12" or "Sheet!F10:H12" (whole rows and columns too) into zero-based bounds. */
export function parseAddress(address: string): CellBlock {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from = "", to = from] = local.replace(/\$/g, "").split(":");
  const part = (text: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(text);
    if (!m) throw new Error(`Not a cell address: ${address}`);
    const letters = (m[1] ?? "").toUpperCase();
    const column = letters ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : null;
    const row = m[2] ? Number(m[2]) - 1 : null;
    return { row, column };
  };
  const a = part(from ?? ""), b = part(to);
  return {
    firstRow: a.row ?? 0, lastRow: b.row ?? 1_048_575,
    firstColumn: a.column ?? 0, lastColumn: b.column ?? 16_383,
  };
}
