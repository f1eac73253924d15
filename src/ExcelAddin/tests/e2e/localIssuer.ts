import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import type { Running } from "./stack";

// A local OpenID issuer on loopback, shaped like a Microsoft Entra tenant: the metadata document
// and the signing keys at the authority's well-known addresses, and RSA-signed access tokens. The
// server under test reads both over HTTP exactly as it reads Entra's.

export const tenant = "11111111-2222-3333-4444-555555555555";
const keyId = "local-signing-key";

export interface LocalIssuer extends Running {
  /** http://127.0.0.1:<port>/<tenant>/v2.0, what the server's Auth:Entra:Authority is set to. */
  authority: string;
  /** An access token for `audience` naming `username` (preferred_username) with an object id of its own. */
  token(claims: { audience: string; username: string; name?: string; expiresAt: number }): Promise<string>;
}

/** The object id Entra would give the person: stable per sign-in name, never a HealthFuncs user id. */
export const objectIdOf = (username: string) => {
  const h = createHash("sha256").update(username).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: keyId, use: "sig", alg: "RS256" };
  let authority = "";
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://local").pathname;
    const json = (body: unknown) => { response.setHeader("Content-Type", "application/json"); response.end(JSON.stringify(body)); };
    if (path === `/${tenant}/v2.0/.well-known/openid-configuration`)
      return json({ issuer: authority, jwks_uri: `${authority}/discovery/keys`, id_token_signing_alg_values_supported: ["RS256"], token_endpoint: `${authority}/oauth2/token` });
    if (path === `/${tenant}/v2.0/discovery/keys`) return json({ keys: [jwk] });
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the issuer has no port");
  authority = `http://127.0.0.1:${address.port}/${tenant}/v2.0`;
  return {
    authority,
    token: ({ audience, username, name = "Nguyễn Văn A", expiresAt }) => sign(privateKey, authority, audience, username, name, expiresAt),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sign(key: CryptoKey, issuer: string, audience: string, username: string, name: string, expiresAt: number): Promise<string> {
  // Issued an hour before it expires, as Entra's tokens are, so an expired token is otherwise well formed.
  return new SignJWT({ oid: objectIdOf(username), preferred_username: username, name, tid: tenant, scp: "access_as_user", ver: "2.0" })
    .setProtectedHeader({ alg: "RS256", kid: keyId, typ: "JWT" })
    .setIssuer(issuer).setAudience(audience)
    .setIssuedAt(expiresAt - 3600).setNotBefore(expiresAt - 3600).setExpirationTime(expiresAt)
    .sign(key);
}
