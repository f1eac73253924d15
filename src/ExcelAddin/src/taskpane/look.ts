import {
  accentBaseColor, baseLayerLuminance, fillColor, fluentButton, fluentNumberField, fluentOption, fluentProgress, fluentSelect, fluentTextField,
  provideFluentDesignSystem, StandardLuminance, SwatchRGB,
} from "@fluentui/web-components";
import { paneTheme, rgbOf, type HostTheme } from "./theme";

// The pane looks like Office: Fluent UI web components, Excel's green as the accent, and the
// light or dark theme of the Office host (its body colours), followed when the host changes it.

const excelGreen = rgbOf("#217346")!;

export function registerComponents(): void {
  provideFluentDesignSystem().register(fluentButton(), fluentTextField(), fluentNumberField(), fluentSelect(), fluentOption(), fluentProgress());
}

/**
 * Applies a host theme: the body takes Office's colours, the components compute theirs against
 * that background (Fluent's recipes keep text and controls at readable contrast), and
 * `data-theme` lets the pane's own styles choose their light or dark variants.
 */
export function applyTheme(host: HostTheme | undefined, prefersDark = false): void {
  const theme = paneTheme(host, prefersDark);
  const body = document.body;
  const base = SwatchRGB.create(...theme.rgb);
  // A dark host theme with a lighter grey than Fluent's own dark layer still counts as dark.
  baseLayerLuminance.setValueFor(body, theme.dark ? Math.min(base.relativeLuminance, StandardLuminance.DarkMode) : base.relativeLuminance);
  fillColor.setValueFor(body, base);
  accentBaseColor.setValueFor(body, SwatchRGB.create(...excelGreen));
  body.dataset.theme = theme.dark ? "dark" : "light";
  body.style.backgroundColor = theme.background;
  body.style.color = theme.foreground;
}

interface OfficeLike {
  context?: {
    officeTheme?: HostTheme;
    document?: { addHandlerAsync?: (type: string, handler: (event: { officeTheme?: HostTheme }) => void, callback?: (result: unknown) => void) => void };
  };
  EventType?: { OfficeThemeChanged?: string };
}

/**
 * The theme at start-up from `Office.context.officeTheme` (hosts without it: the system's
 * preference), then each change the host announces. Hosts that announce none reload the pane.
 */
export function followOfficeTheme(): void {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  const prefersDark = globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  applyTheme(office?.context?.officeTheme, prefersDark);
  const type = office?.EventType?.OfficeThemeChanged ?? "officeThemeChanged";
  try {
    office?.context?.document?.addHandlerAsync?.(type, (event) => { if (event.officeTheme) applyTheme(event.officeTheme); }, () => undefined);
  } catch {
    // A host without the event: the theme stays as read at start-up.
  }
}
