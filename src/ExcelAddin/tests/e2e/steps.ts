import type { Request } from "playwright-core";
import { expect } from "vitest";
import { api, cell, cellOf, choose, districtKey, keyOf, page, q1Values, sheetShot, shot, type } from "./session";

// The steps of the reporting, retry, refresh, merge, correction, number, layout and ribbon
// scenarios, run in order by addin.test.ts on the same workbook and server.

export async function retriedAfter502(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
  const before = (await api("/api/units/SD/periods/2021-Q1/values")).body;
  // A gateway between the pane and the server: the first push reaches the server, its answer is lost as a 502.
  const keys: string[] = [];
  let failed = false;
  await page.route(q1Values, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push((await route.request().headerValue("idempotency-key")) ?? "");
    if (failed) return route.continue();
    failed = true;
    await route.fetch();
    await route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" });
  });
  await type(sheet, visits, 265000);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#message")).toContain("đang gửi lại lần 2");
  await shot("6b-retrying.png");
  await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
  await page.unroute(q1Values);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const after = (await api("/api/units/SD/periods/2021-Q1/values")).body;
  expect(after.version).toBe(Number(before.version) + 1);
  expect(await page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
  await shot("6c-retried-sent.png");
}

export async function serverDown(): Promise<void> {
  const sheet = "SD 2021-Q1";
  await page.route(q1Values, (route) =>
    route.request().method() === "POST" ? route.fulfill({ status: 500, body: "" }) : route.continue());
  await type(sheet, await cellOf(sheet, "KCB.LUOT_KHAM", "F"), 266000);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#message"), { timeout: 30_000 }).toContain("Không kết nối được máy chủ");
  const message = await page.textContent("#message");
  expect(message).not.toMatch(/\b[45]\d\d\b|X-Api-Key/);
  await shot("6d-server-down.png");
  await page.unroute(q1Values);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
}

export async function districtSubmits(): Promise<void> {
  const sheet = "SD 2021-Q1";
  await page.waitForSelector("#submitButton:not([hidden])");
  expect(await page.textContent("#workflowStatus")).toContain("Đang nhập");
  await page.click("#submitButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã nộp báo cáo");
  expect(await page.textContent("#workflowStatus")).toContain("Đã gửi");
  expect(await page.textContent("#workflowStatus")).toMatch(/hạn nộp \d\d\/\d\d\/2021/);
  expect(String((await cell(sheet, "C3")).value)).toMatch(/^Trạng thái: Đã gửi · Hạn nộp: \d\d\/\d\d\/2021 · Khóa sổ: /);
  expect((await api("/api/units/SD/periods/2021-Q1/status")).body.status).toBe("Submitted");
  expect(await page.isHidden("#submitButton")).toBe(true);
  await shot("6e-submitted.png");
  await sheetShot(sheet, "6f-submitted-sheet.png", 12);
}

export async function refreshInPlace(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const sheetsBefore = await page.evaluate(() => window.workbook.sheets.map((s) => s.name));
  const visitsNote = await cellOf(sheet, "KCB.LUOT_KHAM", "I");
  const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
  const { etag } = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
  expect((await api("/api/units/SD/periods/2021-Q1/values", {
    method: "POST", headers: { "If-Match": etag },
    body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 140 }] }),
  })).status).toBe(200);
  await type(sheet, visitsNote, "ước tính");
  await choose("#formKind", "entry");
  await choose("#unit", "SD");
  await choose("#period", "2021-Q1");
  await page.click("#pullButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã cập nhật SD 2021-Q1");
  expect(await page.evaluate(() => window.workbook.sheets.map((s) => s.name))).toEqual(sheetsBefore);
  expect(await cell(sheet, communeBeds)).toMatchObject({ value: 140, fill: "#DDEBF7" });
  expect(await cell(sheet, visitsNote)).toMatchObject({ value: "ước tính", fill: "#FFF2CC" });
  expect(await page.textContent("#draft")).toContain("Chưa gửi: 1 chỉ tiêu");
  await shot("8-refreshed.png");
  await sheetShot(sheet, "8b-refreshed-sheet.png", 20);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
}

