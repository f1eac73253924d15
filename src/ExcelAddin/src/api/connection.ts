import type { Connection } from "./client";

// The task pane and the custom functions share one runtime, so they share this connection.
// Locally it is the server URL and a dev API key; see the README for the production sign-in.
const key = "healthfuncs.connection";

export function loadConnection(): Connection | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "null") as Partial<Connection> | null;
    return saved?.serverUrl && saved.apiKey ? { serverUrl: saved.serverUrl, apiKey: saved.apiKey } : null;
  } catch {
    return null;
  }
}

export function saveConnection(connection: Connection | null): void {
  if (connection) localStorage.setItem(key, JSON.stringify(connection));
  else localStorage.removeItem(key);
}
