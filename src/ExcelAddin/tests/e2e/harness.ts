import { FakeWorkbook } from "../support/fakeWorkbook";

// Loaded into the page before the task pane: stands in for Office.js and Excel (the
// office-addin-mock workbook), so the pane's real code runs in a real browser.
declare global {
  interface Window {
    workbook: FakeWorkbook; registeredFunctions: string[];
    /** The ribbon's commands as the pane associated them, called as Excel calls them. */
    commands: Record<string, (event: { completed: () => void }) => Promise<void>>;
    customFunctions: Record<string, (...args: unknown[]) => Promise<unknown>>;
  }
}

const workbook = new FakeWorkbook(["Sheet1"]);
window.workbook = workbook;
window.registeredFunctions = [];
window.customFunctions = {};
window.commands = {};
Object.assign(window, {
  Excel: workbook.excel(),
  Office: {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    actions: { associate: (name: string, f: (event: { completed: () => void }) => Promise<void>) => { window.commands[name] = f; } },
  },
  CustomFunctions: {
    associate: (id: string, f: (...args: unknown[]) => Promise<unknown>) => {
      window.registeredFunctions.push(id);
      window.customFunctions[id] = f;
    },
    Error: class extends Error { constructor(readonly code: string, message?: string) { super(message); } },
    ErrorCode: { notAvailable: "#N/A" },
  },
});
