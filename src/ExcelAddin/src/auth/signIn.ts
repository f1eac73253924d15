import { createNestablePublicClientApplication, createStandardPublicClientApplication, type Configuration } from "@azure/msal-browser";
import type { SignInConfig } from "./config";
import { dialogSignIn } from "./dialog";
import { createTokenProvider, type Interactive, type Msal, type TokenProvider } from "./tokenProvider";

type OfficeRequirements = { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } };

/** True where Office brokers the sign-in for the add-in (nested app authentication). */
export function supportsNestedAppAuth(office: OfficeRequirements | undefined = (globalThis as unknown as { Office?: OfficeRequirements }).Office): boolean {
  try {
    return office?.context?.requirements?.isSetSupported?.("NestedAppAuth", "1.1") === true;
  } catch {
    return false;
  }
}

export interface SignInParts {
  nestedAppAuth: boolean;
  nestable: (configuration: Configuration) => Promise<Msal>;
  standard: (configuration: Configuration) => Promise<Msal>;
  dialog: Interactive;
  /** The add-in's signin.html: the dialog's page and the redirect URI MSAL is configured with there. */
  pageUrl: string;
}

const signInPage = () => new URL("signin.html", location.href).href;

const defaultParts = (): SignInParts => ({
  nestedAppAuth: supportsNestedAppAuth(),
  nestable: createNestablePublicClientApplication,
  standard: createStandardPublicClientApplication,
  dialog: dialogSignIn(signInPage()),
  pageUrl: signInPage(),
});

/**
 * The pane's token provider. With nested app authentication Office signs the person in (its account,
 * its window); without it, the pane's MSAL renews tokens from the cache the sign-in dialog filled and
 * opens that dialog when a person must sign in.
 */
export async function createSignIn(config: SignInConfig, parts: SignInParts = defaultParts()): Promise<TokenProvider> {
  const auth = { clientId: config.clientId, authority: config.authority };
  if (parts.nestedAppAuth) {
    const msal = await parts.nestable({ auth });
    return createTokenProvider({ msal, scopes: config.scopes });
  }
  const msal = await parts.standard({ auth: { ...auth, redirectUri: parts.pageUrl }, cache: { cacheLocation: "localStorage" } });
  return createTokenProvider({ msal, scopes: config.scopes, interactive: parts.dialog });
}
