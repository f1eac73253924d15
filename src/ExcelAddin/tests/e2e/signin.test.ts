import { describe, expect, it } from "vitest";
import { choose, keyOf } from "./session";
import { api, exchanges, issued, issuing, page, paneUrl, shot, useSignInStack } from "./signinStack";

// A person signs in with their organisation account: the pane in headless Chromium (MSAL replaced at its
// boundary by the local issuer's tokens), the real server validating every token against the issuer's
// published keys, a real Azurite with the seeded catalog. The steps run in order on one page.

useSignInStack();
const stepTimeout = 120_000;
const person = "nguyen.van.a@pyt.example.vn";
const admin = keyOf("admin"), district = keyOf("sd-pyt");
const message = () => page.textContent("#message");
const fakeCalls = () => page.evaluate(() => window.fakeMsal?.calls ?? []);

async function pullSd2021Q1(): Promise<void> {
  await page.fill("#year input", "2021");
  await page.press("#year input", "Tab");
  await page.waitForSelector('#period fluent-option[value="2021-Q1"]', { state: "attached" });
  await choose("#unit", "SD", page);
  await choose("#period", "2021-Q1", page);
  await choose("#formKind", "entry", page);
  await page.click("#pullButton");
  await expect.poll(message).toMatch(/Đã lấy biểu|Đã cập nhật/);
}

async function typeBeds(value: number): Promise<void> {
  const sheet = "SD 2021-Q1";
  const row = await page.evaluate((s) => window.workbook.sheet(s).grid(1).findIndex((r) => r[0] === "KCB.GIUONG_BENH"), sheet);
  expect(row).toBeGreaterThan(0);
  await page.evaluate(([s, a, v]) => window.workbook.type(s!, a!, Number(v)), [sheet, `F${row + 1}`, String(value)]);
}

const storedBeds = async () => {
  const values = (await api("/api/units/SD/periods/2021-Q1/values", district)).body.values as { indicatorCode: string; value: number }[];
  return Number(values.find((v) => v.indicatorCode === "KCB.GIUONG_BENH")?.value);
};

