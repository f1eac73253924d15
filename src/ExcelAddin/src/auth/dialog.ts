import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { asSignInError, SignInError, type SignInFailure } from "./signInError";
import type { Interactive, TokenResult } from "./tokenProvider";

// Sign-in where the host has no nested app authentication: the add-in's own sign-in page
// (signin.html) opens in an Office dialog, runs MSAL's redirect flow there, and hands the
// token back to the pane with Office.context.ui.messageParent as one of these answers.

export type DialogAnswer =
  | { kind: "token"; accessToken: string; expiresOn: number | null; account: AccountInfo | null }
  | { kind: "error"; failure: SignInFailure; code: string; detail: string };

export const tokenAnswer = (result: TokenResult): DialogAnswer =>
  ({ kind: "token", accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? null, account: result.account });

export const errorAnswer = (error: unknown): DialogAnswer => {
  const e = asSignInError(error);
  return { kind: "error", failure: e.failure, code: e.code, detail: e.detail };
};

/** The parts of Office.context.ui and the dialog the pane uses. */
export interface DialogHost {
  displayDialogAsync(url: string, options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: { status: string; value: OpenDialog; error?: { code: number; message: string } }) => void): void;
}
export interface OpenDialog {
  addEventHandler(event: string, handler: (arg: { message?: string; error?: number }) => void): void;
  close(): void;
}

/** The interactive sign-in through the dialog; `pageUrl` is the add-in's signin.html. */
export function dialogSignIn(pageUrl: string, host: () => DialogHost = () => Office.context.ui as unknown as DialogHost): Interactive {
  return (request) => new Promise<TokenResult>((resolve, reject) => {
    const url = new URL(pageUrl);
    if (request.loginHint) url.searchParams.set("login_hint", request.loginHint);
    host().displayDialogAsync(url.href, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== "succeeded") {
        reject(new SignInError("unavailable", `dialog:${opened.error?.code ?? "unknown"}`, opened.error?.message ?? ""));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler("dialogMessageReceived", (arg) => {
        dialog.close();
        const answer = parse(arg.message);
        if (answer?.kind === "token") resolve(asResult(answer));
        else if (answer?.kind === "error") reject(new SignInError(answer.failure, answer.code, answer.detail));
        else reject(new SignInError("unavailable", "dialog:answer"));
      });
      // 12006: the person closed the dialog; other codes: the page could not be loaded.
      dialog.addEventHandler("dialogEventReceived", (arg) => reject(asSignInError({ errorCode: String(arg.error) })));
    });
  });
}

function parse(message: string | undefined): DialogAnswer | null {
  try {
    return JSON.parse(message ?? "") as DialogAnswer;
  } catch {
    return null;
  }
}

const asResult = (answer: Extract<DialogAnswer, { kind: "token" }>): TokenResult =>
  ({ accessToken: answer.accessToken, expiresOn: answer.expiresOn === null ? null : new Date(answer.expiresOn), account: answer.account } as
    Pick<AuthenticationResult, "accessToken" | "expiresOn" | "account">);
