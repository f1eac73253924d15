import type { AccountInfo, AuthenticationResult, IPublicClientApplication, PopupRequest } from "@azure/msal-browser";
import { asSignInError, needsInteraction, SignInError } from "./signInError";

/** What the pane uses of an access token MSAL hands back. */
export type TokenResult = Pick<AuthenticationResult, "accessToken" | "expiresOn" | "account">;

/** The part of MSAL the provider calls: its boundary, replaced by a fake in the tests. */
export type Msal = Pick<IPublicClientApplication, "acquireTokenSilent" | "acquireTokenPopup" | "getActiveAccount" | "getAllAccounts" | "setActiveAccount">;

/** Signs in with a window: MSAL's own under nested app authentication, the add-in's Office dialog otherwise. */
export type Interactive = (request: PopupRequest) => Promise<TokenResult>;

export interface TokenProviderOptions {
  msal: Msal;
  scopes: string[];
  interactive?: Interactive;
  now?: () => number;
  /** A token this close to its expiry is renewed before it is sent; MSAL's own offset is 5 minutes too. */
  renewBeforeMs?: number;
  /** Renewal ahead of expiry runs in the background, so a recalculation never waits on it. */
  schedule?: (work: () => void, delayMs: number) => () => void;
}

export interface TokenProvider {
  /** An access token for the API: the one held if still fresh, else silently renewed, else (if allowed) after a sign-in window. */
  token(options?: { interactive?: boolean }): Promise<string>;
  /** A new token even though the one held looks fresh: the server said it has expired. */
  renew(): Promise<string>;
  /** Signs in: silently when MSAL still holds an account, else with a window. */
  signIn(): Promise<AccountInfo | null>;
  signOut(): void;
  account(): AccountInfo | null;
}

const defaultSchedule = (work: () => void, delayMs: number) => {
  const timer = setTimeout(work, delayMs);
  return () => clearTimeout(timer);
};

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { msal, scopes, now = Date.now, renewBeforeMs = 5 * 60_000, schedule = defaultSchedule } = options;
  const interactive: Interactive = options.interactive ?? ((request) => msal.acquireTokenPopup(request));
  let held: TokenResult | null = null;
  let acquiring: Promise<TokenResult> | null = null;
  let cancelRenewal = () => undefined as void;
  // After signing out, MSAL's cache still knows the account; the next sign-in shows the window to choose again.
  let signedOut = false;

  const account = () => (signedOut ? null : held?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null);
  const expiresAt = (t: TokenResult) => (t.expiresOn ? t.expiresOn.getTime() : 0);
  const fresh = (t: TokenResult) => expiresAt(t) - now() > renewBeforeMs;

  async function silently(forceRefresh: boolean): Promise<TokenResult> {
    const who = account();
    if (!who) throw new SignInError("interactionNeeded", "no_account");
    return msal.acquireTokenSilent({ scopes, account: who, forceRefresh });
  }

  async function obtain(allowWindow: boolean, forceRefresh: boolean): Promise<TokenResult> {
    let result: TokenResult;
    try {
      result = await silently(forceRefresh);
    } catch (error) {
      if (!needsInteraction(error) && !(error instanceof SignInError && error.failure === "interactionNeeded")) throw asSignInError(error);
      if (!allowWindow) throw asSignInError(error);
      const who = account();
      try {
        result = await interactive({ scopes, ...(who ? { account: who, loginHint: who.username } : {}) });
      } catch (failure) {
        throw asSignInError(failure);
      }
    }
    keep(result);
    return result;
  }

  function keep(result: TokenResult): void {
    held = result;
    signedOut = false;
    if (result.account) msal.setActiveAccount(result.account);
    cancelRenewal();
    const due = expiresAt(result) - renewBeforeMs - now();
    // Renewed before the margin is reached; a renewal that needs the person waits for their next action.
    cancelRenewal = schedule(() => void acquire(false, true).catch(() => undefined), Math.max(due, 0) + 1_000);
  }

  // One acquisition at a time: the pane and a recalculation asking together share it.
  function acquire(allowWindow: boolean, forceRefresh: boolean): Promise<TokenResult> {
    acquiring ??= obtain(allowWindow, forceRefresh).finally(() => { acquiring = null; });
    return acquiring;
  }

  return {
    async token({ interactive: allowWindow = true } = {}) {
      if (held && fresh(held) && !acquiring) return held.accessToken;
      // A held token near its expiry is renewed from MSAL's refresh token, not from its cache.
      return (await acquire(allowWindow, held !== null)).accessToken;
    },
    async renew() {
      return (await acquire(false, true)).accessToken;
    },
    async signIn() {
      return (await acquire(true, false)).account ?? account();
    },
    signOut() {
      cancelRenewal();
      held = null;
      signedOut = true;
      msal.setActiveAccount(null);
    },
    account,
  };
}