describe("sign-in end to end", () => {
  it("A_person_added_by_their_sign_in_name_signs_in_through_nested_app_authentication_then_pulls_and_pushes_with_their_token", async () => {
    const added = await api("/api/users", admin, { method: "POST", body: JSON.stringify({ id: person, name: "Nguyễn Văn A", role: "District", unitCode: "SD" }) });
    expect(added.status).toBe(201);
    await page.goto(paneUrl);
    await page.waitForSelector("#signIn:not([hidden])");
    expect(await page.textContent("#signInButton")).toBe("Đăng nhập bằng tài khoản cơ quan");
    await page.click("#signInButton");
    await page.waitForSelector("#choose:not([hidden])");
    await expect.poll(() => page.textContent("#whoami")).toContain("Nguyễn Văn A (cán bộ huyện, đơn vị SD)");
    // The account line follows once the connection is complete (choices and status loaded).
    await expect.poll(() => page.textContent("#signedInAs")).toContain(person);
    expect(await fakeCalls()).toEqual(["popup"]);
    await shot("signin-1-signed-in.png");

    await pullSd2021Q1();
    await typeBeds(410);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
    expect(await storedBeds()).toBe(410);
    // Who wrote it is the signed-in person, as the server knows them.
    const audit = await api("/api/audit?unit=SD&take=5", admin);
    expect(JSON.stringify(audit.body)).toContain(person);
    // Every call carried the person's token, never a key.
    expect(exchanges.length).toBeGreaterThan(4);
    expect(exchanges.filter((e) => !e.authorization?.startsWith("Bearer ") || e.apiKey !== null)).toEqual([]);
    expect(exchanges.filter((e) => e.status === 401)).toEqual([]);
    await shot("signin-2-pushed.png");
  }, stepTimeout);

  it("HEALTH_functions_read_with_the_same_signed_in_token", async () => {
    const before = exchanges.length;
    expect(Number(await page.evaluate(() => window.customFunctions.VALUE!("KCB.GIUONG_BENH", "SD", "2021-Q1")))).toBe(410);
    // The browser's record of the request arrives a moment after the answer.
    await expect.poll(() => exchanges.slice(before).find((e) => e.path === "/api/lookup")).toMatchObject({ authorization: `Bearer ${issued.at(-1)!.token}`, apiKey: null, status: 200 });
  });

  it("A_token_near_its_expiry_is_renewed_silently_and_a_token_the_server_finds_expired_is_replaced_and_the_push_sent_again", async () => {
    // Signed in again with a token of five minutes and ten seconds: renewed silently ahead of the five-minute margin.
    // The renewal hands out a token the server holds expired while MSAL reports it valid (a clock ahead of the pane's).
    await page.click("#disconnectButton");
    issuing.lifetimeSeconds = 310;
    issuing.expiredOnServer = true;
    const popups = (await fakeCalls()).filter((c) => c.startsWith("popup")).length;
    await page.click("#signInButton");
    await page.waitForSelector("#choose:not([hidden])");
    const shortLived = issued.at(-1)!;
    expect(shortLived.interactive).toBe(true);
    await expect.poll(fakeCalls, { timeout: 30_000 }).toContain("silent:refresh");
    const renewed = issued.at(-1)!;
    expect(renewed).toMatchObject({ interactive: false, username: person });
    expect(renewed.token).not.toBe(shortLived.token);
    issuing.expiredOnServer = false;
    issuing.lifetimeSeconds = 3600;

    const before = exchanges.length;
    await typeBeds(415);
    await page.click("#pushButton");
    await expect.poll(() => page.textContent("#summary")).toContain("Đã gửi");
    expect(await storedBeds()).toBe(415);
    // The server refused the expired token with its reason; the pane renewed it and sent the push once more.
    const pushes = () => exchanges.slice(before).filter((e) => e.method === "POST" && e.path.endsWith("/values"));
    await expect.poll(() => pushes().map((p) => p.status)).toEqual([401, 200]);
    expect(pushes()[0]!.authorization).toBe(`Bearer ${renewed.token}`);
    expect(pushes()[1]!.authorization).toBe(`Bearer ${issued.at(-1)!.token}`);
    expect(issued.at(-1)!.interactive).toBe(false);
    // No window was shown for any of it but the sign-in.
    expect((await fakeCalls()).filter((c) => c.startsWith("popup"))).toHaveLength(popups + 1);
    await shot("signin-3-renewed.png");
  }, stepTimeout);

  it("A_token_for_another_API_an_unknown_person_and_a_closed_window_are_each_said_plainly", async () => {
    await page.click("#disconnectButton");
    issuing.audience = "api://another-app";
    await page.click("#signInButton");
    await expect.poll(message).toContain("Máy chủ HealthFuncs không nhận tài khoản đã đăng nhập. Mã truy cập không dành cho HealthFuncs");
    expect(await page.isHidden("#choose")).toBe(true);
    await expect.poll(() => exchanges.at(-1)).toMatchObject({ path: "/api/me", status: 401 });
    await shot("signin-4-wrong-audience.png");
    issuing.audience = null;

    await page.click("#language");
    await page.evaluate(() => { window.nextSignIn = { username: "nobody@pyt.example.vn" }; });
    await page.click("#signInButton");
    await expect.poll(message).toContain("The HealthFuncs server does not accept the signed-in account. The signed-in identity is not a HealthFuncs user");
    expect(await page.textContent("#signInButton")).toBe("Sign in with your organisation account");

    await page.evaluate(() => { window.nextSignIn = { error: ["BrowserAuthError", "user_cancelled", "User cancelled the flow."] }; });
    await page.click("#signInButton");
    await expect.poll(message).toBe("The sign-in window was closed before signing in finished. Choose Sign in to try again.");
    await shot("signin-5-cancelled-english.png");
    await page.click("#language");
    await page.evaluate(() => { window.nextSignIn = { username: "nguyen.van.a@pyt.example.vn" }; });
  }, stepTimeout);

  it("Without_nested_app_authentication_the_pane_signs_in_through_its_sign_in_page_in_an_Office_dialog", async () => {
    await page.evaluate(() => localStorage.setItem("e2e.nestedAppAuth", "off"));
    await page.reload();
    await page.waitForSelector("#signIn:not([hidden])");
    await page.click("#signInButton");
    await page.waitForSelector("#choose:not([hidden])");
    await expect.poll(() => page.textContent("#whoami")).toContain("Nguyễn Văn A");
    const opened = await page.evaluate(() => (window as unknown as { dialogsOpened: string[] }).dialogsOpened);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!).pathname).toBe("/signin.html");
    // The dialog closed once its page handed the token back; the pane's own MSAL is the standard one.
    expect(await page.$("#officeDialog")).toBeNull();
    expect(await page.evaluate(() => (window.fakeMsal as unknown as { kind: string }).kind)).toBe("standard");
    expect(issued.at(-1)).toMatchObject({ username: person, interactive: true });
    await pullSd2021Q1();
    await expect.poll(() => exchanges.at(-1)).toMatchObject({ authorization: `Bearer ${issued.at(-1)!.token}`, status: 200 });
    await shot("signin-6-dialog.png");
    await page.evaluate(() => localStorage.removeItem("e2e.nestedAppAuth"));
  }, stepTimeout);
});
