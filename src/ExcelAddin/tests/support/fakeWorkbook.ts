import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, parseAddress } from "../../src/excel/address";
import { chartCollection, type FakeChart } from "./fakeCharts";

export type { FakeChart, FakeSeries } from "./fakeCharts";

// An in-memory workbook exposed through office-addin-mock objects, so the add-in's Excel code
// runs unchanged against it: a property read before load + sync yields the mock's error text
// (the tests catch a missing load), writes land in a cell grid the tests inspect, and a
// protected sheet refuses value writes to locked cells as Excel does.

export type CellValue = string | number | boolean;
export interface Cell {
  value: CellValue; numberFormat: string; fill: string | null; bold: boolean; italic: boolean; locked: boolean;
  /** The data-validation rule and error alert set on the cell, as the add-in gave them. */
  validation: { rule: unknown; errorAlert: unknown } | null;
}
type Handler = (event: { worksheetId: string; address: string; changeType: string; source: string }) => Promise<void>;

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly hiddenColumns = new Set<number>();
  readonly notes = new Map<string, string>();
  readonly handlers: Handler[] = [];
  readonly charts: FakeChart[] = [];
  protected = false;
  frozenRows = 0;
  constructor(readonly id: string, public name: string) {}

  cell(row: number, column: number): Cell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: null, bold: false, italic: false, locked: true, validation: null };
      this.cells.set(key, cell);
    }
    return cell;
  }
  at(address: string): Cell {
    const a = parseAddress(address);
    return this.cell(a.firstRow, a.firstColumn);
  }
  /** A user deleting (count < 0) or inserting rows at `at`, or columns with `axis` "column": cells, notes and hidden columns move. */
  shift(axis: "row" | "column", at: number, count: number): void {
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(":").map(Number) as [number, number];
      const position = axis === "row" ? r : c;
      if (count < 0 && position >= at && position < at - count) continue;
      const next = position >= at ? position + count : position;
      moved.set(axis === "row" ? `${next}:${c}` : `${r}:${next}`, cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    if (axis === "column") {
      const hidden = [...this.hiddenColumns].map((c) => (c >= at ? c + count : c));
      this.hiddenColumns.clear();
      hidden.forEach((c) => this.hiddenColumns.add(c));
    }
    const notes = [...this.notes].map(([address, text]) => {
      const p = parseAddress(address);
      const row = axis === "row" && p.firstRow >= at ? p.firstRow + count : p.firstRow;
      const column = axis === "column" && p.firstColumn >= at ? p.firstColumn + count : p.firstColumn;
      return [cellAddress(row, column), text] as const;
    });
    this.notes.clear();
    notes.forEach(([address, text]) => this.notes.set(address, text));
  }

  /** The numbers or texts a chart would plot from a range of this sheet, row by row. */
  plotted(address: string): CellValue[] {
    const a = parseAddress(address);
    const out: CellValue[] = [];
    for (let r = a.firstRow; r <= a.lastRow; r++) for (let c = a.firstColumn; c <= a.lastColumn; c++) out.push(this.cells.get(`${r}:${c}`)?.value ?? "");
    return out;
  }

  /** Rows of values from the first row down to the last non-empty one. */
  grid(columns: number): CellValue[][] {
    const last = Math.max(-1, ...[...this.cells.entries()].filter(([, c]) => c.value !== "").map(([k]) => Number(k.split(":")[0])));
    return Array.from({ length: last + 1 }, (_, r) => Array.from({ length: columns }, (_, c) => this.cells.get(`${r}:${c}`)?.value ?? ""));
  }
}

