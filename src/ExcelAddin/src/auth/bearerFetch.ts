import type { TokenProvider } from "./tokenProvider";

/** Where the API client gets its bearer token: the pane may open a sign-in window, the custom functions may not. */
export type Bearer = Pick<TokenProvider, "token" | "renew">;

export const paneBearer = (provider: TokenProvider): Bearer => ({ token: () => provider.token(), renew: () => provider.renew() });
export const backgroundBearer = (provider: TokenProvider): Bearer => ({ token: () => provider.token({ interactive: false }), renew: () => provider.renew() });

/**
 * A fetch that sends "Authorization: Bearer" with the provider's token. When the server answers that the
 * token has expired (its clock ahead of ours, or a token revoked early), the token is renewed and the
 * request sent once more.
 */
export function bearerFetch(fetchImpl: typeof fetch, bearer: Bearer): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const again = request.clone();
    const first = await fetchImpl(authorized(request, await bearer.token()));
    if (first.status !== 401 || (await reasonOf(first)) !== "TokenExpired") return first;
    return fetchImpl(authorized(again, await bearer.renew()));
  };
}

function authorized(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  // A signed-in request is the person's own: a key left in the form is never sent beside it.
  headers.delete("X-Api-Key");
  return new Request(request, { headers });
}

async function reasonOf(response: Response): Promise<string | null> {
  const body = (await response.clone().json().catch(() => null)) as { reason?: unknown } | null;
  return typeof body?.reason === "string" ? body.reason : null;
}