export async function mergePerCell(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
  const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
  const hospitalNote = await cellOf(sheet, "KCB.GIUONG_BENH.BV", "I");
  const { etag } = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
  expect((await api("/api/units/SD/periods/2021-Q1/values", {
    method: "POST", headers: { "If-Match": etag },
    body: JSON.stringify({ values: [{ indicatorCode: "KCB.LUOT_KHAM", value: 270000 }, { indicatorCode: "KCB.GIUONG_BENH.TYT", value: 145 },
      { indicatorCode: "KCB.GIUONG_BENH.BV", value: 280, note: "theo báo cáo bệnh viện" }] }),
  })).status).toBe(200);
  await type(sheet, visits, 268000);
  await type(sheet, communeBeds, 142);
  const posted: unknown[] = [];
  const record = (request: Request) => {
    if (request.method() === "POST" && q1Values(new URL(request.url()))) posted.push(request.postDataJSON());
  };
  page.on("request", record);
  await page.click("#pushButton");
  await page.waitForSelector("#conflict:not([hidden])");
  const rows = await page.$$eval("#conflict tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim())));
  expect(rows).toEqual([
    [communeBeds, "Giường trạm Y tế (Thực hiện)", "145", "142"],
    [visits, "Số lượt người khám, chữa bệnh (Thực hiện)", "270.000", "268.000"],
  ]);
  // Only the server changed the hospital beds' note, and dropped the visits' note ("ước tính") when it resent that row.
  expect(await page.textContent("#conflict")).toContain("2 ô chỉ máy chủ thay đổi");
  expect((await cell(sheet, visits.replace("F", "I"))).value).toBe("");
  expect((await cell(sheet, hospitalNote)).value).toBe("theo báo cáo bệnh viện");
  await shot("9-merge.png");
  await page.check('#conflict input[name="choice-0"][value="mine"]');
  await page.check('#conflict input[name="choice-1"][value="theirs"]');
  await page.click("#conflict .apply");
  await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
  page.off("request", record);
  expect(posted).toEqual([
    { values: [expect.objectContaining({ indicatorCode: "KCB.GIUONG_BENH.TYT" }), expect.objectContaining({ indicatorCode: "KCB.LUOT_KHAM" })] },
    { values: [expect.objectContaining({ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 142 })] },
  ]);
  const stored = new Map(((await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string; value: number; note: string | null }[])
    .map((v) => [v.indicatorCode, v]));
  expect([Number(stored.get("KCB.LUOT_KHAM")?.value), Number(stored.get("KCB.GIUONG_BENH.TYT")?.value), stored.get("KCB.GIUONG_BENH.BV")?.note])
    .toEqual([270000, 142, "theo báo cáo bệnh viện"]);
  expect((await cell(sheet, visits)).value).toBe(270000);
  await shot("9b-merged.png");
}

export async function clearValue(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const communeBeds = await cellOf(sheet, "KCB.GIUONG_BENH.TYT", "F");
  await type(sheet, communeBeds, "");
  await expect.poll(() => page.textContent("#draft")).toContain("Chưa gửi: 1 chỉ tiêu");
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#summary")).toContain("1 xóa");
  const stored = (await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string }[];
  expect(stored.map((v) => v.indicatorCode)).not.toContain("KCB.GIUONG_BENH.TYT");
  expect(await page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
  await shot("9c-cleared.png");
}

export async function scaleWarning(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const visits = await cellOf(sheet, "KCB.LUOT_KHAM", "F");
  expect((await page.evaluate(([s, a]) => window.workbook.sheet(s!).at(a!).numberFormat, [sheet, visits]))).toBe("#,##0");
  const before = (await api("/api/units/SD/periods/2021-Q1/values")).body.version;
  // "260.000" read as 260 under other regional settings: the plan is 260.000.
  await type(sheet, visits, 260);
  await page.click("#pushButton");
  await page.waitForSelector("#scale:not([hidden])");
  expect(await page.textContent("#scale")).toContain(`${visits} Số lượt người khám, chữa bệnh: 260`);
  expect(await page.textContent("#scale")).toContain("lệch khoảng 1.000 lần");
  expect((await api("/api/units/SD/periods/2021-Q1/values")).body.version).toBe(before);
  await shot("9d-scale-warning.png");
  await type(sheet, visits, 260000);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
  expect(await page.isHidden("#scale")).toBe(true);
}

export async function layoutChanges(): Promise<void> {
  const sheet = "SD 2021-Q1";
  const visitsRow = Number((await cellOf(sheet, "KCB.LUOT_KHAM", "F")).slice(1));
  // A column inserted before "Kế hoạch năm": "Thực hiện" moves from F to G.
  await page.evaluate(([s]) => { const ws = window.workbook.sheet(s!); ws.shift("column", 4, 1); ws.cell(6, 4).value = "Người nhập"; }, [sheet]);
  await type(sheet, `G${visitsRow}`, 271000);
  await page.click("#pushButton");
  const storedVisits = async () => Number(((await api("/api/units/SD/periods/2021-Q1/values")).body.values as { indicatorCode: string; value: number }[])
    .find((v) => v.indicatorCode === "KCB.LUOT_KHAM")?.value);
  await expect.poll(storedVisits).toBe(271000);
  await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
  await sheetShot(sheet, "13-inserted-column-sheet.png", 20);

  // A row deleted: the form no longer maps, so nothing is sent and the pane says which indicator is gone.
  const bedsRow = Number((await cellOf(sheet, "KCB.GIUONG_BENH.BV", "G")).slice(1)) - 1;
  const before = (await api("/api/units/SD/periods/2021-Q1/values")).body.version;
  await page.evaluate(([s, r]) => {
    const ws = window.workbook.sheet(s!);
    (window as unknown as { deletedRow: unknown }).deletedRow = [...ws.cells].filter(([k]) => k.startsWith(`${r}:`));
    ws.shift("row", Number(r), -1);
  }, [sheet, String(bedsRow)]);
  await type(sheet, `G${visitsRow - 1}`, 272000);
  await page.click("#pushButton");
  await expect.poll(() => page.textContent("#message")).toContain("Không còn dòng của 1 chỉ tiêu");
  expect(await page.textContent("#message")).toContain("không có gì được ghi");
  expect((await api("/api/units/SD/periods/2021-Q1/values")).body.version).toBe(before);
  await shot("13b-deleted-row-refused.png");

  // Undone: the row is back and the form maps again.
  await page.evaluate(([s, r]) => {
    const ws = window.workbook.sheet(s!);
    ws.shift("row", Number(r), 1);
    for (const [k, c] of (window as unknown as { deletedRow: [string, never][] }).deletedRow) ws.cells.set(k, c);
  }, [sheet, String(bedsRow)]);
  await page.click("#pushButton");
  await expect.poll(storedVisits).toBe(272000);
  await expect.poll(() => page.textContent("#draft")).toContain("Mọi số liệu đã được gửi");
}

export async function ribbonRefreshAll(): Promise<void> {
  expect(Object.keys(await page.evaluate(() => window.commands)).sort()).toEqual(["refreshAllForms", "refreshForm", "sendForm", "submitForm"]);
  await choose("#formKind", "entry");
  await choose("#unit", "SD");
  await choose("#period", "2021-Q2");
  await page.click("#pullButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã lấy biểu SD 2021-Q2");
  const q1 = (await api("/api/units/SD/periods/2021-Q1/values")).body as { etag: string };
  expect((await api("/api/units/SD/periods/2021-Q1/values", { method: "POST", headers: { "If-Match": q1.etag },
    body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 141 }] }) })).status).toBe(200);
  expect((await api("/api/units/SD/periods/2021-Q2/values", { method: "POST",
    body: JSON.stringify({ values: [{ indicatorCode: "KCB.GIUONG_BENH.TYT", value: 139 }] }) })).status).toBe(200);

  await page.evaluate(() => new Promise<void>((resolve) => void window.commands.refreshAllForms!({ completed: resolve })));
  expect(await page.textContent("#message")).toContain("Đã cập nhật 2 biểu");
  expect((await cell("SD 2021-Q1", await cellOf("SD 2021-Q1", "KCB.GIUONG_BENH.TYT", "G"))).value).toBe(141);
  expect((await cell("SD 2021-Q2", await cellOf("SD 2021-Q2", "KCB.GIUONG_BENH.TYT", "F"))).value).toBe(139);
  expect(await page.evaluate(() => window.workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("SD 2021")))).toEqual(["SD 2021-Q1", "SD 2021-Q2"]);
  await shot("14-refreshed-all.png");
  await choose("#period", "2021-Q1");
}

