// Which theme the pane takes from the Office host: pure, so it is tested without a browser.

/** The part of Office's theme the pane follows (`Office.context.officeTheme`). */
export interface HostTheme { bodyBackgroundColor: string; bodyForegroundColor: string; isDarkTheme?: boolean }

/** The pane's theme: light or dark, the body colours, and the background as RGB fractions for Fluent. */
export interface PaneTheme { dark: boolean; background: string; foreground: string; rgb: [number, number, number] }

export const lightTheme: HostTheme = { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", isDarkTheme: false };
export const darkTheme: HostTheme = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", isDarkTheme: true };

export function rgbOf(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255] : null;
}

/** WCAG relative luminance of an RGB colour (fractions). */
export function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The host's theme as the pane uses it. Office says whether it is dark; where a host leaves that
 * out, a dark background decides. Colours the pane cannot read fall back to the standard light or
 * dark ones, so text is never left without contrast.
 */
export function paneTheme(host: HostTheme | undefined, prefersDark = false): PaneTheme {
  const given = host ?? (prefersDark ? darkTheme : lightTheme);
  const rgb = rgbOf(given.bodyBackgroundColor);
  const dark = given.isDarkTheme ?? (rgb ? luminance(rgb) < 0.2 : prefersDark);
  const fallback = dark ? darkTheme : lightTheme;
  const foregroundReadable = rgbOf(given.bodyForegroundColor) !== null;
  return {
    dark,
    background: rgb ? given.bodyBackgroundColor : fallback.bodyBackgroundColor,
    foreground: rgb && foregroundReadable ? given.bodyForegroundColor : fallback.bodyForegroundColor,
    rgb: rgb ?? rgbOf(fallback.bodyBackgroundColor)!,
  };
}
