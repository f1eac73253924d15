// Where the pane signs people in, fixed when the add-in is built (Vite env, see the README's
// "Sign-in in the add-in"): the add-in's app registration, the tenant, and the API's scope.
// Without a client ID the build has no sign-in and the pane offers API keys only, as locally.

export interface SignInConfig {
  /** The add-in's application (client) ID in Microsoft Entra ID. */
  clientId: string;
  /** The tenant's authority, e.g. https://login.microsoftonline.com/<tenant id>. */
  authority: string;
  /** The scopes of the API's access token, e.g. api://<API client id>/access_as_user. */
  scopes: string[];
}

type Env = Record<string, string | boolean | undefined>;

export function signInConfig(env: Env = import.meta.env as Env): SignInConfig | null {
  const text = (name: string) => (typeof env[name] === "string" ? (env[name] as string).trim() : "");
  const clientId = text("VITE_ENTRA_CLIENT_ID");
  if (!clientId) return null;
  const authority = text("VITE_ENTRA_AUTHORITY") || "https://login.microsoftonline.com/organizations";
  // The API's own registration may differ from the add-in's; by default both are one app.
  const scopes = (text("VITE_ENTRA_API_SCOPE") || `api://${clientId}/access_as_user`).split(/[\s,]+/).filter(Boolean);
  return { clientId, authority, scopes };
}
