import { expect } from "vitest";
import { api, choose, keyOf, openPane, shotPath } from "./session";

// An administrator pushes a plan typed on a sheet: the pane previews it against the catalog without
// writing, then stores it; the server then holds the targets as typed.

type TargetItem = { indicatorCode: string; text: string };
const sdTargets2022 = async () =>
  (await api("/api/units/SD/targets?year=2022", { headers: { "X-Api-Key": keyOf("admin") } })).body as unknown as TargetItem[];

export async function adminPushesPlanFromSheet(): Promise<void> {
  const pane = await openPane();
  try {
    await pane.fill("#apiKey input", keyOf("admin"));
    await pane.click("#connectButton");
    await pane.waitForSelector("#planPush:not([hidden])");
    // An administrator belongs to no unit, and the pane says so rather than "null".
    expect(await pane.textContent("#whoami")).toContain("(quản trị, đơn vị —)");
    await pane.fill("#year input", "2022");
    await pane.press("#year input", "Tab");
    await choose("#unit", "SD", pane);
    const rows: (string | number)[][] = [
      ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2022"],
      [1, "Tổng số giường bệnh trong huyện", "Giường", 440],
      [2, "Số con mèo được tiêm phòng", "con", 12],
    ];
    await pane.evaluate(async (table) => {
      await window.workbook.type("Sheet1", "B1", "Phụ lục: chỉ tiêu y tế năm 2022 (số liệu mẫu)");
      for (const [r, row] of table.entries())
        for (const [c, value] of row.entries()) await window.workbook.type("Sheet1", `${"BCDE"[c]}${r + 3}`, value);
    }, rows);

    await pane.click("#planPreviewButton");
    await expect.poll(() => pane.textContent("#message")).toContain("1 dòng khớp, 1 dòng không khớp, 1 chỉ tiêu sẽ thay đổi");
    const preview = await pane.textContent("#planPreview");
    expect(preview).toContain("Tổng số giường bệnh trong huyện");
    expect(preview).toContain("Số con mèo được tiêm phòng");
    // A preview writes nothing.
    expect((await sdTargets2022()).some((t) => t.indicatorCode === "KCB.GIUONG_BENH")).toBe(false);
    await pane.screenshot({ path: shotPath("16-plan-preview.png"), fullPage: true });

    await pane.click("#planStoreButton");
    await expect.poll(() => pane.textContent("#message")).toContain("Đã lưu kế hoạch năm 2022 của SD");
    expect((await sdTargets2022()).find((t) => t.indicatorCode === "KCB.GIUONG_BENH")).toMatchObject({ text: "440" });
    expect(await pane.isHidden("#planStoreButton")).toBe(true);
  } finally {
    await pane.close();
  }
}