export async function provinceReturnsAndApproves(): Promise<void> {
  const sheet = "SD 2021-Q1";
  await choose("#formKind", "entry");
  await choose("#unit", "SD");
  await page.click("#pullButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã cập nhật SD 2021-Q1");
  await page.waitForSelector("#approveButton:not([hidden])");
  expect(await page.textContent("#workflowStatus")).toContain("Đã gửi");
  expect(await page.isHidden("#submitButton")).toBe(true);
  await page.click("#returnButton");
  await expect.poll(() => page.textContent("#message")).toContain("Hãy ghi lý do trả lại");
  await page.fill("#returnReason input", "Thiếu số liệu tiêm chủng");
  await page.click("#returnButton");
  await expect.poll(() => page.textContent("#workflowStatus")).toContain("Lý do trả lại: Thiếu số liệu tiêm chủng");
  expect(String((await cell(sheet, "C3")).value)).toContain("Trạng thái: Trả lại");
  expect(String((await cell(sheet, "C3")).value)).toContain("Lý do trả lại: Thiếu số liệu tiêm chủng");
  await shot("10-returned.png");

  await page.click("#disconnectButton");
  expect(await page.textContent("#summary")).toBe("");
  await page.fill("#apiKey input", districtKey);
  await page.click("#connectButton");
  await page.waitForSelector("#submitButton:not([hidden])");
  expect(await page.textContent("#workflowStatus")).toContain("Thiếu số liệu tiêm chủng");
  await page.click("#submitButton");
  await expect.poll(() => page.textContent("#message")).toContain("Đã nộp báo cáo");
  await shot("11-resubmitted.png");

  await page.click("#disconnectButton");
  await page.fill("#apiKey input", keyOf("tq-syt"));
  await page.click("#connectButton");
  await page.waitForSelector("#approveButton:not([hidden])");
  await page.click("#approveButton");
  await expect.poll(() => page.textContent("#workflowStatus")).toContain("Đã duyệt");
  expect((await api("/api/units/SD/periods/2021-Q1/status")).body.status).toBe("Approved");
  expect(String((await cell(sheet, "C3")).value)).toContain("Trạng thái: Đã duyệt");
  expect(await page.isHidden("#approveButton")).toBe(true);
  await shot("12-approved.png");
  await sheetShot(sheet, "12b-approved-sheet.png", 12);
}
