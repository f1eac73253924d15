import type { IPublicClientApplication } from "@azure/msal-browser";
import { errorAnswer, tokenAnswer } from "./dialog";

/** What the sign-in page uses of MSAL: the redirect flow. */
export type RedirectMsal = Pick<IPublicClientApplication, "handleRedirectPromise" | "acquireTokenRedirect">;

/**
 * The sign-in page's one job, on each load: coming back from Entra, hand the token (or the refusal) to the
 * pane; opened fresh, go to Entra. The page is loaded twice, before and after the redirect.
 */
export async function runSignInPage(msal: RedirectMsal, scopes: string[], loginHint: string | null, send: (message: string) => void): Promise<void> {
  try {
    // The answer is read on the redirect page itself: it is the page the dialog opened.
    const result = await msal.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (result) {
      send(JSON.stringify(tokenAnswer(result)));
      return;
    }
    await msal.acquireTokenRedirect({ scopes, ...(loginHint ? { loginHint } : { prompt: "select_account" }) });
  } catch (error) {
    send(JSON.stringify(errorAnswer(error)));
  }
}
