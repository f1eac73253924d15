import type { Connection } from "../api/client";
import { savedSignIn } from "../api/connection";
import { ApiError } from "../api/problem";
import type { SignInConfig } from "./config";
import { paneBearer } from "./bearerFetch";
import { createSignIn } from "./signIn";
import { signInText } from "./text";
import type { TokenProvider } from "./tokenProvider";

// The pane's sign-in block: a button that signs the person in with their organisation account and
// connects with the token, the account shown once signed in. Hidden when the build has no sign-in.

export interface SignInPane {
  /** Connects with a sign-in: a window when MSAL holds no account for this person. */
  signIn(): Promise<void>;
  /** At start: the last connection was a sign-in, so it is resumed without a window if MSAL can. */
  resume(): Promise<void>;
  /** The session ended (disconnect, or the server ended access). */
  signOut(): void;
  render(): void;
}

export interface PaneParts {
  element: (id: string) => HTMLElement;
  serverUrl: () => string;
  /** Connects the pane with the given connection (reads who is signed in, loads the choices); throws as the server answered. */
  connect: (connection: Connection, provider: TokenProvider) => Promise<void>;
  create?: (config: SignInConfig) => Promise<TokenProvider>;
}

export function setUpSignIn(config: SignInConfig | null, parts: PaneParts): SignInPane | null {
  if (!config) return null;
  const { element, create = createSignIn } = parts;
  let provider: Promise<TokenProvider> | null = null;
  const ready = () => (provider ??= create(config).catch((error: unknown) => { provider = null; throw error; }));

  async function connectAs(p: TokenProvider, serverUrl: string): Promise<void> {
    try {
      await parts.connect({ serverUrl, bearer: paneBearer(p) }, p);
    } catch (error) {
      // Signed in but refused by the server (no HealthFuncs user, wrong audience): the next try may pick another
      // account. An unreachable server leaves the sign-in as it is.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) p.signOut();
      throw error;
    }
    render();
  }

  function render(): void {
    element("signIn").hidden = false;
    element("signInButton").textContent = signInText("signIn");
    element("orApiKey").textContent = signInText("orApiKey");
    void provider?.then((p) => {
      const account = p.account();
      element("signedInAs").textContent = account ? signInText("signedInAs", { account: account.name ? `${account.name} (${account.username})` : account.username }) : "";
    }, () => undefined);
  }

  render();
  return {
    async signIn() {
      const p = await ready();
      await p.signIn();
      await connectAs(p, parts.serverUrl());
    },
    async resume() {
      const serverUrl = savedSignIn();
      if (!serverUrl) return;
      const p = await ready();
      // No window at start: if a window is needed the person presses the button.
      await p.token({ interactive: false });
      await connectAs(p, serverUrl);
    },
    signOut() {
      void provider?.then((p) => p.signOut(), () => undefined);
      element("signedInAs").textContent = "";
    },
    render,
  };
}
