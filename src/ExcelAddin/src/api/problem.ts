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

  /** The ETag the server holds now, sent with a 409 so the client can fetch and compare. */
  get currentEtag(): string | null {
    const etag = (this.body as { currentEtag?: unknown } | null)?.currentEtag;
    return typeof etag === "string" ? etag : null;
  }
}

/** The network itself failed (server down, offline): nothing reached the server. */
export class OfflineError extends Error {
  constructor(override readonly cause: unknown) {
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
  return new ApiError(status, vi || `Lỗi máy chủ ${status}`, en || `Server error ${status}`, body);
}
