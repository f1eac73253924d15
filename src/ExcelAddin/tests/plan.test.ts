import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "../src/api/client";
import { ApiError } from "../src/api/problem";
import { maxPlanColumns, planCells, readPlan } from "../src/excel/readPlan";
import { canStore, describePlan, previewPlan, storePlan } from "../src/forms/plan";
import type { FakeWorkbook } from "./support/fakeWorkbook";
import { freshBench } from "./support/formBench";
import type { MemoryServer } from "./support/memoryServer";

let wb: FakeWorkbook, server: MemoryServer, api: Api;
beforeEach(() => ({ wb, server, api } = freshBench()));

/** A plan typed by hand under a title, as the seed plans' annexes are: the table starts at B3. */
async function typeHandPlan(): Promise<void> {
  await wb.type("Sheet1", "B1", "Phụ lục: chỉ tiêu y tế năm 2021");
  const rows: (string | number)[][] = [
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021"],
    [1, "Tổng số giường bệnh", "giường", 430],
    [2, "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "%", "≥ 85"],
    [3, "Số con mèo được tiêm phòng", "con", 12],
  ];
  for (const [r, row] of rows.entries())
    for (const [c, value] of row.entries()) await wb.type("Sheet1", `${"BCDE"[c]}${r + 3}`, value);
}

describe("reading a plan from the sheet", () => {
  it("Reading_a_hand_typed_plan_sends_the_cells_from_A1_so_rows_keep_their_sheet_numbers_and_numbers_stay_numbers", async () => {
    await typeHandPlan();
    const plan = await readPlan();
    expect(plan.sheet).toBe("Sheet1");
    expect(plan.cells).toEqual([
      [null, "Phụ lục: chỉ tiêu y tế năm 2021"],
      [],
      [null, "TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021"],
      [null, 1, "Tổng số giường bệnh", "giường", 430],
      [null, 2, "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "%", "≥ 85"],
      [null, 3, "Số con mèo được tiêm phòng", "con", 12],
    ]);
  });

  it("Cells_beyond_what_the_server_reads_are_left_out_and_blank_text_is_empty", () => {
    const wide = [Array.from({ length: maxPlanColumns + 5 }, (_, i) => i)];
    expect(planCells(wide, 0, 0)[0]).toHaveLength(maxPlanColumns);
    expect(planCells([["  ", "Chỉ tiêu", ""]], 1, 2)).toEqual([[], [null, null, null, "Chỉ tiêu"]]);
  });
});

describe("pushing a plan", () => {
  it("A_plan_is_previewed_without_writing_then_stored_with_the_previews_version", async () => {
    await typeHandPlan();
    const pending = await previewPlan(api, "SD", 2021);

    expect(pending.preview.matched.map((r) => [r.row, r.indicatorCode])).toEqual([[4, "GIUONG"], [5, "XA_CHUAN"]]);
    expect(pending.preview.unmatched).toEqual([{ row: 6, written: "Số con mèo được tiêm phòng", text: "12" }]);
    expect(server.plan.targets.get("GIUONG")).toBe("420");
    expect(canStore(pending.preview)).toBe(true);
    expect(describePlan(pending.preview)).toEqual({
      changes: ['Tổng số giường bệnh: "420" → "430"', 'Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế: thêm "≥ 85"'],
      unmatched: ['Dòng 6: "Số con mèo được tiêm phòng" (12) không khớp chỉ tiêu nào trong danh mục'],
    });

    const stored = await storePlan(api, pending);
    const post = server.requests.at(-1)!;
    expect(post.url).toBe("/api/units/SD/years/2021/plan?dryRun=false");
    expect(post.headers["if-match"]).toBe(pending.preview.etag);
    expect(stored.dryRun).toBe(false);
    expect([...server.plan.targets]).toEqual([["GIUONG", "430"], ["XA_CHUAN", "≥ 85"]]);
  });

  it("A_plan_changed_since_the_preview_is_not_stored_over", async () => {
    await typeHandPlan();
    const pending = await previewPlan(api, "SD", 2021);
    server.plan.version++; // someone stored another plan meanwhile

    const refused = await storePlan(api, pending).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    expect(server.plan.targets.get("GIUONG")).toBe("420");
  });

  it("A_sheet_without_a_plan_table_is_refused_with_the_servers_reason", async () => {
    await wb.type("Sheet1", "A1", "Không có bảng");
    const refused = await previewPlan(api, "SD", 2021).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);
  });

  it("A_preview_that_changes_nothing_offers_nothing_to_store", async () => {
    await wb.type("Sheet1", "A1", "Chỉ tiêu");
    await wb.type("Sheet1", "B1", "Kế hoạch");
    await wb.type("Sheet1", "A2", "Tổng số giường bệnh");
    await wb.type("Sheet1", "B2", "420");
    expect(canStore((await previewPlan(api, "SD", 2021)).preview)).toBe(false);
  });
});
