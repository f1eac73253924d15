import { FakeWorkbook } from "../support/fakeWorkbook";

// Loaded into the page before the task pane: stands in for Office.js and Excel (the
// office-addin-mock workbook), so the pane's real code runs in a real browser.
declare global {
  interface Window {
    workbook: FakeWorkbook; registeredFunctions: string[];
    /** The ribbon's commands as the pane associated them, called as Excel calls them. */
    commands: Record<string, (event: { completed: () => void }) => Promise<void>>;
    customFunctions: Record<string, (...args: unknown[]) => Promise<unknown>>;
    /** The host switching its Office theme, announced as Office announces it. */
    setOfficeTheme: (name: keyof typeof themes) => void;
  }
}

// Office's own body colours for its light (White, Colorful) and dark (Black) themes. The pane
// starts in the one named by `?officeTheme=` (light when absent).
const themes = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#242424", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#242424", isDarkTheme: false, themeId: 0 },
  dark: { bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#3D3D3D", controlForegroundColor: "#FFFFFF", isDarkTheme: true, themeId: 1 },
};
const themeHandlers: ((event: { type: string; officeTheme: unknown }) => void)[] = [];
const context = {
  officeTheme: themes[(new URLSearchParams(location.search).get("officeTheme") ?? "light") as keyof typeof themes] ?? themes.light,
  document: {
    addHandlerAsync: (type: string, handler: (event: { type: string; officeTheme: unknown }) => void, callback?: (result: { status: string }) => void) => {
      if (type === "officeThemeChanged") themeHandlers.push(handler);
      callback?.({ status: type === "officeThemeChanged" ? "succeeded" : "failed" });
    },
  },
};
window.setOfficeTheme = (name) => {
  context.officeTheme = themes[name];
  for (const handler of themeHandlers) handler({ type: "officeThemeChanged", officeTheme: themes[name] });
};

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
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context,
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
