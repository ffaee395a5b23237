import { timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { ANONYMOUS, actorSchema } from '@edugraph/auth';
import type { Actor, Role } from '@edugraph/auth';
import { validateCreditCode } from '@edugraph/rules';
import type { ApiKey } from './gateway-config.ts';

export type Authentication = { ok: true; actor: Actor } | { ok: false; message: string };

const ISSUER = 'edugraph';
export const DEFAULT_JWT_AUDIENCE = 'edugraph';

export interface Credentials {
  jwtSecret: string;
  /** People's tokens must carry this `aud` and an `exp`: a token that never expires is refused. */
  jwtAudience: string;
  apiKeys: ApiKey[];
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * People sign in with a JWT (HS256, issuer "edugraph", the configured audience, an expiry); city
 * systems send an API key in `x-api-key`. Neither: the anonymous public, who may read public data only.
 */
export async function authenticate(headers: { authorization?: string | undefined; apiKey?: string | undefined }, credentials: Credentials): Promise<Authentication> {
  if (headers.apiKey) {
    const match = credentials.apiKeys.find((k) => sameKey(k.key, headers.apiKey!));
    if (!match) return { ok: false, message: 'Unknown API key.' };
    const actor: Actor = { id: `system:${match.name}`, kind: 'system', roles: match.roles, institutionId: null, office: null, creditCode: null };
    return { ok: true, actor: match.scopes?.length ? { ...actor, scopes: match.scopes } : actor };
  }
  const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
  if (!bearer) return { ok: true, actor: ANONYMOUS };
  try {
    const { payload } = await jwtVerify(bearer, new TextEncoder().encode(credentials.jwtSecret), {
      issuer: ISSUER,
      audience: credentials.jwtAudience,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    });
    const actor = actorSchema.safeParse({
      id: payload.sub,
      kind: 'person',
      roles: payload['roles'] ?? [],
      institutionId: payload['institutionId'] ?? null,
      office: payload['office'] ?? null,
      creditCode: payload['creditCode'] ?? null,
    });
    if (!actor.success) return { ok: false, message: 'The sign-in token does not name a valid user and roles.' };
    return checkCreditCode(actor.data);
  } catch (error) {
    return { ok: false, message: describe(error as { code?: string; claim?: string }) };
  }
}

/** A sponsor acts as its organisation: its token must carry that organisation's valid credit code. */
function checkCreditCode(actor: Actor): Authentication {
  if (actor.creditCode === null) {
    if (actor.roles.includes('MARKET_ENTITY')) return { ok: false, message: 'A market entity’s sign-in token must carry its unified social credit code (claim "creditCode").' };
    return { ok: true, actor };
  }
  const checked = validateCreditCode(actor.creditCode);
  if (!checked.ok) return { ok: false, message: `The sign-in token’s credit code is not valid: ${checked.error.message}` };
  return { ok: true, actor: { ...actor, creditCode: checked.value.code } };
}

function describe(error: { code?: string; claim?: string }): string {
  if (error.code === 'ERR_JWT_EXPIRED') return 'Your sign-in has expired; sign in again.';
  if (error.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && error.claim === 'exp') return 'The sign-in token has no expiry; tokens must carry "exp".';
  if (error.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && error.claim === 'aud') return 'The sign-in token was issued for another audience.';
  return 'The sign-in token is not valid.';
}

/** Issues a token for a person (used by the sign-in front end, demo start-up and tests). */
export async function issueToken(
  jwtSecret: string,
  person: { id: string; roles: Role[]; institutionId?: string | null; office?: string | null; creditCode?: string | null },
  ttl = '12h',
  audience = DEFAULT_JWT_AUDIENCE,
): Promise<string> {
  return new SignJWT({ roles: person.roles, institutionId: person.institutionId ?? null, office: person.office ?? null, creditCode: person.creditCode ?? null })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(person.id)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(jwtSecret));
}
