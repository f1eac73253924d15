// What can go wrong while signing in, told apart the way the person needs to hear it:
// they closed the window, Entra or the tenant refused, or sign-in could not run at all.

export type SignInFailure = "cancelled" | "refused" | "unavailable" | "interactionNeeded";

export class SignInError extends Error {
  constructor(readonly failure: SignInFailure, readonly code: string, readonly detail: string = "") {
    super(`${failure}: ${code}${detail ? ` ${detail}` : ""}`);
    this.name = "SignInError";
  }
}

/** The parts of an MSAL error the pane looks at; matched by name and code, as MSAL documents them. */
interface MsalLikeError { name?: unknown; errorCode?: unknown; errorMessage?: unknown; message?: unknown }

// InteractionRequiredAuthError's codes, and the browser's "no account yet": a window must be shown.
const interactionCodes = new Set([
  "interaction_required", "login_required", "consent_required", "no_tokens_found", "refresh_token_expired",
  "bad_token", "ux_not_allowed", "native_account_unavailable", "no_account_error", "no_account_in_silent_request",
]);
// The person closed the window or the Office dialog (12006) before signing in.
const cancelCodes = new Set(["user_cancelled", "access_denied_by_user", "12006"]);
// Entra or the tenant said no: consent refused, an app not allowed for this user, a conditional access block.
const refusedCodes = new Set(["access_denied", "invalid_client", "unauthorized_client", "invalid_grant", "invalid_scope", "invalid_resource"]);

export function needsInteraction(error: unknown): boolean {
  const e = (error ?? {}) as MsalLikeError;
  return e.name === "InteractionRequiredAuthError" || interactionCodes.has(String(e.errorCode ?? ""));
}

/** Any failure of MSAL or of the sign-in dialog as a SignInError. */
export function asSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const e = (error ?? {}) as MsalLikeError;
  const code = String(e.errorCode ?? e.name ?? "unknown");
  const detail = typeof e.errorMessage === "string" && e.errorMessage ? e.errorMessage : typeof e.message === "string" ? e.message : "";
  if (cancelCodes.has(code)) return new SignInError("cancelled", code);
  if (needsInteraction(error)) return new SignInError("interactionNeeded", code, detail);
  if (refusedCodes.has(code) || /^AADSTS\d+/.test(detail)) return new SignInError("refused", code, firstLine(detail));
  return new SignInError("unavailable", code, firstLine(detail));
}

// Entra's messages carry trace and correlation ids on later lines; the person needs the first.
const firstLine = (text: string) => text.split(/\r?\n/)[0]!.trim();
