import { afterEach, describe, expect, it } from "vitest";
import type { Configuration } from "@azure/msal-browser";
import { createApi } from "../src/api/client";
import { ApiError } from "../src/api/problem";
import { paneBearer } from "../src/auth/bearerFetch";
import { signInConfig } from "../src/auth/config";
import { dialogSignIn, tokenAnswer, type DialogHost } from "../src/auth/dialog";
import { runSignInPage } from "../src/auth/dialogPage";
import { createSignIn, supportsNestedAppAuth } from "../src/auth/signIn";
import { SignInError } from "../src/auth/signInError";
import { describeSignIn } from "../src/auth/text";
import { createTokenProvider } from "../src/auth/tokenProvider";
import { setLanguage } from "../src/taskpane/i18n";
import { accountOf, FakeMsal, msalError, type Issue } from "./support/fakeMsal";

// The pane's token path with MSAL replaced at its boundary: silent first, a window when MSAL needs
// the person, renewal before expiry, and every refusal said in words.

const scopes = ["api://healthfuncs/access_as_user"];
const config = { clientId: "addin-client", authority: "https://login.microsoftonline.com/tenant", scopes };
const person = "nguyen.van.a@pyt.example.vn";

function issuer(now: () => number, lifetimeMs = 3_600_000) {
  const issued: { username: string; interactive: boolean }[] = [];
  const issue: Issue = async ({ username, interactive }) => {
    issued.push({ username, interactive });
    return { accessToken: `token-${issued.length}`, expiresOn: now() + lifetimeMs };
  };
  return { issue, issued };
}

function signedInMsal(now: () => number = Date.now, lifetimeMs?: number) {
  const tokens = issuer(now, lifetimeMs);
  const msal = new FakeMsal(tokens.issue, now);
  msal.accounts = [accountOf(person)];
  return { msal, issued: tokens.issued };
}

const noSchedule = () => () => undefined;

afterEach(() => setLanguage("vi"));

describe("token provider", () => {
  it("A_person_MSAL_already_knows_gets_a_token_silently_without_a_window", async () => {
    const { msal } = signedInMsal();
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    expect(await provider.token()).toBe("token-1");
    expect(await provider.token()).toBe("token-1");
    expect(msal.calls).toEqual(["silent"]);
    expect(provider.account()?.username).toBe(person);
  });

  it("Under_nested_app_authentication_a_token_that_needs_the_person_opens_the_hosts_window_with_the_account_as_hint", async () => {
    const { msal } = signedInMsal();
    msal.silentFailure = msalError("InteractionRequiredAuthError", "consent_required", "AADSTS65001: consent required");
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    expect(await provider.token()).toBe("token-1");
    expect(msal.calls).toEqual(["silent", `popup:${person}`]);
  });

  it("Nobody_signed_in_yet_signs_in_through_the_window_and_later_calls_are_silent", async () => {
    const msal = new FakeMsal(issuer(Date.now).issue);
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    expect((await provider.signIn())?.username).toBe(person);
    expect(await provider.token()).toBe("token-1");
    expect(msal.calls).toEqual(["popup"]);
    expect(msal.active?.username).toBe(person);
  });

  it("The_custom_functions_never_open_a_window_they_are_told_to_sign_in_again", async () => {
    const msal = new FakeMsal(issuer(Date.now).issue);
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    const error = await provider.token({ interactive: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: "interactionNeeded" });
    expect(msal.calls).toEqual([]);
    expect(describeSignIn(error)).toBe("Cần đăng nhập lại: bấm Đăng nhập bằng tài khoản cơ quan.");
  });

  it("A_token_within_five_minutes_of_expiry_is_renewed_before_it_is_sent", async () => {
    let clock = Date.parse("2026-03-02T08:00:00Z");
    const { msal } = signedInMsal(() => clock, 3_600_000);
    const provider = createTokenProvider({ msal, scopes, now: () => clock, schedule: noSchedule });
    expect(await provider.token()).toBe("token-1");
    clock += 54 * 60_000;
    expect(await provider.token()).toBe("token-1");
    clock += 2 * 60_000;
    expect(await provider.token()).toBe("token-2");
    expect(msal.calls).toEqual(["silent", "silent:refresh"]);
  });

  it("Renewal_runs_in_the_background_before_the_margin_so_no_call_waits_for_it", async () => {
    const clock = Date.parse("2026-03-02T08:00:00Z");
    const { msal } = signedInMsal(() => clock, 3_600_000);
    const scheduled: { work: () => void; delayMs: number }[] = [];
    const provider = createTokenProvider({ msal, scopes, now: () => clock, schedule: (work, delayMs) => { scheduled.push({ work, delayMs }); return () => undefined; } });
    await provider.token();
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.delayMs).toBe(55 * 60_000 + 1_000);
    scheduled[0]!.work();
    await expect.poll(() => msal.calls).toEqual(["silent", "silent:refresh"]);
    expect(await provider.token()).toBe("token-2");
  });

  it("When_the_server_says_the_token_expired_the_api_client_renews_it_and_sends_the_request_once_more", async () => {
    const { msal } = signedInMsal();
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    const seen: { auth: string | null; key: string | null; body: string }[] = [];
    const server: typeof fetch = async (input) => {
      const request = input as Request;
      seen.push({ auth: request.headers.get("Authorization"), key: request.headers.get("X-Api-Key"), body: await request.text() });
      if (seen.length === 1) return Response.json({ title: "Chưa xác thực", reason: "TokenExpired", detail: "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại." }, { status: 401 });
      return Response.json({ dryRun: false, imported: 1, updated: 0, ignored: 0, rejected: [], warnings: [], removed: 0, version: 1, etag: '"1"' });
    };
    const api = createApi({ serverUrl: "http://server.test", apiKey: "left-in-the-form", bearer: paneBearer(provider) }, server);
    const summary = await api.submit("SD", "2021", [{ indicatorCode: "GIUONG", value: 420, numerator: null, denominator: null, note: null }], "0", "key-1");
    expect(summary.imported).toBe(1);
    expect(seen.map((s) => s.auth)).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(seen.every((s) => s.key === null)).toBe(true);
    expect(seen[1]!.body).toBe(seen[0]!.body);
    expect(msal.calls).toEqual(["silent", "silent:refresh"]);
  });
});

