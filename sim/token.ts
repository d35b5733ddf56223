/**
 * The RTE token service: the stand-in for the (non-public) EnreachAPI path that hands out
 * RTE JWTs (rte doc "Client authentication"; NOTES.md §1 "guess": `{ "token": "<JWT>" }`).
 * HS256 via `jose`, a random secret per process, lifetime `SIM_TOKEN_TTL_SEC` (default 120 s).
 * The hub (sim/rte-hub.ts) verifies the same tokens at negotiate and at the WebSocket upgrade.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'wallboard-sim';
const AUDIENCE = 'rte';

/** Issues and verifies RTE tokens. */
export interface TokenService {
  /** Default lifetime of issued tokens, seconds (test control `POST /sim/control/token-ttl` changes it). */
  ttlSec: number;
  /**
   * Issues a signed JWT (HS256) with `iss` wallboard-sim, `aud` rte, `sub` (default
   * `wallboard`), `iat` and `exp` = now + ttl.
   * @param ttlSec lifetime in seconds (default {@link ttlSec}); 0 or negative gives an already expired token
   */
  issue(ttlSec?: number, subject?: string): Promise<string>;
  /**
   * How many of the next tokens to issue already expired (`exp` = `iat` − 60 s), whatever
   * ttl is asked (issue 15 fault injection: `POST /sim/control/tokens/expire-next`).
   */
  expireNext: number;
  /** Tokens refused by {@link verify} so far (bad signature, expired, missing…), and of those, expired. */
  readonly refused: { total: number; expired: number };
  /** Verifies signature, issuer, audience and expiry (no clock tolerance). Never throws; counts refusals in {@link refused}. */
  verify(token: string | undefined | null): Promise<{ ok: true; subject: string; jti: string; exp: number } | { ok: false; reason: string }>;
}

/** Options of {@link createTokenService}. */
export interface TokenServiceOptions {
  /** Lifetime in seconds (default: env `SIM_TOKEN_TTL_SEC`, else 120). */
  readonly ttlSec?: number;
  /** HMAC secret (default 32 random bytes, new per process). */
  readonly secret?: Uint8Array;
}

/** Reads `SIM_TOKEN_TTL_SEC` (seconds, positive integer), default 120. */
export function tokenTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['SIM_TOKEN_TTL_SEC']);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 120;
}

/** Creates a token service with its own secret. */
export function createTokenService(opts: TokenServiceOptions = {}): TokenService {
  const secret = opts.secret ?? new Uint8Array(randomBytes(32));
  let seq = 0;
  const service: TokenService = {
    ttlSec: opts.ttlSec ?? tokenTtlFromEnv(),
    expireNext: 0,
    refused: { total: 0, expired: 0 },
    issue: async (asked = service.ttlSec, subject = 'wallboard') => {
      const now = Math.floor(Date.now() / 1000);
      seq += 1;
      let ttl = asked;
      if (service.expireNext > 0) {
        service.expireNext -= 1;
        ttl = -60;
      }
      return new SignJWT({ scope: 'rte' })
        .setJti(`t${seq}`)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(subject)
        .setIssuedAt(now)
        .setExpirationTime(now + Math.floor(ttl))
        .sign(secret);
    },
    verify: async (token) => {
      if (!token) {
        service.refused.total += 1;
        return { ok: false, reason: 'no token' };
      }
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
        return { ok: true, subject: payload.sub ?? '', jti: payload.jti ?? '', exp: (payload.exp ?? 0) * 1000 };
      } catch (err) {
        service.refused.total += 1;
        if ((err as { code?: unknown } | null)?.code === 'ERR_JWT_EXPIRED') service.refused.expired += 1;
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
  };
  return service;
}

/** Extracts a bearer token from an `Authorization` header value, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  return m?.[1]?.trim();
}
