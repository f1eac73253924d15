import type { Connection } from "./client";
import type { TokenProvider } from "../auth/tokenProvider";
import { backgroundBearer } from "../auth/bearerFetch";

// The task pane and the custom functions share one runtime, so they share this connection:
// an API key (local runs, scripts) kept in the browser's storage, or the person's sign-in, whose
// token provider lives only in memory (MSAL keeps the account; the pane resumes it at start).
const key = "healthfuncs.connection";
let signedIn: TokenProvider | null = null;

interface Saved { serverUrl?: string; apiKey?: string; signIn?: boolean }

const saved = (): Saved | null => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as Saved | null;
  } catch {
    return null;
  }
};

/** The connection the custom functions call with: the signed-in person's (never opening a window), else the saved key. */
export function loadConnection(): Connection | null {
  const s = saved();
  if (s?.serverUrl && s.signIn && signedIn) return { serverUrl: s.serverUrl, bearer: backgroundBearer(signedIn) };
  return s?.serverUrl && s.apiKey ? { serverUrl: s.serverUrl, apiKey: s.apiKey } : null;
}

/** The server of the last sign-in, for the pane to resume it silently at start; null if the last connection used a key. */
export function savedSignIn(): string | null {
  const s = saved();
  return s?.serverUrl && s.signIn ? s.serverUrl : null;
}

/** Remembers a connection that worked (a key, or that the person signed in); null forgets it. */
export function saveConnection(connection: Connection | null, provider: TokenProvider | null = null): void {
  signedIn = connection?.bearer ? provider : null;
  if (!connection) localStorage.removeItem(key);
  else if (connection.bearer) localStorage.setItem(key, JSON.stringify({ serverUrl: connection.serverUrl, signIn: true }));
  else localStorage.setItem(key, JSON.stringify({ serverUrl: connection.serverUrl, apiKey: connection.apiKey }));
}