describe("choosing how to sign in", () => {
  const office = (naa: boolean) => ({ context: { requirements: { isSetSupported: (name: string, version?: string) => naa && name === "NestedAppAuth" && version === "1.1" } } });

  it("Nested_app_authentication_is_used_where_the_host_supports_the_requirement_set", () => {
    expect(supportsNestedAppAuth(office(true))).toBe(true);
    expect(supportsNestedAppAuth(office(false))).toBe(false);
    // A host (or the test harness) without requirements at all: the dialog.
    expect(supportsNestedAppAuth({})).toBe(false);
    expect(supportsNestedAppAuth(undefined)).toBe(false);
  });

  it("With_nested_app_authentication_the_nestable_client_signs_in_with_the_hosts_window", async () => {
    const msal = new FakeMsal(issuer(Date.now).issue);
    const made: string[] = [];
    const provider = await createSignIn(config, {
      nestedAppAuth: true,
      nestable: async (c: Configuration) => { made.push(`nestable:${c.auth.clientId}:${c.auth.authority}`); return msal; },
      standard: async () => { throw new Error("not this one"); },
      dialog: async () => { throw new Error("no dialog under nested app authentication"); },
      pageUrl: "https://addin.test/signin.html",
    });
    await provider.signIn();
    expect(made).toEqual(["nestable:addin-client:https://login.microsoftonline.com/tenant"]);
    expect(msal.calls).toEqual(["popup"]);
  });

  it("Without_nested_app_authentication_the_add_ins_sign_in_page_opens_in_an_Office_dialog_and_its_token_reaches_the_pane", async () => {
    // The dialog's page, with its own MSAL, runs the redirect flow: first load goes to Entra, second hands back the token.
    const pageMsal = new FakeMsal(issuer(Date.now).issue);
    const opened: string[] = [];
    const host: DialogHost = {
      displayDialogAsync(url, _options, callback) {
        opened.push(url);
        const handlers = new Map<string, (arg: { message?: string; error?: number }) => void>();
        callback({ status: "succeeded", value: { addEventHandler: (event, handler) => handlers.set(event, handler), close: () => opened.push("closed") } });
        const send = (message: string) => handlers.get("dialogMessageReceived")!({ message });
        void (async () => {
          const hint = new URL(url).searchParams.get("login_hint");
          await runSignInPage(pageMsal, scopes, hint, send);
          await runSignInPage(pageMsal, scopes, hint, send);
        })();
      },
    };
    const paneMsal = new FakeMsal(issuer(Date.now).issue);
    let standard: Configuration | null = null;
    const provider = await createSignIn(config, {
      nestedAppAuth: false,
      nestable: async () => { throw new Error("not this one"); },
      standard: async (c) => { standard = c; return paneMsal; },
      dialog: dialogSignIn("https://addin.test/api/addin/signin.html", () => host),
      pageUrl: "https://addin.test/api/addin/signin.html",
    });
    expect(await provider.token()).toBe("token-1");
    expect(opened).toEqual(["https://addin.test/api/addin/signin.html", "closed"]);
    expect(pageMsal.calls).toEqual(["handleRedirect", "redirect", "handleRedirect"]);
    expect(provider.account()?.username).toBe(person);
    expect(standard!.auth.redirectUri).toBe("https://addin.test/api/addin/signin.html");
    expect(standard!.cache?.cacheLocation).toBe("localStorage");
  });

  it("Closing_the_sign_in_dialog_is_a_cancel_said_plainly_in_both_languages", async () => {
    const host: DialogHost = {
      displayDialogAsync(_url, _options, callback) {
        callback({ status: "succeeded", value: { addEventHandler: (event, handler) => { if (event === "dialogEventReceived") setTimeout(() => handler({ error: 12006 }), 0); }, close: () => undefined } });
      },
    };
    const provider = createTokenProvider({ msal: new FakeMsal(issuer(Date.now).issue), scopes, interactive: dialogSignIn("https://addin.test/signin.html", () => host), schedule: noSchedule });
    const error = await provider.signIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(describeSignIn(error)).toBe("Bạn đã đóng cửa sổ đăng nhập trước khi đăng nhập xong. Bấm Đăng nhập để thử lại.");
    setLanguage("en");
    expect(describeSignIn(error)).toBe("The sign-in window was closed before signing in finished. Choose Sign in to try again.");
  });

  it("A_dialog_the_host_cannot_open_says_so_with_its_code", async () => {
    const host: DialogHost = { displayDialogAsync: (_url, _options, callback) => callback({ status: "failed", value: null!, error: { code: 12009, message: "blocked" } }) };
    const provider = createTokenProvider({ msal: new FakeMsal(issuer(Date.now).issue), scopes, interactive: dialogSignIn("https://addin.test/signin.html", () => host), schedule: noSchedule });
    expect(describeSignIn(await provider.signIn().catch((e: unknown) => e))).toBe("Không mở được cửa sổ đăng nhập (12009). Hãy cho phép cửa sổ bật lên rồi thử lại.");
  });

  it("A_refusal_on_the_sign_in_page_reaches_the_pane_as_a_refusal_with_Entras_first_line", async () => {
    const sent: string[] = [];
    const refusing = { handleRedirectPromise: async () => { throw msalError("ServerError", "access_denied", "AADSTS65004: User declined to consent to access the app.\nTrace ID: 1"); }, acquireTokenRedirect: async () => undefined };
    await runSignInPage(refusing, scopes, null, (m) => sent.push(m));
    expect(JSON.parse(sent[0]!)).toEqual({ kind: "error", failure: "refused", code: "access_denied", detail: "AADSTS65004: User declined to consent to access the app." });
    expect(JSON.parse(JSON.stringify(tokenAnswer({ accessToken: "t", expiresOn: new Date(5), account: accountOf(person) }))))
      .toEqual({ kind: "token", accessToken: "t", expiresOn: 5, account: accountOf(person) });
  });
});

