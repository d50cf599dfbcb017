import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { ROLES } from '../../domain/role';
import { sessionExpiry, type IssuedToken, type TokenClaims } from '../../domain/session';

// Pinned on both sides: a verifier that trusts the token's own `alg` accepts `none` or an RS/HS confusion.
const ALGORITHM = 'HS256';

const payloadSchema = z.object({ sub: z.uuid(), role: z.enum(ROLES), exp: z.number().int() });

export interface TokenService {
  issue(claims: TokenClaims, now: Date): IssuedToken;
  verify(token: string, now: Date): TokenClaims | undefined;
}

export function createJwtTokens({ secret, ttlSeconds }: { secret: string; ttlSeconds: number }): TokenService {
  return {
    issue({ userId, role }, now) {
      const expiresAt = sessionExpiry(now, ttlSeconds);
      const payload = { sub: userId, role, iat: Math.floor(now.getTime() / 1000), exp: expiresAt.getTime() / 1000 };
      return { token: jwt.sign(payload, secret, { algorithm: ALGORITHM }), expiresAt };
    },
    verify(token, now) {
      try {
        const decoded = jwt.verify(token, secret, {
          algorithms: [ALGORITHM],
          clockTimestamp: Math.floor(now.getTime() / 1000),
        });
        const parsed = payloadSchema.safeParse(decoded);
        return parsed.success ? { userId: parsed.data.sub, role: parsed.data.role } : undefined;
      } catch {
        // Expired, badly signed or not a JWT at all: all the same to a caller, "not authenticated".
        return undefined;
      }
    },
  };
}
