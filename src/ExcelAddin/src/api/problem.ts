/** An error the server answered with (ProblemDetails: Vietnamese title/detail, English in `en`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly body: unknown,
  ) {
    super(`${status}: ${messageEn || messageVi}`);
    this.name = "ApiError";
  }

  /** Why a 401 refused the caller, as the server names it: UserDisabled, KeyRevoked, KeyExpired, UnknownKey, NotAUser. */
  get reason(): string | null {
    const reason = (this.body as { reason?: unknown } | null)?.reason;
    return typeof reason === "string" ? reason : null;
  }

  /** The account was disabled or the key revoked or expired: trying again cannot help; an administrator or a new key can. */
  get accessEnded(): boolean {
    return this.status === 401 && ["UserDisabled", "KeyRevoked", "KeyExpired"].includes(this.reason ?? "");
  }

  /** The server's explanation alone (ProblemDetails detail, and its English), without the title. */
  detail(language: "vi" | "en"): string {
    const p = (this.body ?? {}) as { detail?: unknown; en?: unknown };
    const text = language === "vi" ? p.detail : p.en;
    return typeof text === "string" ? text : language === "vi" ? this.messageVi : this.messageEn;
  }

  /** The ETag the server holds now, sent with a 409 so the client can fetch and compare. */
  get currentEtag(): string | null {
    const etag = (this.body as { currentEtag?: unknown } | null)?.currentEtag;
    return typeof etag === "string" ? etag : null;
  }
}

/**
 * The server could not be reached or did not answer (network down, time-out, a gateway's 502/503/504),
 * after `attempts` tries. Whether a push reached it is unknown, so its idempotency key is kept.
 */
export class OfflineError extends Error {
  constructor(override readonly cause: unknown, readonly attempts = 1) {
    super("The server could not be reached.");
    this.name = "OfflineError";
  }
}

export function problemFrom(status: number, body: unknown): ApiError {
  const p = (body ?? {}) as { title?: unknown; detail?: unknown; en?: unknown };
  const text = (x: unknown) => (typeof x === "string" ? x : "");
  const vi = [text(p.title), text(p.detail)].filter(Boolean).join(": ");
  // `en` is either a string or an object with its own title/detail.
  const en = typeof p.en === "string" ? p.en
    : [text((p.en as { title?: unknown } | undefined)?.title), text((p.en as { detail?: unknown } | undefined)?.detail)].filter(Boolean).join(": ");
  // No ProblemDetails: a proxy or gateway answered, not the API. Said plainly, without a status code.
  const fallback = status >= 500
    ? ["Máy chủ hiện không trả lời được. Số liệu của bạn vẫn ở trong sổ; thử lại sau ít phút.",
      "The server is not answering right now. Your figures stay in the workbook; try again in a few minutes."]
    : ["Máy chủ không nhận yêu cầu này.", "The server did not accept this request."];
  return new ApiError(status, vi || fallback[0]!, en || fallback[1]!, body);
}
