import type { AccountInfo, AuthenticationResult, PopupRequest, RedirectRequest, SilentRequest } from "@azure/msal-browser";
import type { Msal } from "../../src/auth/tokenProvider";
import type { RedirectMsal } from "../../src/auth/dialogPage";

// MSAL at its boundary: the methods the add-in calls, with MSAL's documented behaviour (a cache of
// one account's token, renewed when asked to or within five minutes of expiry, an interaction
// error when it holds no account), and tokens from whatever issuer the test gives it. Used by the
// unit tests and, bundled in place of @azure/msal-browser, by the end-to-end test.

export interface Issued { accessToken: string; expiresOn: number }
export type Issue = (request: { scopes: string[]; username: string; interactive: boolean }) => Promise<Issued>;

/** An MSAL error as MSAL shapes it: a name and an error code. */
export function msalError(name: string, errorCode: string, errorMessage = ""): Error {
  return Object.assign(new Error(`${errorCode}: ${errorMessage}`), { name, errorCode, errorMessage });
}

export const accountOf = (username: string, name = "Cán bộ thống kê"): AccountInfo => ({
  homeAccountId: `${username}.tenant`, environment: "login.microsoftonline.com", tenantId: "tenant",
  username, localAccountId: username, name,
});

export class FakeMsal implements Msal, RedirectMsal {
  readonly calls: string[] = [];
  accounts: AccountInfo[] = [];
  active: AccountInfo | null = null;
  cached: Issued | null = null;
  /** Who signs in when a window is shown; an error here is the window's failure (cancelled, refused). */
  windowAnswer: { username: string } | Error = { username: "nguyen.van.a@pyt.example.vn" };
  /** The next silent call fails with this (then it is cleared). */
  silentFailure: Error | null = null;
  private redirected: Issued | null = null;

  constructor(private readonly issue: Issue, private readonly now: () => number = Date.now) {}

  async acquireTokenSilent(request: SilentRequest): Promise<AuthenticationResult> {
    this.calls.push(request.forceRefresh ? "silent:refresh" : "silent");
    const failure = this.silentFailure;
    this.silentFailure = null;
    if (failure) throw failure;
    const account = this.accounts.find((a) => a.homeAccountId === request.account?.homeAccountId);
    if (!account) throw msalError("InteractionRequiredAuthError", "no_tokens_found", "No refresh token found in the cache.");
    if (!this.cached || request.forceRefresh || this.cached.expiresOn - this.now() <= 300_000)
      this.cached = await this.issue({ scopes: request.scopes, username: account.username, interactive: false });
    return this.result(this.cached, account);
  }

  async acquireTokenPopup(request: PopupRequest): Promise<AuthenticationResult> {
    this.calls.push(`popup${request.loginHint ? `:${request.loginHint}` : ""}`);
    return this.signInWindow(request.scopes);
  }

  async acquireTokenRedirect(request: RedirectRequest): Promise<void> {
    this.calls.push("redirect");
    const result = await this.signInWindow(request.scopes);
    this.redirected = { accessToken: result.accessToken, expiresOn: result.expiresOn!.getTime() };
  }

  async handleRedirectPromise(): Promise<AuthenticationResult | null> {
    this.calls.push("handleRedirect");
    const back = this.redirected;
    this.redirected = null;
    return back ? this.result(back, this.accounts[0]!) : null;
  }

  getActiveAccount(): AccountInfo | null { return this.active; }
  getAllAccounts(): AccountInfo[] { return [...this.accounts]; }
  setActiveAccount(account: AccountInfo | null): void { this.active = account; }

  /** Who signs in at the window shown now. */
  protected answer(): { username: string } | Error {
    return this.windowAnswer;
  }

  private async signInWindow(scopes: string[]): Promise<AuthenticationResult> {
    const answer = this.answer();
    if (answer instanceof Error) throw answer;
    const account = accountOf(answer.username);
    this.accounts = [account];
    this.cached = await this.issue({ scopes, username: account.username, interactive: true });
    return this.result(this.cached, account);
  }

  private result(issued: Issued, account: AccountInfo): AuthenticationResult {
    return { accessToken: issued.accessToken, expiresOn: new Date(issued.expiresOn), account } as AuthenticationResult;
  }
}
