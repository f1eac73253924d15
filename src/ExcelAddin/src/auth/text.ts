import { ApiError } from "../api/problem";
import { currentLanguage } from "../taskpane/i18n";
import { SignInError } from "./signInError";

// The sign-in block's words, Vietnamese first and English in the English mode.
const vi = {
  signIn: "Đăng nhập bằng tài khoản cơ quan",
  signOut: "Đăng xuất",
  orApiKey: "Hoặc dùng khóa API (chạy thử trên máy, tập lệnh):",
  signedInAs: "Đã đăng nhập: {account}",
  cancelled: "Bạn đã đóng cửa sổ đăng nhập trước khi đăng nhập xong. Bấm Đăng nhập để thử lại.",
  refused: "Đăng nhập bị từ chối. {detail}",
  unavailable: "Không đăng nhập được ({code}). {detail}",
  interactionNeeded: "Cần đăng nhập lại: bấm Đăng nhập bằng tài khoản cơ quan.",
  serverRefused: "Máy chủ HealthFuncs không nhận tài khoản đã đăng nhập. {detail}",
  dialogBlocked: "Không mở được cửa sổ đăng nhập ({code}). Hãy cho phép cửa sổ bật lên rồi thử lại.",
} as const;

type SignInText = keyof typeof vi;

const en: Record<SignInText, string> = {
  signIn: "Sign in with your organisation account",
  signOut: "Sign out",
  orApiKey: "Or use an API key (local runs, scripts):",
  signedInAs: "Signed in: {account}",
  cancelled: "The sign-in window was closed before signing in finished. Choose Sign in to try again.",
  refused: "Sign-in was refused. {detail}",
  unavailable: "Sign-in could not run ({code}). {detail}",
  interactionNeeded: "Sign in again: choose Sign in with your organisation account.",
  serverRefused: "The HealthFuncs server does not accept the signed-in account. {detail}",
  dialogBlocked: "The sign-in window could not be opened ({code}). Allow pop-up windows and try again.",
};

export function signInText(key: SignInText, values: Record<string, string> = {}): string {
  const text: string = (currentLanguage() === "vi" ? vi : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "").trim();
}

// The server's refusals of a signed-in caller (ProblemDetails `reason`): said with the server's own words.
const serverReasons = new Set(["NotAUser", "TokenRejected", "TokenExpired", "BadPrincipal"]);

/** Words for a failed sign-in, or for the server refusing the signed-in account; null for any other error. */
export function describeSignIn(error: unknown): string | null {
  if (error instanceof SignInError) {
    if (error.failure === "unavailable" && error.code.startsWith("dialog:")) return signInText("dialogBlocked", { code: error.code.slice(7) });
    return signInText(error.failure, { code: error.code, detail: error.detail });
  }
  if (error instanceof ApiError && (error.status === 401 || error.status === 403) && serverReasons.has(error.reason ?? ""))
    return signInText("serverRefused", { detail: error.detail(currentLanguage()) });
  return null;
}
