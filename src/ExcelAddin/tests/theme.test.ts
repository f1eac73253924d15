import { describe, expect, it } from "vitest";
import { luminance, paneTheme } from "../src/taskpane/theme";

// The theme the pane takes from Office.context.officeTheme (applied to the page by look.ts; the
// browser test checks the page in both themes).

describe("pane theme", () => {
  it("Office_dark_theme_gives_a_dark_pane_with_the_host_body_colours", () => {
    expect(paneTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", isDarkTheme: true }))
      .toEqual({ dark: true, background: "#262626", foreground: "#FFFFFF", rgb: [38 / 255, 38 / 255, 38 / 255] });
  });

  it("Office_light_theme_gives_a_light_pane_with_the_host_body_colours", () => {
    expect(paneTheme({ bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#262626", isDarkTheme: false }))
      .toMatchObject({ dark: false, background: "#F3F3F3", foreground: "#262626" });
  });

  it("A_host_that_does_not_say_whether_it_is_dark_is_judged_by_its_background", () => {
    expect(paneTheme({ bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#E0E0E0" }).dark).toBe(true);
    expect(paneTheme({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#1F1F1F" }).dark).toBe(false);
  });

  it("Without_an_Office_theme_the_system_preference_chooses", () => {
    expect(paneTheme(undefined, true)).toMatchObject({ dark: true, background: "#292929", foreground: "#ffffff" });
    expect(paneTheme(undefined, false)).toMatchObject({ dark: false, background: "#ffffff", foreground: "#242424" });
  });

  it("Colours_the_pane_cannot_read_fall_back_to_the_standard_ones_of_the_theme", () => {
    expect(paneTheme({ bodyBackgroundColor: "", bodyForegroundColor: "", isDarkTheme: true }))
      .toMatchObject({ dark: true, background: "#292929", foreground: "#ffffff" });
    expect(paneTheme({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "black", isDarkTheme: false }).foreground).toBe("#242424");
  });

  it("Luminance_is_the_WCAG_relative_luminance", () => {
    expect(luminance([1, 1, 1])).toBeCloseTo(1, 6);
    expect(luminance([0, 0, 0])).toBe(0);
    // #777777, the grey that just misses 4.5:1 on white (4.48:1).
    const grey = 0x77 / 255;
    expect(1.05 / (luminance([grey, grey, grey]) + 0.05)).toBeCloseTo(4.48, 2);
  });
});