describe("refusals in words", () => {
  it("A_sign_in_refused_by_Entra_or_cancelled_in_the_hosts_window_is_told_apart", async () => {
    const { msal } = signedInMsal();
    msal.accounts = [];
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    msal.windowAnswer = msalError("ServerError", "access_denied", "AADSTS50105: Your administrator has configured the application to block users.\nTrace ID: x");
    expect(describeSignIn(await provider.signIn().catch((e: unknown) => e)))
      .toBe("Đăng nhập bị từ chối. AADSTS50105: Your administrator has configured the application to block users.");
    msal.windowAnswer = msalError("BrowserAuthError", "user_cancelled", "User cancelled the flow.");
    setLanguage("en");
    expect(describeSignIn(await provider.signIn().catch((e: unknown) => e)))
      .toBe("The sign-in window was closed before signing in finished. Choose Sign in to try again.");
  });

  it("A_signed_in_person_with_no_HealthFuncs_user_is_told_so_with_the_servers_reason", async () => {
    const { msal } = signedInMsal();
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    const server: typeof fetch = async () => Response.json({
      title: "Chưa xác thực", status: 401, reason: "NotAUser",
      detail: "Tài khoản đã đăng nhập chưa được thêm vào HealthFuncs; hãy liên hệ quản trị viên.",
      en: "The signed-in identity is not a HealthFuncs user; ask an administrator to add you.",
    }, { status: 401, headers: { "Content-Type": "application/problem+json" } });
    const error = await createApi({ serverUrl: "http://server.test", bearer: paneBearer(provider) }, server).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeSignIn(error)).toBe("Máy chủ HealthFuncs không nhận tài khoản đã đăng nhập. Tài khoản đã đăng nhập chưa được thêm vào HealthFuncs; hãy liên hệ quản trị viên.");
    setLanguage("en");
    expect(describeSignIn(error)).toBe("The HealthFuncs server does not accept the signed-in account. The signed-in identity is not a HealthFuncs user; ask an administrator to add you.");
    // Other errors are not sign-in errors: the pane's own words for them stay.
    expect(describeSignIn(new ApiError(403, "Không có quyền", "Forbidden", { title: "Không có quyền" }))).toBeNull();
  });
});

