import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { signInConfig } from "./config";
import { errorAnswer } from "./dialog";
import { runSignInPage } from "./dialogPage";
import { SignInError } from "./signInError";

// signin.html, opened by the pane in an Office dialog where nested app authentication is not
// available. Its own URL is the redirect URI registered for the add-in (SPA platform).

Office.onReady(async () => {
  const send = (message: string) => Office.context.ui.messageParent(message);
  const config = signInConfig();
  if (!config) {
    send(JSON.stringify(errorAnswer(new SignInError("unavailable", "not_configured"))));
    return;
  }
  try {
    const msal = await createStandardPublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin + location.pathname },
      // The pane's own MSAL reads the same cache to renew the token silently.
      cache: { cacheLocation: "localStorage" },
    });
    await runSignInPage(msal, config.scopes, new URLSearchParams(location.search).get("login_hint"), send);
  } catch (error) {
    send(JSON.stringify(errorAnswer(error)));
  }
});
