import {
  accentBaseColor, baseLayerLuminance, fillColor, fluentButton, fluentNumberField, fluentOption, fluentProgress, fluentSelect, fluentTextField,
  provideFluentDesignSystem, StandardLuminance, SwatchRGB,
} from "@fluentui/web-components";

// The pane looks like Office: Fluent UI web components, Excel's green as the accent, and the
// light or dark theme of the Office host (its body colours), followed when the host changes it.

/** The part of Office's theme the pane follows (`Office.context.officeTheme`). */
export interface HostTheme { bodyBackgroundColor: string; bodyForegroundColor: string; isDarkTheme?: boolean }

const excelGreen = "#217346";
const lightTheme: HostTheme = { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", isDarkTheme: false };
const darkTheme: HostTheme = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", isDarkTheme: true };

export function registerComponents(): void {
  provideFluentDesignSystem().register(fluentButton(), fluentTextField(), fluentNumberField(), fluentSelect(), fluentOption(), fluentProgress());
}

function swatch(hex: string): SwatchRGB | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? SwatchRGB.create(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255) : null;
}

/**
 * Applies a host theme: the body takes Office's colours, the components compute theirs against
 * that background (Fluent's recipes keep text and controls at readable contrast), and
 * `data-theme` lets the pane's own styles choose their light or dark variants.
 */
export function applyTheme(theme: HostTheme): void {
  const body = document.body;
  const background = swatch(theme.bodyBackgroundColor);
  const dark = theme.isDarkTheme ?? (background ? background.relativeLuminance < 0.5 : false);
  const fallback = dark ? darkTheme : lightTheme;
  const base = background ?? swatch(fallback.bodyBackgroundColor)!;
  // A dark host theme with a lighter grey than Fluent's own dark layer still counts as dark.
  baseLayerLuminance.setValueFor(body, dark ? Math.min(base.relativeLuminance, StandardLuminance.DarkMode) : base.relativeLuminance);
  fillColor.setValueFor(body, base);
  accentBaseColor.setValueFor(body, swatch(excelGreen)!);
  body.dataset.theme = dark ? "dark" : "light";
  body.style.backgroundColor = background ? theme.bodyBackgroundColor : fallback.bodyBackgroundColor;
  body.style.color = swatch(theme.bodyForegroundColor) ? theme.bodyForegroundColor : fallback.bodyForegroundColor;
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
  applyTheme(office?.context?.officeTheme ?? (prefersDark ? darkTheme : lightTheme));
  const type = office?.EventType?.OfficeThemeChanged ?? "officeThemeChanged";
  try {
    office?.context?.document?.addHandlerAsync?.(type, (event) => { if (event.officeTheme) applyTheme(event.officeTheme); }, () => undefined);
  } catch {
    // A host without the event: the theme stays as read at start-up.
  }
}