describe("configuration", () => {
  it("Sign_in_is_configured_by_the_builds_environment_and_absent_without_a_client_id", () => {
    expect(signInConfig({})).toBeNull();
    expect(signInConfig({ VITE_ENTRA_CLIENT_ID: "abc" })).toEqual({
      clientId: "abc", authority: "https://login.microsoftonline.com/organizations", scopes: ["api://abc/access_as_user"],
    });
    expect(signInConfig({ VITE_ENTRA_CLIENT_ID: "abc", VITE_ENTRA_AUTHORITY: "https://login.microsoftonline.com/t1", VITE_ENTRA_API_SCOPE: "api://api-id/access_as_user" }))
      .toEqual({ clientId: "abc", authority: "https://login.microsoftonline.com/t1", scopes: ["api://api-id/access_as_user"] });
  });
});

describe("custom functions signed in", () => {
  afterEach(() => { for (const k of ["localStorage", "CustomFunctions", "fetch"]) Reflect.deleteProperty(globalThis, k); });

  it("HEALTH_functions_call_with_the_pane_s_signed_in_token_and_never_send_a_key", async () => {
    const store = new Map<string, string>();
    const seen: (string | null)[][] = [];
    Object.assign(globalThis, {
      localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
      CustomFunctions: { Error: class extends Error { constructor(readonly code: string, message?: string) { super(message); } }, ErrorCode: { notAvailable: "#N/A" } },
      fetch: async (input: Request) => {
        seen.push([input.headers.get("Authorization"), input.headers.get("X-Api-Key")]);
        return Response.json({ results: [{ value: 420, text: null, error: null }] });
      },
    });
    const { saveConnection, loadConnection } = await import("../src/api/connection");
    const { msal } = signedInMsal();
    const provider = createTokenProvider({ msal, scopes, schedule: noSchedule });
    saveConnection({ serverUrl: "http://server.test", bearer: paneBearer(provider) }, provider);
    expect(store.get("healthfuncs.connection")).toBe(JSON.stringify({ serverUrl: "http://server.test", signIn: true }));
    const f = await import("../src/functions/functions");
    expect(await f.value("GIUONG", "SD", "2021")).toBe(420);
    expect(seen).toEqual([["Bearer token-1", null]]);
    // Signed out: the functions have no connection left, not a stale token.
    saveConnection(null);
    expect(loadConnection()).toBeNull();
  });
});
