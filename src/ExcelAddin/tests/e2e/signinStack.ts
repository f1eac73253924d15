import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Page } from "playwright-core";
import { openSeededYears, screenshots } from "./session";
import { startLocalIssuer, type LocalIssuer } from "./localIssuer";
import { addinRoot, buildServer, launchChromium, seedStorage, servePane, startAzurite, startServer, type Running } from "./stack";

// The sign-in test's stack: a local OpenID issuer standing in for the Entra tenant, Azurite, the real
// server validating the issuer's tokens (Auth__Entra__*), and the pane built with sign-in configured
// and MSAL replaced at its boundary by msalInPage.ts, which asks the issuer for its tokens.

export const audience = "api://healthfuncs-e2e";

/** How the issuer answers the pane's next token requests; the steps change it. */
export interface Issuing {
  lifetimeSeconds: number;
  /** Signed for another API: the server must refuse it. */
  audience: string | null;
  /** Renewed tokens (not those of a sign-in window) expired ten minutes ago while MSAL reports them valid for an hour (a clock ahead of the pane's). */
  expiredOnServer: boolean;
}
export const issuing: Issuing = { lifetimeSeconds: 3600, audience: null, expiredOnServer: false };
export const issued: { username: string; interactive: boolean; token: string }[] = [];
/** The pane's calls to the API as the browser sent them, with the server's status. */
export const exchanges: { method: string; path: string; authorization: string | null; apiKey: string | null; status: number }[] = [];

const running: Running[] = [];
export let serverUrl = "", paneUrl = "", page: Page, issuer: LocalIssuer;
const pageErrors: string[] = [];

export function useSignInStack(): void {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    issuer = await startLocalIssuer();
    running.push(issuer);
    const azurite = await startAzurite();
    running.push(azurite);
    const settings = {
      Storage__ConnectionString: azurite.connectionString,
      Storage__TablePrefix: `signine2e${randomBytes(4).toString("hex")}`,
      Auth__Entra__Authority: issuer.authority,
      Auth__Entra__Audiences__0: audience,
      Auth__Entra__RequireHttpsMetadata: "false",
      ...openSeededYears,
    };
    await buildServer();
    await seedStorage(settings);
    const server = await startServer(settings);
    running.push(server);
    serverUrl = server.url;

    // The add-in's build configuration, as a deployment sets it (README: "Sign-in in the add-in").
    const envDir = mkdtempSync(join(tmpdir(), "healthfuncs-signin-env-"));
    running.push({ stop: async () => rmSync(envDir, { recursive: true, force: true }) });
    writeFileSync(join(envDir, ".env"), [
      "VITE_ENTRA_CLIENT_ID=healthfuncs-e2e-addin", `VITE_ENTRA_AUTHORITY=${issuer.authority}`, `VITE_ENTRA_API_SCOPE=${audience}/access_as_user`,
    ].join("\n"));
    const pane = await servePane(server.url, { envDir, resolve: { alias: { "@azure/msal-browser": join(addinRoot, "tests/e2e/msalInPage.ts") } } });
    running.push(pane);
    paneUrl = pane.url;

    const chrome = await launchChromium();
    running.push(chrome);
    page = await chrome.browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("response", async (response) => {
      const request = response.request(), url = new URL(request.url());
      if (!url.pathname.startsWith("/api/")) return;
      const headers = await request.allHeaders();
      exchanges.push({ method: request.method(), path: url.pathname, authorization: headers.authorization ?? null, apiKey: headers["x-api-key"] ?? null, status: response.status() });
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
    await page.addInitScript({ content: readFileSync(pane.harness, "utf8") });
    await page.addInitScript(officeHost);
    await page.exposeFunction("localIssuer", async (request: { scopes: string[]; username: string; interactive: boolean }) => {
      const now = Math.floor(Date.now() / 1000);
      // The token is for the API the pane asked a scope of, unless the step says otherwise.
      const forApi = issuing.audience ?? request.scopes[0]!.replace(/\/[^/]*$/, "");
      const expiredOnServer = issuing.expiredOnServer && !request.interactive;
      const expiresAt = expiredOnServer ? now - 600 : now + issuing.lifetimeSeconds;
      const token = await issuer.token({ audience: forApi, username: request.username, expiresAt });
      issued.push({ username: request.username, interactive: request.interactive, token });
      return { accessToken: token, expiresOn: (expiredOnServer ? now + 3600 : expiresAt) * 1000 };
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await shot(`signin-failed-${context.task.name.slice(0, 40)}.png`).catch(() => undefined);
    expect(pageErrors, "errors thrown in the page").toEqual([]);
  });

  afterAll(async () => {
    for (const part of running.reverse()) await part.stop();
  });
}

export const shot = (name: string) => page.screenshot({ path: join(screenshots, name), fullPage: true });

export async function api(path: string, key: string, init: RequestInit = {}) {
  const response = await fetch(`${serverUrl}${path}`, { ...init, headers: { "X-Api-Key": key, "Content-Type": "application/json", ...init.headers } });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

/**
 * What the Office host gives the add-in beyond the workbook harness: its requirement sets (NestedAppAuth
 * answered from the page's storage, so a step can switch it off before a reload) and its dialog, an
 * iframe whose page talks to the pane with messageParent, as Office's dialog does.
 */
function officeHost(): void {
  type Handler = (arg: { message?: string; error?: number }) => void;
  const office = (window as unknown as { Office?: Record<string, unknown> & { context?: Record<string, unknown> } }).Office;
  if (!office) return;
  const context = (office.context ??= {});
  context.requirements ??= {
    isSetSupported: (name: string) => (name === "NestedAppAuth" ? localStorage.getItem("e2e.nestedAppAuth") !== "off" : true),
  };
  context.ui ??= {
    displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
      const frame = Object.assign(document.createElement("iframe"), { id: "officeDialog", src: url, title: "Office dialog" });
      frame.style.cssText = "position:fixed;inset:10% 5%;width:90%;height:60%;background:#fff;border:2px solid #2f75b5";
      const handlers = new Map<string, Handler>();
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { officeDialogMessage?: string } | null;
        if (event.source === frame.contentWindow && typeof data?.officeDialogMessage === "string")
          handlers.get("dialogMessageReceived")?.({ message: data.officeDialogMessage });
      };
      window.addEventListener("message", onMessage);
      document.body.append(frame);
      (window as unknown as { dialogsOpened: string[] }).dialogsOpened = [...((window as unknown as { dialogsOpened?: string[] }).dialogsOpened ?? []), url];
      callback({
        status: "succeeded",
        value: {
          addEventHandler: (event: string, handler: Handler) => handlers.set(event, handler),
          close: () => { window.removeEventListener("message", onMessage); frame.remove(); },
        },
      });
    },
    messageParent: (message: string) => window.parent.postMessage({ officeDialogMessage: message }, "*"),
  };
}
