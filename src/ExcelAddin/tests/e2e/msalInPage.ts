import type { AuthenticationResult, Configuration, RedirectRequest } from "@azure/msal-browser";
import { accountOf, FakeMsal, msalError, type Issue, type Issued } from "../support/fakeMsal";

// Bundled in place of @azure/msal-browser for the sign-in end-to-end test: the pane's and the sign-in
// page's MSAL at its boundary, handing out the local issuer's tokens (the test exposes
// window.localIssuer to every frame). The redirect flow really leaves and reloads the sign-in page.

declare global {
  interface Window {
    localIssuer: Issue;
    /** The MSAL the page created, for the test to look at and to answer its window. */
    fakeMsal: FakeMsal | null;
    /** Who signs in at the next window: a sign-in name, or the error the window ends with ([name, code, message]). */
    nextSignIn: { username: string } | { error: [string, string, string] };
  }
}

const redirectKey = "healthfuncs.e2e.redirected";

class PageMsal extends FakeMsal {
  constructor(readonly kind: "nestable" | "standard") {
    super((request) => window.localIssuer(request));
  }

  protected override answer(): { username: string } | Error {
    const next = window.nextSignIn;
    return "error" in next ? msalError(...next.error) : next;
  }

  // Entra's page, in short: the person signs in, the browser comes back to the redirect URI with the answer.
  override async acquireTokenRedirect(request: RedirectRequest): Promise<void> {
    this.calls.push("redirect");
    const answer = this.answer();
    if (answer instanceof Error) throw answer;
    const username = answer.username;
    const issued = await window.localIssuer({ scopes: request.scopes, username, interactive: true });
    sessionStorage.setItem(redirectKey, JSON.stringify({ username, issued }));
    location.replace(location.href);
    await new Promise(() => undefined);
  }

  override async handleRedirectPromise(): Promise<AuthenticationResult | null> {
    this.calls.push("handleRedirect");
    const back = sessionStorage.getItem(redirectKey);
    if (!back) return null;
    sessionStorage.removeItem(redirectKey);
    const { username, issued } = JSON.parse(back) as { username: string; issued: Issued };
    return { accessToken: issued.accessToken, expiresOn: new Date(issued.expiresOn), account: accountOf(username) } as AuthenticationResult;
  }
}

window.fakeMsal = null;
window.nextSignIn ??= { username: "nguyen.van.a@pyt.example.vn" };

const create = (kind: PageMsal["kind"]) => async (_configuration: Configuration) => (window.fakeMsal = new PageMsal(kind));
export const createNestablePublicClientApplication = create("nestable");
export const createStandardPublicClientApplication = create("standard");