export interface SyncRecord { cellsWritten: number; calculationSuspended: boolean; screenSuspended: boolean; calculationMode: string }

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly parts: { id: string; xml: string }[] = [];
  readonly syncs: SyncRecord[] = [];
  calculationMode = "Automatic";
  /** Recalculations asked for (Excel's application.calculate), by type. */
  readonly recalculations: string[] = [];
  selection: { sheet: string; address: string } | null = null;
  readonly activationHandlers: ((e: { worksheetId: string }) => Promise<void>)[] = [];
  active: string | null = null;
  private nextId = 1;
  private pending = { cellsWritten: 0, calculationSuspended: false, screenSuspended: false };
  private live: (() => void)[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.sheets.push(new FakeSheet(`{sheet-${this.nextId++}}`, name));
    this.active = this.sheets[0]?.id ?? null;
  }

  sheet(nameOrId: string): FakeSheet {
    const found = this.find(nameOrId);
    if (!found) throw new Error(`No sheet ${nameOrId}`);
    return found;
  }
  private find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  /** A user switching to another sheet. */
  async activate(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.active = sheet.id;
    for (const handler of this.activationHandlers) await handler({ worksheetId: sheet.id });
  }

  /** A user typing into a cell: refused on a locked cell of a protected sheet; fires onChanged. */
  async type(sheetName: string, address: string, value: CellValue): Promise<void> {
    const sheet = this.sheet(sheetName);
    const cell = sheet.at(address);
    if (sheet.protected && cell.locked) throw new Error(`Cell ${address} is protected.`);
    cell.value = value;
    for (const handler of sheet.handlers) await handler({ worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local" });
  }

  /** The `Excel` namespace: `Excel.run` hands the callback a fresh request context. */
  excel(): typeof Excel {
    return new OfficeMockObject({ run: async (batch: (context: unknown) => Promise<unknown>) => batch(this.context()) }) as unknown as typeof Excel;
  }

  private context(): unknown {
    const wb = this;
    const context = new OfficeMockObject({
      workbook: {
        customXmlParts: {
          add: (xml: string) => { wb.parts.push({ id: `{part-${wb.nextId++}}`, xml }); },
          getByNamespace: (ns: string) => ({
            getOnlyItemOrNullObject: () => {
              const matching = wb.parts.filter((p) => p.xml.includes(`xmlns="${ns}"`));
              if (matching.length > 1) throw new Error("More than one part in the namespace.");
              return wb.part(matching[0] ?? null);
            },
          }),
        },
      },
      application: {
        calculationMode: this.calculationMode,
        suspendApiCalculationUntilNextSync: () => { wb.pending.calculationSuspended = true; },
        suspendScreenUpdatingUntilNextSync: () => { wb.pending.screenSuspended = true; },
        calculate: (type: string) => { wb.recalculations.push(type); },
      },
    });
    // A mock cannot be nested inside another's initial data; the collection is attached after.
    (context as unknown as { workbook: { worksheets: unknown } }).workbook.worksheets = this.worksheets();
    const application = (context as unknown as { application: OfficeMockObject }).application;
    (context as unknown as { application: unknown }).application = this.watch(application, (prop, value) => {
      if (prop === "calculationMode") wb.calculationMode = String(value);
    });
    // The mock's own sync walks its tree; ranges made by functions are synced through `live`.
    (context as unknown as { sync: () => Promise<void> }).sync = this.wrapSync(context);
    return context;
  }

  private wrapSync(context: OfficeMockObject): () => Promise<void> {
    const wb = this;
    const own = OfficeMockObject.prototype.sync;
    return async () => {
      for (const refresh of wb.live) refresh();
      await own.call(context);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      wb.syncs.push({ ...wb.pending, calculationMode: wb.calculationMode });
      wb.pending = { cellsWritten: 0, calculationSuspended: false, screenSuspended: false };
    };
  }

  /** Registers a mock made on the fly so sync delivers its loaded properties fresh from the grid. */
  private track(mock: OfficeMockObject, fresh: Record<string, () => unknown>): void {
    const internals = mock as unknown as { _properties: Map<string, { _loaded: boolean; _valueBeforeLoaded: unknown }> };
    this.live.push(() => {
      for (const [name, read] of Object.entries(fresh)) {
        const property = internals._properties.get(name);
        if (property?._loaded) property._valueBeforeLoaded = read();
      }
      void mock.sync();
    });
  }

  /** Wraps a mock so assignments reach the fake workbook as well as the mock. */
  private watch<T extends object>(target: T, onSet: (prop: string, value: unknown) => void, nested: Record<string, (value: object) => object> = {}): T {
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        const value = Reflect.get(t, prop, receiver) as unknown;
        const wrap = typeof prop === "string" ? nested[prop] : undefined;
        return wrap && value && typeof value === "object" ? wrap(value) : value;
      },
      set: (t, prop, value, receiver) => {
        // The mock itself writes its "not loaded" error texts while loading; those are not edits.
        const mockError = typeof value === "string" && value.startsWith("Error, ");
        if (typeof prop === "string" && !mockError) onSet(prop, value);
        return Reflect.set(t, prop, value, receiver);
      },
    });
  }

  private worksheets(): unknown {
    const wb = this;
    const items = () => wb.sheets.map((s) => ({ id: s.id, name: s.name }));
    const collection = new OfficeMockObject({
      items: items(),
      add: (name: string) => {
        if (wb.find(name)) throw new Error(`A sheet named ${name} exists.`);
        const sheet = new FakeSheet(`{sheet-${wb.nextId++}}`, name);
        wb.sheets.push(sheet);
        return wb.worksheet(sheet);
      },
      getItem: (key: string) => {
        const sheet = wb.find(key);
        if (!sheet) throw new Error(`ItemNotFound: ${key}`);
        return wb.worksheet(sheet);
      },
      onActivated: { add: (handler: (e: { worksheetId: string }) => Promise<void>) => { wb.activationHandlers.push(handler); return { remove: () => undefined }; } },
      getActiveWorksheet: () => wb.worksheet(wb.sheet(wb.active ?? wb.sheets[0]!.id)),
      getItemOrNullObject: (key: string) => {
        const sheet = wb.find(key);
        return sheet ? wb.worksheet(sheet) : Object.assign(new OfficeMockObject({}), { isNullObject: true });
      },
    });
    // The mock cannot navigate into an array; "items/name" loads the items as a whole.
    const load = OfficeMockObject.prototype.load;
    (collection as unknown as { load: (p: string) => unknown }).load = (p: string) =>
      load.call(collection, p.split(",").map((x) => x.trim().split("/")[0]).join(","));
    this.track(collection, { items });
    return collection;
  }

  private worksheet(sheet: FakeSheet): unknown {
    const wb = this;
    const mock = new OfficeMockObject({
      id: sheet.id,
      name: sheet.name,
      // Without an address, Excel's getRange is the whole sheet.
      getRange: (address = "A1:XFD1048576") => {
        const a = parseAddress(address);
        return wb.range(sheet, a.firstRow, a.firstColumn, a.lastRow - a.firstRow + 1, a.lastColumn - a.firstColumn + 1);
      },
      // The smallest range holding every cell with a value (A1 on an empty sheet), as Excel's getUsedRange(true).
      getUsedRange: () => {
        const used = [...sheet.cells.entries()].filter(([, c]) => c.value !== "").map(([k]) => k.split(":").map(Number) as [number, number]);
        if (used.length === 0) return wb.range(sheet, 0, 0, 1, 1);
        const [rows, columns] = [used.map(([r]) => r), used.map(([, c]) => c)];
        const [top, left] = [Math.min(...rows), Math.min(...columns)];
        return wb.range(sheet, top, left, Math.max(...rows) - top + 1, Math.max(...columns) - left + 1);
      },
      activate: () => { wb.active = sheet.id; },
      delete: () => { wb.sheets.splice(wb.sheets.indexOf(sheet), 1); },
      protection: {
        protected: sheet.protected,
        protect: () => { if (sheet.protected) throw new Error("The sheet is already protected."); sheet.protected = true; },
        unprotect: () => { sheet.protected = false; },
      },
      freezePanes: { freezeRows: (n: number) => { sheet.frozenRows = n; }, unfreeze: () => { sheet.frozenRows = 0; } },
      onChanged: { add: (handler: Handler) => { sheet.handlers.push(handler); return { remove: () => undefined }; } },
      notes: {
        add: (where: unknown, content: string) => {
          const at = typeof where === "string" ? where : wb.positionOf(where);
          sheet.notes.set(at, content);
        },
        getItemOrNullObject: (address: string) => {
          const exists = sheet.notes.has(address);
          return Object.assign(new OfficeMockObject({ delete: () => { sheet.notes.delete(address); } }), { isNullObject: !exists });
        },
      },
    });
    this.track(mock, { name: () => sheet.name, id: () => sheet.id });
    (mock as unknown as { charts: unknown }).charts = chartCollection(sheet.charts, {
      address: (range) => this.extentOf(range, sheet).address,
      watch: (target, onSet, nested) => this.watch(target, onSet, nested),
      track: (mock, fresh) => this.track(mock, fresh),
    });
    return Object.assign(mock, { isNullObject: false });
  }

  /** The sheet-local address of a range made by this workbook; a range of another sheet is refused, as Excel refuses it. */
  private readonly extents = new WeakMap<object, { sheet: FakeSheet; address: string }>();
  private extentOf(range: unknown, sheet: FakeSheet): { sheet: FakeSheet; address: string } {
    const extent = this.extents.get(range as object);
    if (!extent) throw new Error("A chart's data must be a range of this workbook.");
    if (extent.sheet !== sheet) throw new Error("A chart's data must be on its own sheet here.");
    return extent;
  }

  private readonly positions = new WeakMap<object, string>();
  private positionOf(range: unknown): string {
    const at = this.positions.get(range as object);
    if (!at) throw new Error("notes.add needs a cell address or a range of this workbook.");
    return at;
  }

  private range(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): unknown {
    const wb = this;
    const entire = rows > 100_000;
    const each = (f: (cell: Cell, r: number, c: number) => void) => {
      if (entire) return;
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) f(sheet.cell(row + r, column + c), r, c);
    };
    const grid = <T>(read: (cell: Cell) => T): T[][] => entire ? [] :
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(sheet.cell(row + r, column + c))));
    const first = () => sheet.cell(row, column);
    const mock = new OfficeMockObject({
      address: `${sheet.name}!${cellAddress(row, column)}${rows * columns > 1 ? `:${cellAddress(row + rows - 1, column + columns - 1)}` : ""}`,
      rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns,
      values: grid((c) => c.value),
      numberFormat: grid((c) => c.numberFormat),
      columnHidden: sheet.hiddenColumns.has(column),
      format: {
        columnWidth: 64, wrapText: false, horizontalAlignment: "General", verticalAlignment: "Bottom",
        fill: { color: first().fill ?? "#FFFFFF", clear: () => each((c) => { c.fill = null; }) },
        font: { bold: first().bold, italic: first().italic, name: "Calibri", size: 11, color: "#000000" },
        protection: { locked: first().locked },
        borders: { getItem: () => new OfficeMockObject({ style: "None" }) },
      },
      dataValidation: { rule: "", errorAlert: "" },
      getOffsetRange: (dr: number, dc: number) => wb.range(sheet, row + dr, column + dc, rows, columns),
      getResizedRange: (dr: number, dc: number) => wb.range(sheet, row, column, rows + dr, columns + dc),
      getCell: (r: number, c: number) => wb.range(sheet, row + r, column + c, 1, 1),
      getEntireColumn: () => wb.range(sheet, 0, column, 1_048_576, columns),
      clear: (applyTo = "All") => {
        if (sheet.protected) throw new Error("The sheet is protected.");
        for (const key of [...sheet.cells.keys()]) {
          const [r, c] = key.split(":").map(Number) as [number, number];
          if (r < row || r >= row + rows || c < column || c >= column + columns) continue;
          if (applyTo === "All") sheet.cells.delete(key);
          else if (applyTo === "Contents") sheet.cell(r, c).value = "";
        }
      },
      select: () => { wb.selection = { sheet: sheet.name, address: cellAddress(row, column) }; wb.active = sheet.id; },
    });
    this.track(mock, { values: () => grid((c) => c.value), numberFormat: () => grid((c) => c.numberFormat) });

    const matrix = (value: unknown, r: number, c: number): unknown =>
      Array.isArray(value) ? (value[r] as unknown[] | undefined)?.[c] : value;
    const checkShape = (value: unknown) => {
      if (Array.isArray(value) && (value.length !== rows || (value as unknown[][]).some((line) => !Array.isArray(line) || line.length !== columns))) {
        throw new Error(`InvalidArgument: ${rows}x${columns} range given ${value.length} rows.`);
      }
    };
    const setFormat = (apply: (cell: Cell) => void) => {
      if (sheet.protected) throw new Error("The sheet is protected.");
      each(apply);
    };
    const proxy = this.watch(mock, (prop, value) => {
      if (prop === "values") {
        checkShape(value);
        each((cell, r, c) => {
          if (sheet.protected && cell.locked) throw new Error("The cell you are trying to change is protected.");
          cell.value = matrix(value, r, c) as CellValue;
          wb.pending.cellsWritten++;
        });
      } else if (prop === "numberFormat") {
        checkShape(value);
        each((cell, r, c) => { cell.numberFormat = String(matrix(value, r, c)); });
      } else if (prop === "columnHidden") {
        for (let c = 0; c < columns; c++) (value ? sheet.hiddenColumns.add(column + c) : sheet.hiddenColumns.delete(column + c));
      }
    }, {
      format: (format) => this.watch(format, () => undefined, {
        fill: (fill) => this.watch(fill, (prop, value) => { if (prop === "color") setFormat((c) => { c.fill = String(value); }); }),
        font: (font) => this.watch(font, (prop, value) => {
          if (prop === "bold") setFormat((c) => { c.bold = Boolean(value); });
          if (prop === "italic") setFormat((c) => { c.italic = Boolean(value); });
        }),
        protection: (protection) => this.watch(protection, (prop, value) => { if (prop === "locked") setFormat((c) => { c.locked = Boolean(value); }); }),
      }),
      dataValidation: (validation) => this.watch(validation, (prop, value) => {
        if (prop !== "rule" && prop !== "errorAlert") return;
        setFormat((c) => { c.validation = { rule: null, errorAlert: null, ...c.validation, [prop]: value }; });
      }),
    });
    this.positions.set(proxy, cellAddress(row, column));
    const last = cellAddress(row + rows - 1, column + columns - 1);
    this.extents.set(proxy, { sheet, address: rows * columns > 1 ? `${cellAddress(row, column)}:${last}` : last });
    return proxy;
  }

  private part(found: { id: string; xml: string } | null): unknown {
    const wb = this;
    const mock = new OfficeMockObject({
      id: found?.id ?? "",
      getXml: () => ({ value: found?.xml ?? "" }),
      setXml: (xml: string) => { if (found) found.xml = xml; },
      delete: () => { if (found) wb.parts.splice(wb.parts.indexOf(found), 1); },
    });
    return Object.assign(mock, { isNullObject: found === null });
  }
}
